// Writes one extracted document in one transaction: refs are kept across versions, nothing is duplicated,
// a commitment that disappeared is marked withdrawn (never deleted), and a milestone whose date changed in
// the document is recorded as rescheduled in its history. Statuses and subscriptions are never touched.
import { BUREAUS, findBureau } from '../domain/bureaus.ts';
import type { ExtractedDocument, ExtractedMilestone } from '../domain/types.ts';
import { syncBureaus } from '../db/bureaus.ts';
import { findRefOwnedElsewhere, listStoredCommitments, saveCommitment, withdrawCommitments } from '../db/commitments.ts';
import type { Pool, PoolClient } from '../db/createPool.ts';
import { findDocumentByKey, lockDocumentKey, recordDocumentVersion, upsertDocument } from '../db/documents.ts';
import { saveCommitmentTexts, upsertEdition } from '../db/editions.ts';
import { withTransaction } from '../db/withClient.ts';
import { DocumentError } from './DocumentError.ts';
import { LANGUAGE_NAMES } from './detectTextLanguage.ts';
import { insertMilestone, listMilestonesOf, updateMilestone, withdrawMilestones, type MilestoneRow } from '../db/milestones.ts';
import { appendStatusHistory } from '../db/statusHistory.ts';
import { applyOverrides } from './applyOverrides.ts';
import { matchCommitments } from './matchCommitments.ts';
import type { Override } from './readOverrides.ts';

export interface SaveDocumentInput {
  key: string;
  extracted: ExtractedDocument;
  title?: string | null;
  sourceUrl?: string | null;
  /** The file as named to the user, for errors. */
  file?: string;
}

export interface SaveDocumentOptions {
  now: Date;
  overrides?: readonly Override[];
  overridesFile?: string;
  actor?: string;
  /** Allow a reload that withdraws more than half of the document's commitments. */
  force?: boolean;
}

export interface LoadSummary {
  key: string;
  commitments: number;
  milestones: number;
  added: number;
  withdrawn: number;
  rescheduled: number;
  changed: boolean;
  /** Commitments of earlier documents this one restates (set by the loader after saving). */
  carriedOver?: number;
}

const OPEN_STATUSES = new Set(['pending', 'rescheduled']);

async function reconcileMilestones(
  client: PoolClient,
  commitmentId: number,
  existing: readonly MilestoneRow[],
  extracted: readonly ExtractedMilestone[],
  context: { now: Date; actor: string; version: string; published: Date },
): Promise<{ rescheduled: number }> {
  let rescheduled = 0;
  const bySeq = new Map(existing.map((row) => [row.seq, row]));
  for (const [index, milestone] of extracted.entries()) {
    const seq = index + 1;
    const row = bySeq.get(seq);
    bySeq.delete(seq);
    if (!row) {
      const id = await insertMilestone(client, commitmentId, seq, milestone, context.published, context.now);
      await appendStatusHistory(client, {
        milestoneId: id, status: 'pending', due: milestone.due, previousStatus: null, previousDue: null,
        actor: context.actor, source: 'loader', note: `from document version ${context.version}: "${milestone.phrase}"`,
        evidenceUrl: null, changedAt: context.now,
      });
      continue;
    }
    let { due, status, statusChangedAt } = row;
    if (row.extractedDue !== milestone.due) {
      // The document itself moved the date: an open milestone starts a new alert cycle on the new date.
      due = milestone.due;
      if (OPEN_STATUSES.has(row.status)) {
        status = 'rescheduled';
        statusChangedAt = context.now;
        rescheduled++;
      }
      await appendStatusHistory(client, {
        milestoneId: row.id, status, due, previousStatus: row.status, previousDue: row.due,
        actor: context.actor, source: 'loader',
        note: `date changed in document version ${context.version}: "${milestone.phrase}"`,
        evidenceUrl: null, changedAt: context.now,
      });
    }
    await updateMilestone(
      client,
      row.id,
      { kind: milestone.kind, phrase: milestone.phrase, subject: milestone.subject, due, extractedDue: milestone.due, status, statusChangedAt },
      context.now,
    );
  }
  await withdrawMilestones(client, [...bySeq.values()].filter((row) => !row.withdrawnAt).map((row) => row.id), context.now);
  return { rescheduled };
}

