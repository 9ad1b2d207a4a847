// Attaches a second edition (another language of the same chapter) to a stored document in one
// transaction: its commitments are paired with the stored ones and only their texts are written. Refs,
// milestones, statuses and subscriptions are not touched; a pairing that fails changes nothing.
import { findDocumentByKey } from '../db/documents.ts';
import { listPairableCommitments, saveCommitmentTexts, upsertEdition } from '../db/editions.ts';
import type { Pool } from '../db/createPool.ts';
import { withTransaction } from '../db/withClient.ts';
import type { DocumentLanguage, ExtractedDocument } from '../domain/types.ts';
import { EditionError } from './EditionError.ts';
import { pairEdition } from './pairEdition.ts';

export interface SaveEditionInput {
  documentKey: string;
  extracted: ExtractedDocument;
  file: string;
  title?: string | null;
  sourceUrl?: string | null;
}

export interface EditionSummary {
  key: string;
  language: DocumentLanguage;
  commitments: number;
}

export async function saveEdition(pool: Pool, input: SaveEditionInput, options: { now: Date }): Promise<EditionSummary> {
  const { extracted, documentKey, file } = input;
  const language = extracted.document.language;
  const fail = (problem: string, at?: { position: number; ref: string | null }): never => {
    throw new EditionError({ file, documentKey, problem, position: at?.position ?? null, ref: at?.ref ?? null });
  };
  return withTransaction(pool, `attach ${language} edition to ${documentKey}`, async (client) => {
    const doc = await findDocumentByKey(client, documentKey);
    if (!doc) return fail('no such document is stored (load the document first)');
    if (doc.withdrawnAt) return fail('the document is withdrawn');
    if (doc.language === language) return fail(`the document itself is ${language}; reload it without --edition-of`);
    const stored = await listPairableCommitments(client, doc.id);
    const result = pairEdition(stored, extracted.commitments);
    if (!result.ok) return fail(result.problem, result);
    await saveCommitmentTexts(client, language, result.pairs, options.now);
    await upsertEdition(
      client,
      {
        documentId: doc.id,
        language,
        title: input.title ?? extracted.document.title,
        sourceUrl: input.sourceUrl ?? null,
        sha256: extracted.document.sha256,
        commitmentCount: result.pairs.length,
      },
      options.now,
    );
    return { key: documentKey, language, commitments: result.pairs.length };
  });
}
