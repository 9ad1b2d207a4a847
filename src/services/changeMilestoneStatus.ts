// Records a status change of one milestone: checked by the domain rules, written with its history entry in
// one transaction. Used by the CLI, the curated statuses file, the bots' editor commands, approved evidence
// proposals and carry-over.
import type { Pool, PoolClient } from '../db/createPool.ts';
import { commitmentExists, lockMilestonesOfRef, setMilestoneStatus, type LockedMilestone } from '../db/milestones.ts';
import { appendStatusHistory } from '../db/statusHistory.ts';
import { withTransaction } from '../db/withClient.ts';
import { checkStatusChange, type MilestoneStatus, type StatusChangeRequest } from '../domain/milestoneStatus.ts';
import { MilestoneRefError, parseMilestoneRef } from './parseMilestoneRef.ts';

export type StatusSource = 'cli' | 'seed' | 'telegram' | 'discord' | 'loader' | 'proposal' | 'carryover';

export interface StatusChangeContext {
  actor: string;
  source: StatusSource;
  note?: string | null;
  at: Date;
  proposalId?: number | null;
  sourceDocumentId?: number | null;
  /** Evidence kept in the history even when the status itself carries none (a dropped milestone's source). */
  historyEvidenceUrl?: string | null;
}

export interface StatusChangeOutcome {
  milestoneId: number;
  ref: string;
  seq: number;
  previousStatus: MilestoneStatus;
  status: MilestoneStatus;
  previousDue: string;
  due: string;
}

/** The milestone a ref names (ref or ref/n), locked; a clear MilestoneRefError otherwise. */
export async function lockMilestoneByRef(client: PoolClient, refText: string): Promise<LockedMilestone & { ref: string; milestoneCount: number }> {
  const { ref, seq } = parseMilestoneRef(refText);
  const rows = await lockMilestonesOfRef(client, ref);
  if (!rows.length) {
    throw new MilestoneRefError(refText, (await commitmentExists(client, ref)) ? 'this commitment has no dated milestone' : 'no such commitment');
  }
  if (seq === null && rows.length > 1) {
    throw new MilestoneRefError(refText, `this commitment has ${rows.length} milestones; name one as ${ref}/1 … ${ref}/${rows.length}`);
  }
  const milestone = seq === null ? rows[0]! : rows.find((row) => row.seq === seq);
  if (!milestone) throw new MilestoneRefError(refText, `no milestone ${seq}; this commitment has ${rows.length}`);
  return { ...milestone, ref, milestoneCount: rows.length };
}

/** Applies a checked change to a locked milestone inside the caller's transaction. */
export async function applyStatusChange(
  client: PoolClient,
  milestone: LockedMilestone & { ref: string },
  request: StatusChangeRequest,
  context: StatusChangeContext,
): Promise<StatusChangeOutcome> {
  const result = checkStatusChange(milestone, request);
  await setMilestoneStatus(client, milestone.id, result, context.at);
  await appendStatusHistory(client, {
    milestoneId: milestone.id,
    status: result.status,
    due: result.due,
    previousStatus: milestone.status,
    previousDue: milestone.due,
    actor: context.actor,
    source: context.source,
    note: context.note ?? null,
    evidenceUrl: request.evidenceUrl ?? context.historyEvidenceUrl ?? null,
    changedAt: context.at,
    proposalId: context.proposalId ?? null,
    sourceDocumentId: context.sourceDocumentId ?? null,
  });
  return {
    milestoneId: milestone.id,
    ref: milestone.ref,
    seq: milestone.seq,
    previousStatus: milestone.status,
    status: result.status,
    previousDue: milestone.due,
    due: result.due,
  };
}

export async function changeMilestoneStatus(
  pool: Pool,
  refText: string,
  request: StatusChangeRequest,
  context: StatusChangeContext,
): Promise<StatusChangeOutcome> {
  const { ref } = parseMilestoneRef(refText);
  return withTransaction(pool, `status of ${ref}`, (client) => changeMilestoneStatusIn(client, refText, request, context));
}

/** The same change inside the caller's transaction (the statuses file applies all its entries or none). */
export async function changeMilestoneStatusIn(
  client: PoolClient,
  refText: string,
  request: StatusChangeRequest,
  context: StatusChangeContext,
): Promise<StatusChangeOutcome> {
  const milestone = await lockMilestoneByRef(client, refText);
  return applyStatusChange(client, milestone, request, context);
}
