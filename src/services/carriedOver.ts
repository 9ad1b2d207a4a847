// Carry-over links as readers and editors see them: the list (old ref, new ref, old due, new due, days
// slipped) and an editor's undo, which also puts the earlier milestones back to their own dates when the
// link had rescheduled them and nothing changed them since.
import { listLinks, lockLink, lockLinkedReschedules, markLinkRemoved, type LinkRow } from '../db/commitmentLinks.ts';
import type { Pool } from '../db/createPool.ts';
import { setMilestoneStatus } from '../db/milestones.ts';
import { appendStatusHistory } from '../db/statusHistory.ts';
import { withTransaction } from '../db/withClient.ts';
import type { StatusSource } from './changeMilestoneStatus.ts';
import { parseMilestoneRef } from './parseMilestoneRef.ts';

export type CarriedOverLink = LinkRow;

export function listCarriedOver(pool: Pool): Promise<LinkRow[]> {
  return listLinks(pool);
}

export class LinkError extends Error {
  constructor(
    readonly oldRef: string,
    readonly newRef: string,
    readonly problem: string,
  ) {
    super(`${oldRef} → ${newRef}: ${problem}`);
    this.name = 'LinkError';
  }
}

export interface LinkRemoval {
  link: LinkRow;
  /** The earlier milestones the link had moved were put back to their own dates. */
  restored: boolean;
}

export async function removeCarryOverLink(
  pool: Pool,
  oldRef: string,
  newRef: string,
  context: { editor: string; source: Exclude<StatusSource, 'proposal' | 'carryover' | 'seed' | 'loader'>; at: Date },
): Promise<LinkRemoval> {
  const oldParsed = parseMilestoneRef(oldRef).ref;
  const newParsed = parseMilestoneRef(newRef).ref;
  return withTransaction(pool, 'removing a carry-over link', async (client) => {
    const link = await lockLink(client, oldParsed, newParsed);
    if (!link) throw new LinkError(oldParsed, newParsed, 'no such link (policywatch carried-over lists them)');
    if (link.removedAt) throw new LinkError(oldParsed, newParsed, `already removed by ${link.removedBy}`);
    await markLinkRemoved(client, link.id, context.editor, context.at);
    // An undo, not a new decision: every milestone the link moved, and that nothing changed since, returns
    // to what it was before the link (pending, its own date).
    const moved = await lockLinkedReschedules(client, link.id);
    for (const milestone of moved) {
      await setMilestoneStatus(client, milestone.milestoneId, { status: 'pending', due: milestone.previousDue, evidenceUrl: null }, context.at);
      await appendStatusHistory(client, {
        milestoneId: milestone.milestoneId, status: 'pending', due: milestone.previousDue, previousStatus: 'rescheduled', previousDue: milestone.due,
        actor: context.editor, source: context.source, note: `carry-over link to ${link.newRef} removed; back to its own date`,
        evidenceUrl: null, changedAt: context.at,
      });
    }
    const restored = moved.length > 0;
    return { link: { ...link, removedAt: context.at, removedBy: context.editor }, restored };
  });
}
