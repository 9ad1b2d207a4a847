// SQL for editions: document_editions (which languages of a document were loaded) and commitment_texts
// (one text per commitment and edition). Readers' texts are picked here with a fallback to the
// document's own text, so every query that shows a commitment uses the same expressions.
import type { DocumentLanguage } from '../domain/types.ts';
import type { Pool, PoolClient } from './createPool.ts';

/** SQL expression: the text of commitment `c` in the language bound to `param`, else its own text. */
export function textInLanguageSql(commitment: string, param: string): string {
  return `coalesce((SELECT t.text FROM commitment_texts t WHERE t.commitment_id = ${commitment}.id AND t.language = ${param}::text), ${commitment}.text)`;
}

/** SQL expression: {"zh-Hant": …, "en": …} of commitment `c` (its own text when no edition row exists). */
export function textsSql(commitment: string, document: string): string {
  return `coalesce((SELECT jsonb_object_agg(t.language, t.text) FROM commitment_texts t WHERE t.commitment_id = ${commitment}.id),
                   jsonb_build_object(${document}.language, ${commitment}.text))`;
}

export interface EditionInput {
  documentId: number;
  language: DocumentLanguage;
  title: string;
  sourceUrl: string | null;
  sha256: string;
  commitmentCount: number;
}

export async function upsertEdition(client: PoolClient, edition: EditionInput, now: Date): Promise<void> {
  await client.query(
    `INSERT INTO document_editions (document_id, language, title, source_url, sha256, commitment_count, loaded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (document_id, language) DO UPDATE
       SET title = EXCLUDED.title, source_url = EXCLUDED.source_url, sha256 = EXCLUDED.sha256,
           commitment_count = EXCLUDED.commitment_count, loaded_at = EXCLUDED.loaded_at`,
    [edition.documentId, edition.language, edition.title, edition.sourceUrl, edition.sha256, edition.commitmentCount, now],
  );
}

export async function saveCommitmentTexts(
  client: PoolClient,
  language: DocumentLanguage,
  texts: readonly { commitmentId: number; text: string; headings: readonly string[] }[],
  now: Date,
): Promise<void> {
  if (!texts.length) return;
  await client.query(
    `INSERT INTO commitment_texts (commitment_id, language, text, headings, updated_at)
     SELECT x.id, $1, x.text, ARRAY(SELECT jsonb_array_elements_text(x.headings)), $5
     FROM unnest($2::bigint[], $3::text[], $4::jsonb[]) AS x(id, text, headings)
     ON CONFLICT (commitment_id, language) DO UPDATE
       SET text = EXCLUDED.text, headings = EXCLUDED.headings, updated_at = EXCLUDED.updated_at
       WHERE (commitment_texts.text, commitment_texts.headings) IS DISTINCT FROM (EXCLUDED.text, EXCLUDED.headings)`,
    [language, texts.map((t) => t.commitmentId), texts.map((t) => t.text), texts.map((t) => JSON.stringify(t.headings)), now],
  );
}

export interface PairableCommitmentRow {
  id: number;
  ref: string;
  text: string;
  headings: string[];
  bureaus: string[];
  withRelevantBureaux: boolean;
  /** Dates the document gave (extracted, not rescheduled), "kind:YYYY-MM-DD", in milestone order. */
  dates: string[];
}

/** The document's current (not withdrawn) commitments in document order, with what pairing compares. */
export async function listPairableCommitments(client: PoolClient | Pool, documentId: number): Promise<PairableCommitmentRow[]> {
  const { rows } = await client.query<PairableCommitmentRow>(
    `SELECT c.id, c.ref, c.text, c.headings, c.bureaus, c.with_relevant_bureaux AS "withRelevantBureaux",
            ARRAY(SELECT m.kind || ':' || to_char(m.extracted_due, 'YYYY-MM-DD') FROM milestones m
                  WHERE m.commitment_id = c.id AND m.withdrawn_at IS NULL ORDER BY m.seq) AS dates
     FROM commitments c WHERE c.document_id = $1 AND c.withdrawn_at IS NULL ORDER BY c.position`,
    [documentId],
  );
  return rows;
}

export interface EditionRow {
  language: DocumentLanguage;
  title: string;
  sourceUrl: string | null;
  sha256: string;
  commitmentCount: number;
  loadedAt: Date;
}

export async function listEditionsOf(client: PoolClient | Pool, documentId: number): Promise<EditionRow[]> {
  const { rows } = await client.query<EditionRow>(
    `SELECT language, title, source_url AS "sourceUrl", sha256, commitment_count AS "commitmentCount", loaded_at AS "loadedAt"
     FROM document_editions WHERE document_id = $1 ORDER BY language DESC`,
    [documentId],
  );
  return rows;
}
