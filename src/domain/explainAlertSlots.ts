// "Why did this target get (or not get) this alert?" For one milestone and one target: every alert slot of
// the milestone's current cycle up to an instant, whether the target gets it, and the first rule that stops
// it otherwise. The rules are the tick's: listAlertSlots for the slots, wantsAlert for the switches and
// planAlerts for "only the latest slot of a window is sent"; what the outbox already holds is a fact and wins.
import { listAlertSlots, planAlerts, wantsAlert, type AlertKind, type AlertPolicy } from './alertPolicy.ts';
import { OPEN_STATUSES, type MilestoneStatus } from './milestoneStatus.ts';

export interface ExplainedMilestone {
  ref: string;
  due: string;
  status: MilestoneStatus;
  statusChangedAt: Date;
  withdrawn: boolean;
  bureaus: readonly string[];
}

export interface ExplainedSubscription {
  bureaus: readonly string[] | null;
  refs: readonly string[] | null;
  deadlines: boolean;
  watchdog: boolean;
  activeSince: Date;
  mutedUntil: Date | null;
  disabledAt: Date | null;
}

export type OutboxState = 'pending' | 'sending' | 'sent' | 'superseded' | 'dead';

export interface OutboxAlert {
  id: number;
  kind: string;
  slotAt: Date;
  state: OutboxState;
  lastError: string | null;
  sentAt: Date | null;
}

export type SlotVerdict =
  | 'withdrawn'
  | 'closed'
  | 'unsubscribed'
  | 'not-subscribed'
  | 'switches'
  | 'before-active'
  | 'muted'
  | 'superseded'
  | 'will-send'
  | 'missing'
  | OutboxState;

export interface SlotExplanation {
  kind: AlertKind;
  at: Date;
  leadDays: number | null;
  /** True when the target gets (or got, or is about to get) this alert. */
  gets: boolean;
  verdict: SlotVerdict;
  /** One sentence saying why. */
  reason: string;
  /** The outbox row, when the tick wrote one. */
  notificationId: number | null;
}

export interface ExplainInput {
  milestone: ExplainedMilestone;
  subscription: ExplainedSubscription;
  outbox: readonly OutboxAlert[];
  /** Up to where the tick has fanned out slots; null when it never ran. */
  coveredUntil: Date | null;
}

const EPOCH = new Date(0);

/** Slots the milestone would have in its current cycle, even when it is closed (to say why none was sent). */
function cycleSlots(milestone: ExplainedMilestone, now: Date, policy: AlertPolicy) {
  const asOpen = { ...milestone, status: OPEN_STATUSES.includes(milestone.status) ? milestone.status : 'pending' };
  return listAlertSlots(asOpen, EPOCH, now, policy);
}

/** Does the subscription's bureau/ref list take in this milestone? (NULL lists: everything.) */
export function coversMilestone(subscription: Pick<ExplainedSubscription, 'bureaus' | 'refs'>, milestone: Pick<ExplainedMilestone, 'ref' | 'bureaus'>): boolean {
  if (subscription.bureaus === null && subscription.refs === null) return true;
  if (subscription.refs?.includes(milestone.ref)) return true;
  return Boolean(subscription.bureaus?.some((code) => milestone.bureaus.includes(code)));
}

function switchesNeeded(kind: AlertKind): string {
  return kind === 'overdue' ? 'watchdog' : kind === 'missed' ? 'deadlines or watchdog' : 'deadlines';
}

export function explainAlertSlots(input: ExplainInput, now: Date, policy: AlertPolicy): SlotExplanation[] {
  const { milestone, subscription, outbox } = input;
  const covered = input.coveredUntil ?? EPOCH;
  const slots = cycleSlots(milestone, now, policy);
  // What the next tick would do with the slots it has not covered yet, by the tick's own rule.
  const plan = planAlerts(milestone, subscription, covered, now, policy);
  const rowOf = (kind: string, at: Date) => outbox.find((row) => row.kind === kind && row.slotAt.getTime() === at.getTime()) ?? null;
  const explained: SlotExplanation[] = slots.map((slot) => {
    const row = rowOf(slot.kind, slot.at);
    const base = { kind: slot.kind, at: slot.at, leadDays: slot.leadDays, notificationId: row?.id ?? null };
    if (row) return { ...base, ...fromOutbox(row) };
    const say = (verdict: SlotVerdict, reason: string, gets = false): SlotExplanation => ({ ...base, gets, verdict, reason });
    if (milestone.withdrawn) return say('withdrawn', 'the milestone was withdrawn from its document');
    if (!OPEN_STATUSES.includes(milestone.status)) {
      return say('closed', `the milestone is ${milestone.status} (since ${milestone.statusChangedAt.toISOString()}): only pending or rescheduled milestones alert`);
    }
    if (subscription.disabledAt) return say('unsubscribed', `the subscription is disabled since ${subscription.disabledAt.toISOString()}`);
    if (!coversMilestone(subscription, milestone)) {
      return say('not-subscribed', `the target follows neither the bureaus ${milestone.bureaus.join(', ') || '(none)'} nor the ref ${milestone.ref}`);
    }
    if (!wantsAlert(slot.kind, subscription)) return say('switches', `${slot.kind} alerts need the ${switchesNeeded(slot.kind)} switch on`);
    if (slot.at < subscription.activeSince) return say('before-active', `the subscription is active only since ${subscription.activeSince.toISOString()}`);
    if (subscription.mutedUntil && slot.at < subscription.mutedUntil) return say('muted', `the target is muted until ${subscription.mutedUntil.toISOString()}`);
    if (slot.at > covered) {
      if (plan.send && plan.send.at.getTime() === slot.at.getTime()) return say('will-send', 'the next tick queues it', true);
      return say('superseded', 'a later slot falls in the same tick window: only the latest is sent');
    }
    return say('missing', 'it passes every rule but the outbox has no row for it (settings changed since the tick?)');
  });
  return explained;
}

function fromOutbox(row: OutboxAlert): Pick<SlotExplanation, 'gets' | 'verdict' | 'reason'> {
  switch (row.state) {
    case 'sent':
      return { gets: true, verdict: 'sent', reason: `sent at ${row.sentAt?.toISOString() ?? '?'}` };
    case 'pending':
      return { gets: true, verdict: 'pending', reason: 'queued in the outbox, not delivered yet' };
    case 'sending':
      return { gets: true, verdict: 'sending', reason: 'a delivery worker is sending it now' };
    case 'superseded':
      return { gets: false, verdict: 'superseded', reason: row.lastError ?? 'a later alert for the same milestone was due' };
    case 'dead':
      return { gets: false, verdict: 'dead', reason: `could not be delivered: ${row.lastError ?? 'no reason recorded'}` };
  }
}
