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
    await client.query(
      `UPDATE documents SET title = $2, chapter = $3, language = $4, published = $5, source_url = $6, sha256 = $7, loaded_at = $8
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
