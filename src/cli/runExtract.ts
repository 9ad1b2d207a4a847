// policywatch extract <file> [--published YYYY-MM-DD] [--lang zh-Hant|en] [--json]
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from '../ingest/parseDocument.ts';
import { readDocumentSource } from '../ingest/readDocumentSource.ts';
import { findSeedDocument, readSeedManifest } from '../ingest/readSeedManifest.ts';
import { renderExtractionTable } from '../ingest/renderExtractionTable.ts';
import type { Command } from './CliContext.ts';
import { parseCommandArgs } from './parseCommandArgs.ts';
import { UsageError } from './UsageError.ts';

const USAGE = 'policywatch extract <file> [--published YYYY-MM-DD] [--lang zh-Hant|en] [--json]';

export const runExtract: Command = async (args, { config, stdout }) => {
  const { values, positionals } = parseCommandArgs(
    args,
    { published: { type: 'string' }, lang: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    USAGE,
  );
  if (values.help) {
    stdout.write(`${USAGE}\n  Prints the commitments, bureaux and dated milestones found in a document; nothing is stored.\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length ? 'give exactly one file' : 'missing <file>', USAGE);
  if (values.published !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.published)) {
    throw new UsageError(`--published must be a date YYYY-MM-DD, not "${values.published}"`, USAGE);
  }
  if (values.lang !== undefined && values.lang !== 'zh-Hant' && values.lang !== 'en') {
    throw new UsageError(`--lang must be zh-Hant or en, not "${values.lang}"`, USAGE);
  }
  const file = positionals[0]!;
  const manifest = existsSync(config.seeds.manifest) ? await readSeedManifest(config.seeds.manifest) : null;
  const entry = findSeedDocument(manifest, file);
  const text = await readDocumentSource(file);
  const extracted = parseDocument(text, {
    published: values.published ?? entry?.published ?? null,
    language: (values.lang as 'zh-Hant' | 'en' | undefined) ?? entry?.language ?? undefined,
    fileName: path.relative(process.cwd(), file) || file,
  });
  stdout.write(values.json ? `${JSON.stringify(extracted, null, 2)}\n` : `${renderExtractionTable(extracted)}\n`);
  return 0;
};
