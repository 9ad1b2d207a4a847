// policywatch extract <file> [--published YYYY-MM-DD] [--lang zh-Hant|en] [--json] [--review]
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from '../ingest/parseDocument.ts';
import { readDocumentSource } from '../ingest/readDocumentSource.ts';
import { findSeedDocument, findSeedEdition, readSeedManifest } from '../ingest/readSeedManifest.ts';
import { renderExtractionTable } from '../ingest/renderExtractionTable.ts';
import { renderReviewList } from '../ingest/renderReviewList.ts';
import type { Command } from './CliContext.ts';
import { parseCommandArgs } from './parseCommandArgs.ts';
import { UsageError } from './UsageError.ts';

const USAGE = 'policywatch extract <file> [--published YYYY-MM-DD] [--lang zh-Hant|en] [--json] [--review]';

export const runExtract: Command = async (args, { config, stdout }) => {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      published: { type: 'string' },
      lang: { type: 'string' },
      json: { type: 'boolean' },
      review: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  );
  if (values.help) {
    stdout.write(
      `${USAGE}\n  Prints the commitments, bureaux and dated milestones found in a document; nothing is stored.\n` +
        '  --review lists what needs a human eye instead: commitments without a bureau, unknown bureau names,\n' +
        '  dates the grammar could not place and numbers it read as non-dates near date words.\n',
    );
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
  // An edition listed in the manifest takes its document's publication date and its own language.
  const edition = findSeedEdition(manifest, file);
  const editionPublished = edition ? (edition.published ?? manifest?.documents.find((doc) => doc.id === edition.of)?.published ?? null) : null;
  const text = await readDocumentSource(file, { maxBytes: config.ingest.maxFileMegabytes * 1024 * 1024 });
  const extracted = parseDocument(text, {
    published: values.published ?? entry?.published ?? editionPublished,
    language: (values.lang as 'zh-Hant' | 'en' | undefined) ?? entry?.language ?? edition?.language ?? undefined,
    fileName: path.relative(process.cwd(), file) || file,
    review: values.review === true,
  });
  if (values.review) {
    const review = { document: extracted.document, commitments: extracted.commitments.length, review: extracted.review ?? [] };
    stdout.write(values.json ? `${JSON.stringify(review, null, 2)}\n` : `${renderReviewList(extracted)}\n`);
    return 0;
  }
  stdout.write(values.json ? `${JSON.stringify(extracted, null, 2)}\n` : `${renderExtractionTable(extracted)}\n`);
  return 0;
};
