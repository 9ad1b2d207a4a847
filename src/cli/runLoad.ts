// policywatch load [file|url ...] [--published YYYY-MM-DD] [--lang zh-Hant|en] [--key NAME]
import { existsSync } from 'node:fs';
import { openDatabase } from '../db/openDatabase.ts';
import { loadStatusesFile } from '../ingest/loadStatusesFile.ts';
import { documentKeyOf, loadDocuments, requestsFromManifest, type LoadRequest } from '../ingest/loadDocuments.ts';
import { findSeedDocument, readSeedManifest } from '../ingest/readSeedManifest.ts';
import type { Command } from './CliContext.ts';
import { parseCommandArgs } from './parseCommandArgs.ts';
import { UsageError } from './UsageError.ts';

const USAGE = 'policywatch load [file|url ...] [--published YYYY-MM-DD] [--lang zh-Hant|en] [--key NAME]';

export const runLoad: Command = async (args, { config, logger, clock, stdout }) => {
  const { values, positionals } = parseCommandArgs(
    args,
    { published: { type: 'string' }, lang: { type: 'string' }, key: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    USAGE,
  );
  if (values.help) {
    stdout.write(`${USAGE}\n  Loads documents (default: every document of the seeds manifest) into the database.\n  Reloading keeps refs, statuses and subscriptions; vanished commitments are marked withdrawn.\n`);
    return 0;
  }
  if (values.published !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.published)) {
    throw new UsageError(`--published must be a date YYYY-MM-DD, not "${values.published}"`, USAGE);
  }
  if (values.lang !== undefined && values.lang !== 'zh-Hant' && values.lang !== 'en') {
    throw new UsageError(`--lang must be zh-Hant or en, not "${values.lang}"`, USAGE);
  }
  if (values.key !== undefined && positionals.length !== 1) throw new UsageError('--key needs exactly one file', USAGE);
  const manifestExists = existsSync(config.seeds.manifest);
  if (!positionals.length && !manifestExists) throw new UsageError(`no files given and no seeds manifest at ${config.seeds.manifest}`, USAGE);
  const manifest = manifestExists ? await readSeedManifest(config.seeds.manifest) : null;
  const requests: LoadRequest[] = positionals.length
    ? positionals.map((source) => {
        const entry = findSeedDocument(manifest, source);
        return {
          key: values.key ?? entry?.id ?? documentKeyOf(source),
          source,
          published: values.published ?? entry?.published ?? null,
          language: (values.lang as 'zh-Hant' | 'en' | undefined) ?? entry?.language ?? null,
          title: entry?.title ?? null,
          sourceUrl: entry?.sourceUrl ?? null,
        };
      })
    : requestsFromManifest(manifest!);

  const db = await openDatabase(config, logger);
  try {
    const summaries = await loadDocuments(db.pool, requests, { now: clock.now(), logger, overridesFile: manifest?.overridesFile ?? null });
    // The curated statuses belong to the manifest's documents: applied when those are (re)loaded.
    const statuses = manifest?.statusesFile && !positionals.length ? await loadStatusesFile(db.pool, manifest.statusesFile, clock.now()) : 0;
    for (const s of summaries) {
      stdout.write(
        `loaded ${s.commitments} commitments, ${s.milestones} milestones from ${s.key}` +
          `${s.changed ? '' : ' (unchanged)'}${s.added ? `; ${s.added} new` : ''}${s.withdrawn ? `; ${s.withdrawn} withdrawn` : ''}${s.rescheduled ? `; ${s.rescheduled} rescheduled` : ''}\n`,
      );
    }
    if (statuses) stdout.write(`applied ${statuses} status change(s) from ${manifest!.statusesFile}\n`);
    return 0;
  } finally {
    await db.close();
  }
};
