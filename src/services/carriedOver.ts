// Carry-over links as readers and editors see them: the list (old ref, new ref, old due, new due, days
// slipped) and an editor's undo, which also puts the earlier milestone back to its own date when the link
// had rescheduled it and nothing changed it since.
import { listLinks, lockLink, markLinkRemoved, type LinkRow } from '../db/commitmentLinks.ts';
import type { Pool } from '../db/createPool.ts';
import { lockMilestone, setMilestoneStatus } from '../db/milestones.ts';
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
  /** The earlier milestone was put back to its own date. */
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
    let restored = false;
    const milestone = link.oldMilestoneId ? await lockMilestone(client, link.oldMilestoneId) : null;
    if (milestone && link.oldDue && milestone.status === 'rescheduled' && milestone.due === link.newDue) {
      // An undo, not a new decision: the milestone returns to what it was before the link (pending, own date).
      await setMilestoneStatus(client, milestone.id, { status: 'pending', due: link.oldDue, evidenceUrl: null }, context.at);
      await appendStatusHistory(client, {
        milestoneId: milestone.id, status: 'pending', due: link.oldDue, previousStatus: milestone.status, previousDue: milestone.due,
        actor: context.editor, source: context.source, note: `carry-over link to ${link.newRef} removed; back to its own date`,
        evidenceUrl: null, changedAt: context.at,
      });
      restored = true;
    }
    return { link: { ...link, removedAt: context.at, removedBy: context.editor }, restored };
  });
}
