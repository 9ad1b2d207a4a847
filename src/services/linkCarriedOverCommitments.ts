// Carry-over across years: when a later document restates a commitment of an earlier one, the two are
// linked, and when the restated milestone is due later, the earlier milestone is recorded as rescheduled to
// the new date with the later document as its source and the days it slipped. Runs after every load.
import { findDocumentByKey, insertLink, listCommitmentsOfDocument, listCommitmentsOfEarlierDocuments, listLinkedPairs, type LinkCandidate } from '../db/commitmentLinks.ts';
import type { Pool } from '../db/createPool.ts';
import { lockMilestone } from '../db/milestones.ts';
import { withTransaction } from '../db/withClient.ts';
import { OPEN_STATUSES, type MilestoneStatus } from '../domain/milestoneStatus.ts';
import { measureTextSimilarity } from '../domain/textSimilarity.ts';
import { daysBetween } from '../domain/zonedTime.ts';
import { applyStatusChange } from './changeMilestoneStatus.ts';

/**
 * The similarity from which two commitments of a shared bureau are the same promise. Tuned on
 * test/fixtures/carry-over/policy-address-2025-ch7 against the seed chapter (bigram Dice, dates removed):
 * the three restatements with a new date and some added words score 0.70, 0.90 and 0.91; the commitments
 * that only share place names with an older one (新田科技城 and 元朗南 in a housing task: 0.49; 牛潭尾 and
 * 馬草壟 in a road study: 0.38) and everything unrelated (≤ 0.26) stay below 0.5. 0.6 sits in that gap with
 * room on both sides: a restatement may add a clause, a shared place name alone never links.
 */
export const CARRY_OVER_THRESHOLD = 0.6;

export interface CarryOverLink {
  oldRef: string;
  newRef: string;
  similarity: number;
  oldDue: string | null;
  newDue: string | null;
  daysSlipped: number | null;
  rescheduled: boolean;
}

function sharesBureau(a: LinkCandidate, b: LinkCandidate): boolean {
  return a.bureaus.some((code) => b.bureaus.includes(code));
}

/** Milestone pairs of two linked commitments: by position when both have the same number, else the first. */
function pairMilestones(older: LinkCandidate, newer: LinkCandidate): [LinkCandidate['milestones'][number] | null, LinkCandidate['milestones'][number] | null][] {
  if (!older.milestones.length || !newer.milestones.length) return [[older.milestones[0] ?? null, newer.milestones[0] ?? null]];
  if (older.milestones.length === newer.milestones.length) return older.milestones.map((m, i) => [m, newer.milestones[i]!]);
  return [[older.milestones[0]!, newer.milestones[0]!]];
}

export async function linkCarriedOverCommitments(pool: Pool, documentKey: string, options: { now: Date; threshold?: number }): Promise<CarryOverLink[]> {
  const threshold = options.threshold ?? CARRY_OVER_THRESHOLD;
  return withTransaction(pool, 'linking carried-over commitments', async (client) => {
    const document = await findDocumentByKey(client, documentKey);
    if (!document) return [];
    const newer = await listCommitmentsOfDocument(client, document.id);
    const older = await listCommitmentsOfEarlierDocuments(client, document.id);
    if (!newer.length || !older.length) return [];
    const known = await listLinkedPairs(client, newer.map((c) => c.id));
    // Every pair above the threshold, best first; each commitment is linked at most once on each side.
    const pairs: { older: LinkCandidate; newer: LinkCandidate; similarity: number }[] = [];
    for (const n of newer) {
      for (const o of older) {
        if (!sharesBureau(o, n)) continue;
        const similarity = measureTextSimilarity(o.text, n.text);
        if (similarity >= threshold) pairs.push({ older: o, newer: n, similarity });
      }
    }
    pairs.sort((a, b) => b.similarity - a.similarity);
    const usedOld = new Set<number>();
    const usedNew = new Set<number>();
    const links: CarryOverLink[] = [];
    for (const pair of pairs) {
      if (usedOld.has(pair.older.id) || usedNew.has(pair.newer.id)) continue;
      usedOld.add(pair.older.id);
      usedNew.add(pair.newer.id);
      if (known.has(`${pair.older.id}:${pair.newer.id}`)) continue;
      const milestonePairs = pairMilestones(pair.older, pair.newer);
      const [firstOld, firstNew] = milestonePairs[0]!;
      const firstSlipped = firstOld && firstNew ? daysBetween(firstOld.due, firstNew.due) : null;
      // One link per commitment pair, recorded with its first milestone pair (what `carried-over` lists).
      const inserted = await insertLink(
        client,
        {
          oldCommitmentId: pair.older.id,
          newCommitmentId: pair.newer.id,
          similarity: pair.similarity,
          oldMilestoneId: firstOld?.id ?? null,
          newMilestoneId: firstNew?.id ?? null,
          oldDue: firstOld?.due ?? null,
          newDue: firstNew?.due ?? null,
          daysSlipped: firstSlipped,
        },
        options.now,
      );
      if (!inserted) continue;
      // Every paired milestone that slipped is rescheduled, not only the first: a restated two-stage promise
      // moves both stages.
      let rescheduled = false;
      for (const [oldMilestone, newMilestone] of milestonePairs) {
        if (!oldMilestone || !newMilestone) continue;
        const slipped = daysBetween(oldMilestone.due, newMilestone.due);
        if (slipped <= 0) continue;
        const locked = await lockMilestone(client, oldMilestone.id);
        if (!locked || !OPEN_STATUSES.includes(locked.status as MilestoneStatus)) continue;
        await applyStatusChange(
          client,
          { ...locked, ref: pair.older.ref },
          { to: 'rescheduled', due: newMilestone.due },
          {
            actor: 'loader',
            source: 'carryover',
            note: `carried over to ${pair.newer.ref} in ${document.title} (${document.key}); slipped ${slipped} days`,
            at: options.now,
            sourceDocumentId: document.id,
          },
        );
        rescheduled = true;
      }
      links.push({ oldRef: pair.older.ref, newRef: pair.newer.ref, similarity: pair.similarity, oldDue: firstOld?.due ?? null, newDue: firstNew?.due ?? null, daysSlipped: firstSlipped, rescheduled });
    }
    return links;
  });
}