export async function saveExtractedDocument(pool: Pool, input: SaveDocumentInput, options: SaveDocumentOptions): Promise<LoadSummary> {
  const { extracted } = input;
  const now = options.now;
  const actor = options.actor ?? 'loader';
  const file = input.file ?? input.key;
  return withTransaction(pool, `load ${input.key}`, async (client) => {
    // Two processes loading the same document at once would race on refs; the second waits.
    await lockDocumentKey(client, input.key);
    const info = extracted.document;
    const before = await findDocumentByKey(client, input.key);
    if (before && before.language !== info.language) {
      // Another language of the same chapter is an edition, never a replacement of the document's text.
      throw new DocumentError({
        file,
        problem: `is ${LANGUAGE_NAMES[info.language]} text but document ${input.key} is ${LANGUAGE_NAMES[before.language]}; attach it with --edition-of ${input.key} --lang ${info.language}`,
      });
    }
    const { id: documentId, previousSha256 } = await upsertDocument(
      client,
      {
        key: input.key,
        title: input.title ?? info.title,
        chapter: info.chapter,
        language: info.language,
        published: info.published,
        sourceUrl: input.sourceUrl ?? null,
        sha256: info.sha256,
      },
      now,
    );
    const stored = await listStoredCommitments(client, documentId);
    const { matches, vanished } = matchCommitments(stored, extracted.commitments);
    const active = stored.filter((c) => !c.withdrawnAt).length;
    const vanishedIds = new Set(vanished.map((c) => c.id));
    const withdrawing = stored.filter((c) => !c.withdrawnAt && vanishedIds.has(c.id)).length;
    if (!options.force && active > 0 && withdrawing * 2 > active) {
      throw new DocumentError({
        file,
        problem: `would withdraw ${withdrawing} of the ${active} commitments of ${input.key}; nothing was changed (use --force if that is intended)`,
      });
    }
    const refPrefix = (extracted.commitments[0]?.ref ?? '').replace(/-\d+$/, '');
    const commitments = applyOverrides(
      matches.map((m) => ({ ...m.extracted, ref: m.ref })),
      options.overrides ?? [],
      refPrefix,
      options.overridesFile ?? 'overrides',
    );

    // Refs name one commitment of one document: a second document with the same chapter refs (the same
    // chapter under another key, or another language of it) would take them over.
    const taken = await findRefOwnedElsewhere(client, documentId, commitments.map((c) => c.ref));
    if (taken) {
      throw new DocumentError({
        file,
        problem: `ref ${taken.ref} already belongs to document ${taken.key}; reload it as that document (--key ${taken.key}) or attach it as an edition (--edition-of ${taken.key})`,
      });
    }

    const unknown = [...new Set(commitments.flatMap((c) => c.bureaus).filter((name) => !findBureau(name)))];
    await syncBureaus(client, BUREAUS, unknown);

    const existingMilestones = await listMilestonesOf(client, matches.flatMap((m) => (m.existingId === null ? [] : [m.existingId])));
    const milestonesByCommitment = new Map<number, MilestoneRow[]>();
    for (const row of existingMilestones) milestonesByCommitment.set(row.commitmentId, [...(milestonesByCommitment.get(row.commitmentId) ?? []), row]);

    const version = info.sha256.slice(0, 12);
    let rescheduled = 0;
    const commitmentIds: number[] = [];
    for (const [index, commitment] of commitments.entries()) {
      const match = matches[index]!;
      const commitmentId = await saveCommitment(
        client,
        match.existingId,
        {
          documentId,
          ref: commitment.ref,
          position: match.position,
          headings: commitment.headings,
          text: commitment.text,
          bureaus: commitment.bureaus,
          withRelevantBureaux: commitment.withRelevantBureaux,
        },
        now,
      );
      commitmentIds.push(commitmentId);
      const result = await reconcileMilestones(client, commitmentId, milestonesByCommitment.get(commitmentId) ?? [], commitment.milestones, {
        now,
        actor,
        version,
        // A promise stands from its publication day; without one, from when it was first loaded.
        published: info.published ? new Date(`${info.published}T00:00:00Z`) : now,
      });
      rescheduled += result.rescheduled;
    }
    const withdrawn = await withdrawCommitments(client, vanished.map((c) => c.id), now);
    const milestoneCount = commitments.reduce((sum, c) => sum + c.milestones.length, 0);
    await recordDocumentVersion(client, { documentId, sha256: info.sha256, commitmentCount: commitments.length, milestoneCount }, now);
    await saveCommitmentTexts(client, info.language, commitmentIds.map((commitmentId, i) => ({ commitmentId, text: commitments[i]!.text, headings: commitments[i]!.headings })), now);
    await upsertEdition(
      client,
      { documentId, language: info.language, title: input.title ?? info.title, sourceUrl: input.sourceUrl ?? null, sha256: info.sha256, commitmentCount: commitments.length },
      now,
    );
    return {
      key: input.key,
      commitments: commitments.length,
      milestones: milestoneCount,
      added: matches.filter((m) => m.existingId === null).length,
      withdrawn,
      rescheduled,
      changed: previousSha256 !== info.sha256,
    };
  });
}


