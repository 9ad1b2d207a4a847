// Documents as a whole: the overview of `policywatch documents` (each document, its editions, counts and
// last load) and withdrawing a document (never deleting it: its refs, statuses and history stay).
import type { Pool } from '../db/createPool.ts';
import { findDocumentByKey, listDocumentOverview, withdrawDocument, type DocumentOverviewRow } from '../db/documents.ts';
import { listEditionsOf, type EditionRow } from '../db/editions.ts';
import { withClient, withTransaction } from '../db/withClient.ts';

export interface DocumentOverview extends Omit<DocumentOverviewRow, 'id'> {
  editions: EditionRow[];
}

export class DocumentNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`no document "${key}" is stored (see policywatch documents)`);
    this.name = 'DocumentNotFoundError';
  }
}

export async function listDocumentsWithEditions(pool: Pool): Promise<DocumentOverview[]> {
  return withClient(pool, 'list documents', async (client) => {
    const rows = await listDocumentOverview(client);
    const out: DocumentOverview[] = [];
    for (const { id, ...row } of rows) out.push({ ...row, editions: await listEditionsOf(client, id) });
    return out;
  });
}

export async function withdrawDocumentByKey(pool: Pool, key: string, now: Date): Promise<{ key: string; commitments: number; already: boolean }> {
  return withTransaction(pool, `withdraw ${key}`, async (client) => {
    const doc = await findDocumentByKey(client, key);
    if (!doc) throw new DocumentNotFoundError(key);
    const commitments = await withdrawDocument(client, doc.id, now);
    return { key, commitments, already: doc.withdrawnAt !== null };
  });
}
