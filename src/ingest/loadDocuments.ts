// The thin loader: file or URL -> parser -> database, one transaction per document. Used by `npm start`
// (every document of the seeds manifest) and by `policywatch load`.
import path from 'node:path';
import type { Pool } from '../db/createPool.ts';
import { findDocumentPublished } from '../db/documents.ts';
import type { Logger } from '../logger.ts';
import type { DocumentLanguage } from '../domain/types.ts';
import { parseDocument } from './parseDocument.ts';
import { readDocumentSourceAs, isUrl } from './readDocumentSource.ts';
import { DocumentError } from './DocumentError.ts';
import { detectTextLanguage, LANGUAGE_NAMES } from './detectTextLanguage.ts';
import { saveEdition, type EditionSummary } from './saveEdition.ts';
import { readOverrides, type Override } from './readOverrides.ts';
import { linkCarriedOverCommitments, type CarryOverLink } from '../services/linkCarriedOverCommitments.ts';
import { saveExtractedDocument, type LoadSummary } from './saveExtractedDocument.ts';
import type { SeedManifest } from './readSeedManifest.ts';

export interface LoadRequest {
  key: string;
  source: string;
  published: string | null;
  language: DocumentLanguage | null;
  title: string | null;
  sourceUrl: string | null;
  /** Attach this file as an edition (another language) of the stored document with this key. */
  editionOf?: string | null;
}

export interface LoadOptions {
  now: Date;
  logger: Logger;
  overridesFile?: string | null;
  /** Allow reloads that withdraw more than half of a document's commitments. */
  force?: boolean;
  /** Refuse files larger than this (default 20 MB). */
  maxBytes?: number;
}

export type LoadOutcome = ({ kind: 'document' } & LoadSummary) | ({ kind: 'edition' } & EditionSummary);

export function documentKeyOf(source: string): string {
  const base = isUrl(source) ? new URL(source).pathname.split('/').pop() || 'document' : path.basename(source);
  return base.replace(/\.(txt|text|md|html?|xml|pdf)$/i, '').replace(/\.(zh-Hant|en)$/i, '').toLowerCase().replace(/[^a-z0-9._-]+/g, '-');
}

export function requestsFromManifest(manifest: SeedManifest): LoadRequest[] {
  const documents = manifest.documents.map((doc) => ({
    key: doc.id,
    source: doc.file,
    published: doc.published,
    language: doc.language,
    title: doc.title,
    sourceUrl: doc.sourceUrl,
  }));
  // Editions after every document, so each finds its document stored.
  const editions = manifest.editions.map((edition) => ({
    key: edition.of,
    source: edition.file,
    published: edition.published ?? manifest.documents.find((doc) => doc.id === edition.of)?.published ?? null,
    language: edition.language,
    title: edition.title,
    sourceUrl: edition.sourceUrl,
    editionOf: edition.of,
  }));
  return [...documents, ...editions];
}

function displayName(source: string): string {
  return isUrl(source) ? source : path.relative(process.cwd(), source) || source;
}

/** Reads, converts and extracts one request; refuses a --lang that does not match the text. */
export async function extractRequest(request: Omit<LoadRequest, 'key'>, options: { maxBytes?: number }) {
  const name = displayName(request.source);
  const { text, format } = await readDocumentSourceAs(request.source, { maxBytes: options.maxBytes });
  const written = detectTextLanguage(text);
  if (request.language && request.language !== written) {
    throw new DocumentError({
      file: name,
      problem: `is ${LANGUAGE_NAMES[written]} text but was given as ${LANGUAGE_NAMES[request.language]} (--lang ${request.language})`,
    });
  }
  const extracted = parseDocument(text, { published: request.published, language: request.language ?? written, fileName: name });
  return { name, format, extracted };
}

export async function loadDocuments(pool: Pool, requests: readonly LoadRequest[], options: LoadOptions): Promise<LoadOutcome[]> {
  let overrides: Override[] = [];
  if (options.overridesFile) overrides = await readOverrides(options.overridesFile);
  const outcomes: LoadOutcome[] = [];
  for (const request of requests) {
    // An edition's relative dates ("within five years") count from its document's publication day.
    const published = request.published ?? (request.editionOf ? await findDocumentPublished(pool, request.editionOf) : null);
    const { name, extracted } = await extractRequest({ ...request, published }, options);
    for (const warning of extracted.warnings) options.logger.warn({ file: name, line: warning.line }, warning.message);
    const sourceUrl = request.sourceUrl ?? (isUrl(request.source) ? request.source : null);
    if (request.editionOf) {
      const edition = await saveEdition(pool, { documentKey: request.editionOf, extracted, file: name, title: request.title, sourceUrl }, { now: options.now });
      options.logger.info({ document: edition.key, language: edition.language }, `attached the ${edition.language} edition of ${edition.key}: ${edition.commitments} commitments paired`);
      outcomes.push({ kind: 'edition', ...edition });
      continue;
    }
    const summary = await saveExtractedDocument(
      pool,
      { key: request.key, extracted, title: request.title, sourceUrl, file: name },
      { now: options.now, overrides, overridesFile: options.overridesFile ? displayName(options.overridesFile) : undefined, force: options.force },
    );
    outcomes.push({ kind: 'document', ...summary });
  }
  // A later document may restate earlier promises: link them, and record the slips. Only when a document of
  // this load changed (then each of them is compared with the documents before it, as a new one may sit
  // between them); a start with nothing new compares nothing.
  const relink = outcomes.some((o) => o.kind === 'document' && o.changed);
  for (const summary of outcomes) {
    if (summary.kind !== 'document') continue;
    const carriedOver: CarryOverLink[] = relink ? await linkCarriedOverCommitments(pool, summary.key, { now: options.now }) : [];
    for (const link of carriedOver) {
      options.logger.info({ old: link.oldRef, new: link.newRef, oldDue: link.oldDue, newDue: link.newDue, daysSlipped: link.daysSlipped }, 'carried over');
    }
    summary.carriedOver = carriedOver.length;
    options.logger.info(
      { document: summary.key, carriedOver: carriedOver.length, added: summary.added, withdrawn: summary.withdrawn, rescheduled: summary.rescheduled, changed: summary.changed },
      `loaded ${summary.commitments} commitments, ${summary.milestones} milestones from ${summary.key}`,
    );
  }
  return outcomes;
}
