// The overdue report at start: every milestone still open past its date gets its latest missed or overdue
// slot queued for one watchdog subscription (the console), all in one pass, so they go out as one grouped
// message. The slots and dedupe keys are the tick's own: a report already sent for that slot (a restart
// the same week) is not sent again, and later reminders follow the usual shared rhythm.
import type { Pool } from '../db/createPool.ts';
import { insertReportSlots, listOpenMilestonesDueBefore, type ReportSlot } from '../db/notifications.ts';
import { listAlertSlots, type AlertPolicy } from '../domain/alertPolicy.ts';
import { toLocalDate } from '../domain/zonedTime.ts';

export async function enqueueOverdueReport(pool: Pool, subscriptionId: number, now: Date, policy: AlertPolicy): Promise<number> {
  const today = toLocalDate(now, policy.timezone);
  const milestones = await listOpenMilestonesDueBefore(pool, today);
  // Two intervals back always hold the missed alert or a reminder of any milestone overdue now.
  const since = new Date(now.getTime() - 2 * (policy.overdueEveryDays + policy.missedGraceDays + 1) * 86_400_000);
  const slots: ReportSlot[] = [];
  for (const milestone of milestones) {
    const latest = listAlertSlots(milestone, since, now, policy)
      .filter((slot) => slot.kind === 'missed' || slot.kind === 'overdue')
      .at(-1);
    if (latest) slots.push({ milestoneId: milestone.id, kind: latest.kind as ReportSlot['kind'], slotAt: latest.at });
  }
  return insertReportSlots(pool, subscriptionId, slots, now);
}
