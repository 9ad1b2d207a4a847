// The tick. Level-triggered: it covers every alert slot between the instant the previous tick covered and
// now, so a tick after downtime catches up and a repeated or concurrent tick finds nothing new. The slots
// come from the pure alert policy; one SQL statement fans them out to the matching subscriptions and writes
// them to the outbox, where the unique dedupe key (kind, milestone, due date, subscription, slot) makes a
// replay harmless. For each milestone and subscription only the latest slot is sent; earlier ones are
// recorded as superseded.
import { fanOutAlertSlots, listAlertableMilestones, tuneTickTransaction, type AlertSlotRow } from '../db/alertFanOut.ts';
import type { Pool } from '../db/createPool.ts';
import { wakeDeliveryLoops } from '../db/notifications.ts';
import { findCoveredUntil, lockSchedulerJob, recordCoveredUntil } from '../db/schedulerState.ts';
import { withTransaction } from '../db/withClient.ts';
import { latestRelevantDue, listAlertSlots, windowHasSendInstant, type AlertPolicy } from '../domain/alertPolicy.ts';

export interface EnqueueResult {
  /** Alerts queued for delivery. */
  enqueued: number;
  /** Alerts recorded as superseded by a later slot (queued now or earlier). */
  superseded: number;
  coveredFrom: Date;
  coveredUntil: Date;
}

const JOB = 'alerts';

export async function enqueueAlerts(pool: Pool, now: Date, policy: AlertPolicy): Promise<EnqueueResult> {
  return withTransaction(pool, 'queueing alerts', async (client) => {
    // Ticks of several processes take turns; each then sees what the previous one covered.
    await lockSchedulerJob(client, 'tick');
    await tuneTickTransaction(client);
    const from = await findCoveredUntil(client, JOB, now);
    if (now <= from) {
      // The clock moved back (or a concurrent tick already covered this instant): nothing is owed.
      return { enqueued: 0, superseded: 0, coveredFrom: from, coveredUntil: from };
    }
    if (!windowHasSendInstant(from, now, policy)) {
      // Slots only fall at the send time: a tick between two of them (most ticks) just moves the mark on.
      await recordCoveredUntil(client, JOB, now);
      return { enqueued: 0, superseded: 0, coveredFrom: from, coveredUntil: now };
    }
    const slots: AlertSlotRow[] = [];
    for (const milestone of await listAlertableMilestones(client, latestRelevantDue(now, policy), now)) {
      for (const slot of listAlertSlots(milestone, from, now, policy)) {
        slots.push({ milestoneId: milestone.id, kind: slot.kind, at: slot.at, key: slot.at.toISOString() });
      }
    }
    const { enqueued, superseded } = await fanOutAlertSlots(client, slots, now);
    await recordCoveredUntil(client, JOB, now);
    // Wakes the delivery loops (delivered on commit, and only then).
    if (enqueued) await wakeDeliveryLoops(client);
    return { enqueued, superseded, coveredFrom: from, coveredUntil: now };
  });
}
