// The thin loader: file or URL -> parser -> database, one transaction per document. Used by `npm start`
// (every document of the seeds manifest) and by `policywatch load`.
import path from 'node:path';
import type { Pool } from '../db/createPool.ts';
import type { Logger } from '../logger.ts';
import type { DocumentLanguage } from '../domain/types.ts';
import { parseDocument } from './parseDocument.ts';
import { readDocumentSource, isUrl } from './readDocumentSource.ts';
import { readOverrides, type Override } from './readOverrides.ts';
import { saveExtractedDocument, type LoadSummary } from './saveExtractedDocument.ts';
import type { SeedManifest } from './readSeedManifest.ts';

export interface LoadRequest {
  key: string;
  source: string;
  published: string | null;
  language: DocumentLanguage | null;
  title: string | null;
  sourceUrl: string | null;
}

export interface LoadOptions {
  now: Date;
  logger: Logger;
  overridesFile?: string | null;
}

export function documentKeyOf(source: string): string {
  const base = isUrl(source) ? new URL(source).pathname.split('/').pop() || 'document' : path.basename(source);
  return base.replace(/\.(txt|text|md)$/i, '').replace(/\.(zh-Hant|en)$/i, '').toLowerCase().replace(/[^a-z0-9._-]+/g, '-');
}

export function requestsFromManifest(manifest: SeedManifest): LoadRequest[] {
  return manifest.documents.map((doc) => ({
    key: doc.id,
    source: doc.file,
    published: doc.published,
    language: doc.language,
    title: doc.title,
    sourceUrl: doc.sourceUrl,
  }));
}

function displayName(source: string): string {
  return isUrl(source) ? source : path.relative(process.cwd(), source) || source;
}

export async function loadDocuments(pool: Pool, requests: readonly LoadRequest[], options: LoadOptions): Promise<LoadSummary[]> {
  let overrides: Override[] = [];
  if (options.overridesFile) overrides = await readOverrides(options.overridesFile);
  const summaries: LoadSummary[] = [];
  for (const request of requests) {
    const name = displayName(request.source);
    const text = await readDocumentSource(request.source);
    const extracted = parseDocument(text, { published: request.published, language: request.language ?? undefined, fileName: name });
    for (const warning of extracted.warnings) options.logger.warn({ file: name, line: warning.line }, warning.message);
    const summary = await saveExtractedDocument(
      pool,
      { key: request.key, extracted, title: request.title, sourceUrl: request.sourceUrl ?? (isUrl(request.source) ? request.source : null) },
      { now: options.now, overrides, overridesFile: options.overridesFile ? displayName(options.overridesFile) : undefined },
    );
    options.logger.info(
      { document: request.key, added: summary.added, withdrawn: summary.withdrawn, rescheduled: summary.rescheduled, changed: summary.changed },
      `loaded ${summary.commitments} commitments, ${summary.milestones} milestones from ${request.key}`,
    );
    summaries.push(summary);
  }
  return summaries;
}
