// SQL for the commitments table.
import type { Pool, PoolClient } from './createPool.ts';

export interface StoredCommitmentRow {
  id: number;
  ref: string;
  text: string;
  position: number;
  withdrawnAt: Date | null;
}

export interface CommitmentInput {
  documentId: number;
  ref: string;
  position: number;
  headings: readonly string[];
  text: string;
  bureaus: readonly string[];
  withRelevantBureaux: boolean;
}

export async function listStoredCommitments(client: PoolClient | Pool, documentId: number): Promise<StoredCommitmentRow[]> {
  const { rows } = await client.query<StoredCommitmentRow>(
    `SELECT id, ref, text, position, withdrawn_at AS "withdrawnAt" FROM commitments WHERE document_id = $1 ORDER BY position`,
    [documentId],
  );
  return rows;
}

/** Inserts a new commitment, or updates (and reinstates, if withdrawn) an existing one. Returns its id. */
export async function saveCommitment(client: PoolClient, existingId: number | null, input: CommitmentInput, now: Date): Promise<number> {
  const values = [input.ref, input.position, input.headings, input.text, input.bureaus, input.withRelevantBureaux, now];
  if (existingId !== null) {
    await client.query(
      `UPDATE commitments SET ref = $1, position = $2, headings = $3, text = $4, bureaus = $5, with_relevant_bureaux = $6,
         withdrawn_at = NULL, updated_at = $7
       WHERE id = $8 AND (ref, position, headings, text, bureaus, with_relevant_bureaux, withdrawn_at)
         IS DISTINCT FROM ($1, $2, $3::text[], $4, $5::text[], $6, NULL::timestamptz)`,
      [...values, existingId],
    );
    return existingId;
  }
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO commitments (ref, position, headings, text, bureaus, with_relevant_bureaux, created_at, updated_at, document_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8) RETURNING id`,
    [...values, input.documentId],
  );
  return rows[0]!.id;
}

export async function withdrawCommitments(client: PoolClient, ids: readonly number[], now: Date): Promise<number> {
  if (!ids.length) return 0;
  const { rowCount } = await client.query(
    'UPDATE commitments SET withdrawn_at = $2, updated_at = $2 WHERE id = ANY($1::bigint[]) AND withdrawn_at IS NULL',
    [ids, now],
  );
  return rowCount ?? 0;
}

export interface CommitmentSummary {
  ref: string;
  text: string;
  bureaus: string[];
}

/** Commitments (not withdrawn) whose ref starts with the query or whose text holds it; ref matches first. */
export async function searchCommitmentRows(db: Pool | PoolClient, query: string, limit: number): Promise<CommitmentSummary[]> {
  const { rows } = await db.query<CommitmentSummary>(
    `SELECT ref, text, bureaus FROM commitments
     WHERE withdrawn_at IS NULL AND ($1 = '' OR upper(ref) LIKE upper($1) || '%' OR text ILIKE '%' || $1 || '%')
     ORDER BY (upper(ref) LIKE upper($1) || '%') DESC, document_id DESC, position
     LIMIT $2`,
    [query.trim().replace(/[%_\\]/g, (ch) => `\\${ch}`), limit],
  );
  return rows;
}

/** The first of these refs that belongs to another document than this one, with that document's key. */
export async function findRefOwnedElsewhere(client: PoolClient, documentId: number, refs: readonly string[]): Promise<{ ref: string; key: string } | null> {
  if (!refs.length) return null;
  const { rows } = await client.query<{ ref: string; key: string }>(
    `SELECT c.ref, d.key FROM commitments c JOIN documents d ON d.id = c.document_id
     WHERE upper(c.ref) = ANY($2::text[]) AND c.document_id <> $1 ORDER BY c.ref LIMIT 1`,
    [documentId, refs.map((ref) => ref.toUpperCase())],
  );
  return rows[0] ?? null;
}
