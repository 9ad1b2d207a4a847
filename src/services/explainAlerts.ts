// "Why did this target get (or not get) this alert": the milestone(s) of a ref, the target's subscription
// and outbox rows, run through the tick's own alert rules (domain/explainAlertSlots.ts).
import type { Pool } from '../db/createPool.ts';
import { findAlertsCoveredUntil, listMilestonesToExplain, listOutboxAlerts, type MilestoneToExplain } from '../db/explainAlerts.ts';
import { findSubscription } from '../db/subscriptions.ts';
import type { AlertPolicy } from '../domain/alertPolicy.ts';
import { explainAlertSlots, type SlotExplanation } from '../domain/explainAlertSlots.ts';
import { parseMilestoneRef } from './parseMilestoneRef.ts';

export type { SlotExplanation, SlotVerdict } from '../domain/explainAlertSlots.ts';

/** The ref, the milestone or the target is unknown. */
export class ExplainAlertsError extends Error {
  constructor(
    readonly field: 'ref' | 'target',
    readonly value: string,
    problem: string,
  ) {
    super(problem);
    this.name = 'ExplainAlertsError';
  }
}

export interface MilestoneExplanation {
  milestone: Pick<MilestoneToExplain, 'ref' | 'seq' | 'phrase' | 'due' | 'status' | 'withdrawn'>;
  slots: SlotExplanation[];
}

export interface AlertExplanation {
  target: string;
  at: Date;
  coveredUntil: Date | null;
  milestones: MilestoneExplanation[];
}

export async function explainAlerts(pool: Pool, input: { target: string; ref: string }, now: Date, policy: AlertPolicy): Promise<AlertExplanation> {
  const { ref, seq } = parseMilestoneRef(input.ref);
  const milestones = await listMilestonesToExplain(pool, ref, seq);
  if (!milestones.length) {
    throw new ExplainAlertsError('ref', input.ref, seq === null ? `no commitment ${ref}` : `no milestone ${ref}/${seq}`);
  }
  const subscription = await findSubscription(pool, input.target);
  if (!subscription) throw new ExplainAlertsError('target', input.target, `no subscription for target ${input.target}`);
  const [outbox, coveredUntil] = await Promise.all([
    listOutboxAlerts(
      pool,
      subscription.id,
      milestones.map((m) => m.id),
    ),
    findAlertsCoveredUntil(pool),
  ]);
  return {
    target: subscription.target,
    at: now,
    coveredUntil,
    milestones: milestones.map((milestone) => ({
      milestone: { ref: milestone.ref, seq: milestone.seq, phrase: milestone.phrase, due: milestone.due, status: milestone.status, withdrawn: milestone.withdrawn },
      slots: explainAlertSlots(
        { milestone, subscription, outbox: outbox.filter((row) => row.milestoneId === milestone.id), coveredUntil },
        now,
        policy,
      ),
    })),
  };
}
