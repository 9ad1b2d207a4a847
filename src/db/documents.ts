// SQL for documents and document_versions.
import type { DocumentLanguage } from '../domain/types.ts';
import type { Pool, PoolClient } from './createPool.ts';

export interface DocumentInput {
  key: string;
  title: string;
  chapter: string | null;
  language: DocumentLanguage;
  published: string | null;
  sourceUrl: string | null;
  sha256: string;
}

export interface DocumentRow extends DocumentInput {
  id: number;
  loadedAt: Date;
}

/** Inserts or updates the document and locks its row for the rest of the transaction. */
export async function upsertDocument(client: PoolClient, doc: DocumentInput, now: Date): Promise<{ id: number; previousSha256: string | null }> {
  const existing = await client.query<{ id: number; sha256: string }>('SELECT id, sha256 FROM documents WHERE key = $1 FOR UPDATE', [doc.key]);
  const params = [doc.key, doc.title, doc.chapter, doc.language, doc.published, doc.sourceUrl, doc.sha256, now];
  if (existing.rows[0]) {
    // Loading a withdrawn document again reinstates it.
    await client.query(
      `UPDATE documents SET title = $2, chapter = $3, language = $4, published = $5, source_url = $6, sha256 = $7, loaded_at = $8,
         withdrawn_at = NULL
       WHERE key = $1`,
      params,
    );
    return { id: existing.rows[0].id, previousSha256: existing.rows[0].sha256 };
  }
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO documents (key, title, chapter, language, published, source_url, sha256, loaded_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id`,
    params,
  );
  return { id: rows[0]!.id, previousSha256: null };
}

export async function recordDocumentVersion(
  client: PoolClient,
  version: { documentId: number; sha256: string; commitmentCount: number; milestoneCount: number },
  now: Date,
): Promise<void> {
  await client.query(
    `INSERT INTO document_versions (document_id, sha256, commitment_count, milestone_count, loaded_at)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (document_id, sha256) DO NOTHING`,
    [version.documentId, version.sha256, version.commitmentCount, version.milestoneCount, now],
  );
}

export async function listDocuments(client: Pool | PoolClient): Promise<DocumentRow[]> {
  const { rows } = await client.query<DocumentRow>(
    `SELECT id, key, title, chapter, language, published, source_url AS "sourceUrl", sha256, loaded_at AS "loadedAt"
     FROM documents ORDER BY key`,
  );
  return rows;
}

/** Two processes loading the same document at once would race on refs; the second waits (transaction lock). */
export async function lockDocumentKey(client: PoolClient, key: string): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`policywatch:document:${key}`]);
}

export interface StoredDocument {
  id: number;
  key: string;
  title: string;
  language: DocumentLanguage;
  withdrawnAt: Date | null;
}

/** The document with this key, its row locked for the rest of the transaction. */
export async function findDocumentByKey(client: PoolClient, key: string): Promise<StoredDocument | null> {
  const { rows } = await client.query<StoredDocument>(
    'SELECT id, key, title, language, withdrawn_at AS "withdrawnAt" FROM documents WHERE key = $1 FOR UPDATE',
    [key],
  );
  return rows[0] ?? null;
}

export interface DocumentOverviewRow {
  id: number;
  key: string;
  title: string;
  chapter: string | null;
  language: DocumentLanguage;
  published: string | null;
  sourceUrl: string | null;
  loadedAt: Date;
  withdrawnAt: Date | null;
  commitments: number;
  withdrawnCommitments: number;
  milestones: number;
  openMilestones: number;
  versions: number;
}

/** Every document with its counts, for `policywatch documents`. */
export async function listDocumentOverview(client: Pool | PoolClient): Promise<DocumentOverviewRow[]> {
  const { rows } = await client.query<DocumentOverviewRow>(
    `SELECT d.id, d.key, d.title, d.chapter, d.language, d.published, d.source_url AS "sourceUrl", d.loaded_at AS "loadedAt",
            d.withdrawn_at AS "withdrawnAt",
            (SELECT count(*) FROM commitments c WHERE c.document_id = d.id AND c.withdrawn_at IS NULL)::int AS commitments,
            (SELECT count(*) FROM commitments c WHERE c.document_id = d.id AND c.withdrawn_at IS NOT NULL)::int AS "withdrawnCommitments",
            (SELECT count(*) FROM milestones m JOIN commitments c ON c.id = m.commitment_id
              WHERE c.document_id = d.id AND c.withdrawn_at IS NULL AND m.withdrawn_at IS NULL)::int AS milestones,
            (SELECT count(*) FROM milestones m JOIN commitments c ON c.id = m.commitment_id
              WHERE c.document_id = d.id AND c.withdrawn_at IS NULL AND m.withdrawn_at IS NULL AND m.status IN ('pending', 'rescheduled'))::int AS "openMilestones",
            (SELECT count(*) FROM document_versions v WHERE v.document_id = d.id)::int AS versions
     FROM documents d ORDER BY d.key`,
  );
  return rows;
}

/** Marks the document and its commitments withdrawn (never deleted). Returns the commitments withdrawn now. */
export async function withdrawDocument(client: PoolClient, documentId: number, now: Date): Promise<number> {
  await client.query('UPDATE documents SET withdrawn_at = $2 WHERE id = $1 AND withdrawn_at IS NULL', [documentId, now]);
  const { rowCount } = await client.query(
    'UPDATE commitments SET withdrawn_at = $2, updated_at = $2 WHERE document_id = $1 AND withdrawn_at IS NULL',
    [documentId, now],
  );
  return rowCount ?? 0;
}

/** The publication date of a stored document (an edition's dates count from the same day). */
export async function findDocumentPublished(client: Pool | PoolClient, key: string): Promise<string | null> {
  const { rows } = await client.query<{ published: string | null }>('SELECT published FROM documents WHERE key = $1', [key]);
  return rows[0]?.published ?? null;
}
