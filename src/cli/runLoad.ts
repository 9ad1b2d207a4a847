// policywatch load [file|url ...] [--published YYYY-MM-DD] [--lang zh-Hant|en] [--key NAME] [--edition-of KEY] [--force]
import { existsSync } from 'node:fs';
import { openDatabase } from '../services/database.ts';
import { loadStatusesFile } from '../ingest/loadStatusesFile.ts';
import { documentKeyOf, loadDocuments, requestsFromManifest, type LoadOutcome, type LoadRequest } from '../ingest/loadDocuments.ts';
import { findSeedDocument, findSeedEdition, readSeedManifest } from '../ingest/readSeedManifest.ts';
import type { Command } from './CliContext.ts';
import { parseCommandArgs } from './parseCommandArgs.ts';
import { UsageError } from './UsageError.ts';

const USAGE = 'policywatch load [file|url ...] [--published YYYY-MM-DD] [--lang zh-Hant|en] [--key NAME] [--edition-of KEY] [--force]';

export function describeOutcome(s: LoadOutcome): string {
  if (s.kind === 'edition') return `attached the ${s.language} edition of ${s.key}: ${s.commitments} commitments paired`;
  return (
    `loaded ${s.commitments} commitments, ${s.milestones} milestones from ${s.key}` +
    `${s.changed ? '' : ' (unchanged)'}${s.added ? `; ${s.added} new` : ''}${s.withdrawn ? `; ${s.withdrawn} withdrawn` : ''}${s.rescheduled ? `; ${s.rescheduled} rescheduled` : ''}`
  );
}

export const runLoad: Command = async (args, { config, logger, clock, stdout }) => {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      published: { type: 'string' },
      lang: { type: 'string' },
      key: { type: 'string' },
      'edition-of': { type: 'string' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  );
  if (values.help) {
    stdout.write(
      `${USAGE}\n  Loads documents (default: every document and edition of the seeds manifest) into the database.\n` +
        '  Reloading keeps refs, statuses and subscriptions; vanished commitments are marked withdrawn (a reload that\n' +
        '  would withdraw more than half of them stops unless --force). --edition-of attaches the file as another\n' +
        '  language of a stored document: its commitments are paired with the stored ones, refs unchanged.\n',
    );
    return 0;
  }
  if (values.published !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.published)) {
    throw new UsageError(`--published must be a date YYYY-MM-DD, not "${values.published}"`, USAGE);
  }
  if (values.lang !== undefined && values.lang !== 'zh-Hant' && values.lang !== 'en') {
    throw new UsageError(`--lang must be zh-Hant or en, not "${values.lang}"`, USAGE);
  }
  if (values.key !== undefined && positionals.length !== 1) throw new UsageError('--key needs exactly one file', USAGE);
  if (values['edition-of'] !== undefined && positionals.length !== 1) throw new UsageError('--edition-of needs exactly one file', USAGE);
  if (values['edition-of'] !== undefined && values.key !== undefined) throw new UsageError('give --key or --edition-of, not both', USAGE);
  const manifestExists = existsSync(config.seeds.manifest);
  if (!positionals.length && !manifestExists) throw new UsageError(`no files given and no seeds manifest at ${config.seeds.manifest}`, USAGE);
  const manifest = manifestExists ? await readSeedManifest(config.seeds.manifest) : null;
  const requests: LoadRequest[] = positionals.length
    ? positionals.map((source) => {
        const entry = findSeedDocument(manifest, source);
        const edition = values.key === undefined ? findSeedEdition(manifest, source) : null;
        const editionOf = values['edition-of'] ?? edition?.of ?? null;
        const of = editionOf ? manifest?.documents.find((doc) => doc.id === editionOf) : null;
        return {
          key: values.key ?? editionOf ?? entry?.id ?? documentKeyOf(source),
          source,
          published: values.published ?? entry?.published ?? edition?.published ?? of?.published ?? null,
          language: (values.lang as 'zh-Hant' | 'en' | undefined) ?? entry?.language ?? edition?.language ?? null,
          title: entry?.title ?? edition?.title ?? null,
          sourceUrl: entry?.sourceUrl ?? edition?.sourceUrl ?? null,
          editionOf,
        };
      })
    : requestsFromManifest(manifest!);

  const db = await openDatabase(config, logger);
  try {
    const outcomes = await loadDocuments(db.pool, requests, {
      now: clock.now(),
      logger,
      overridesFile: manifest?.overridesFile ?? null,
      force: values.force ?? false,
      maxBytes: config.ingest.maxFileMegabytes * 1024 * 1024,
    });
    // The curated statuses belong to the manifest's documents: applied when those are (re)loaded.
    const statuses = manifest?.statusesFile && !positionals.length ? await loadStatusesFile(db.pool, manifest.statusesFile, clock.now()) : 0;
    for (const outcome of outcomes) stdout.write(`${describeOutcome(outcome)}\n`);
    if (statuses) stdout.write(`applied ${statuses} status change(s) from ${manifest!.statusesFile}\n`);
    return 0;
  } finally {
    await db.close();
  }
};
