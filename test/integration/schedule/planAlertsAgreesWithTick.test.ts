// The alert rule exists twice: planAlerts (TypeScript, the reference) and the tick's set-based SQL
// (db/alertFanOut.ts, driven as schedule/enqueueAlerts.ts drives it). This property test feeds both the same
// random milestones (open, met, rescheduled after the window, withdrawn), subscriptions (everything, bureaux,
// refs, switches, active since, muted, disabled) and two consecutive tick windows, and compares the outbox
// rows the SQL writes with what planAlerts says, row by row. Cases are batched: one transaction per batch of
// 25 cases on real PostgreSQL, rolled back afterwards.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fanOutAlertSlots, listAlertableMilestones, type AlertSlotRow } from '../../../src/db/alertFanOut.ts';
import type { PoolClient } from '../../../src/db/createPool.ts';
import { latestRelevantDue, listAlertSlots, planAlerts, type AlertPolicy } from '../../../src/domain/alertPolicy.ts';
import type { MilestoneStatus } from '../../../src/domain/milestoneStatus.ts';
import { addDays } from '../../../src/domain/zonedTime.ts';
import { createTestDatabase, type TestDatabase } from '../../support/createTestDatabase.ts';

const BATCHES = 20;
const CASES_PER_BATCH = 25; // 500 cases per run
const HOUR = 3_600_000;
const BUREAUS = ['A', 'B', 'C'];
const STATUSES: MilestoneStatus[] = ['pending', 'pending', 'pending', 'rescheduled', 'rescheduled', 'met', 'claimed', 'dropped'];

interface CaseMilestone {
  bureaus: string[];
  dueOffsetDays: number;
  status: MilestoneStatus;
  changedOffsetHours: number;
  withdrawn: boolean;
  commitmentWithdrawn: boolean;
}

interface CaseSubscription {
  scope: 'all' | 'bureaus' | 'refs' | 'both';
  bureaus: string[];
  refIndexes: number[];
  deadlines: boolean;
  watchdog: boolean;
  activeOffsetHours: number;
  mutedOffsetHours: number | null;
  disabled: boolean;
}

interface AlertCase {
  startHours: number;
  firstWindowHours: number;
  secondWindowHours: number;
  milestones: CaseMilestone[];
  subscriptions: CaseSubscription[];
}

const milestoneArb: fc.Arbitrary<CaseMilestone> = fc.record({
  bureaus: fc.subarray(BUREAUS, { minLength: 1 }),
  dueOffsetDays: fc.integer({ min: -50, max: 60 }),
  status: fc.constantFrom(...STATUSES),
  // Mostly before the windows; sometimes inside or after them (a reschedule restarts the cycle).
  changedOffsetHours: fc.oneof(fc.integer({ min: -90 * 24, max: -1 }), fc.integer({ min: 0, max: 60 * 24 })),
  withdrawn: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  commitmentWithdrawn: fc.integer({ min: 0, max: 14 }).map((n) => n === 0),
});

const subscriptionArb: fc.Arbitrary<CaseSubscription> = fc.record({
  scope: fc.constantFrom('all', 'bureaus', 'bureaus', 'refs', 'both'),
  bureaus: fc.subarray(BUREAUS, { minLength: 1 }),
  refIndexes: fc.subarray([0, 1, 2], { minLength: 1 }),
  deadlines: fc.boolean(),
  watchdog: fc.boolean(),
  activeOffsetHours: fc.integer({ min: -60 * 24, max: 50 * 24 }),
  mutedOffsetHours: fc.option(fc.integer({ min: -10 * 24, max: 60 * 24 }), { nil: null }),
  disabled: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
});

const caseArb: fc.Arbitrary<AlertCase> = fc.record({
  // Any hour of 2024–2025, so windows start at every time of day.
  startHours: fc.integer({ min: 0, max: 2 * 365 * 24 }),
  firstWindowHours: fc.integer({ min: 1, max: 20 * 24 }),
  secondWindowHours: fc.integer({ min: 1, max: 45 * 24 }),
  milestones: fc.array(milestoneArb, { minLength: 1, maxLength: 3 }),
  subscriptions: fc.array(subscriptionArb, { minLength: 1, maxLength: 3 }),
});

const policyArb: fc.Arbitrary<AlertPolicy> = fc.record({
  timezone: fc.constantFrom('Asia/Hong_Kong', 'Europe/London', 'America/New_York'),
  leadDays: fc.constantFrom([30, 7, 1], [14, 3], [7]),
  sendAt: fc.constantFrom('09:00', '00:30', '23:45'),
  missedGraceDays: fc.integer({ min: 0, max: 2 }),
  overdueEveryDays: fc.constantFrom(7, 3),
});

const EPOCH = Date.parse('2024-01-01T00:00:00Z');

/** Concrete rows of a batch: case-scoped bureau codes and refs, instants from offsets. */
interface BatchMilestone {
  caseIndex: number;
  ref: string;
  bureaus: string[];
  due: string;
  status: MilestoneStatus;
  statusChangedAt: Date;
  withdrawn: boolean;
  commitmentWithdrawn: boolean;
  id?: number;
}

interface BatchSubscription {
  target: string;
  bureaus: string[] | null;
  refs: string[] | null;
  deadlines: boolean;
  watchdog: boolean;
  activeSince: Date;
  mutedUntil: Date | null;
  disabled: boolean;
  id?: number;
}

function windowsOf(c: AlertCase): [Date, Date, Date] {
  const from = EPOCH + c.startHours * HOUR;
  const mid = from + c.firstWindowHours * HOUR;
  return [new Date(from), new Date(mid), new Date(mid + c.secondWindowHours * HOUR)];
}

function buildBatch(batch: number, cases: AlertCase[]): { milestones: BatchMilestone[]; subscriptions: BatchSubscription[] } {
  const milestones: BatchMilestone[] = [];
  const subscriptions: BatchSubscription[] = [];
  cases.forEach((c, caseIndex) => {
    const [from] = windowsOf(c);
    const fromDate = from.toISOString().slice(0, 10);
    const code = (b: string) => `X${batch}_${caseIndex}_${b}`;
    const ref = (i: number) => `P${batch}-${caseIndex}-${i}`;
    c.milestones.forEach((m, i) => {
      milestones.push({
        caseIndex,
        ref: ref(i),
        bureaus: m.bureaus.map(code),
        due: addDays(fromDate, m.dueOffsetDays),
        status: m.status,
        statusChangedAt: new Date(from.getTime() + m.changedOffsetHours * HOUR),
        withdrawn: m.withdrawn,
        commitmentWithdrawn: m.commitmentWithdrawn,
      });
    });
    c.subscriptions.forEach((s, i) => {
      subscriptions.push({
        target: `console:b${batch}c${caseIndex}s${i}`,
        bureaus: s.scope === 'bureaus' || s.scope === 'both' ? s.bureaus.map(code) : null,
        refs: s.scope === 'refs' || s.scope === 'both' ? s.refIndexes.map(ref) : null,
        deadlines: s.deadlines,
        watchdog: s.watchdog,
        activeSince: new Date(from.getTime() + s.activeOffsetHours * HOUR),
        mutedUntil: s.mutedOffsetHours === null ? null : new Date(from.getTime() + s.mutedOffsetHours * HOUR),
        disabled: s.disabled,
      });
    });
  });
  return { milestones, subscriptions };
}

function matches(subscription: BatchSubscription, milestone: BatchMilestone): boolean {
  if (subscription.bureaus === null && subscription.refs === null) return true;
  return Boolean(subscription.bureaus?.some((b) => milestone.bureaus.includes(b)) || subscription.refs?.includes(milestone.ref));
}

/** What planAlerts says the outbox holds after both ticks of every case: "dedupe key|state". */
function expectedRows(cases: AlertCase[], milestones: BatchMilestone[], subscriptions: BatchSubscription[], policy: AlertPolicy): string[] {
  const rows: string[] = [];
  for (const m of milestones) {
    if (m.withdrawn || m.commitmentWithdrawn) continue;
    const [from, mid, until] = windowsOf(cases[m.caseIndex]!);
    for (const s of subscriptions) {
      if (s.disabled || !matches(s, m)) continue;
      const key = (kind: string, at: Date) => [kind, m.id, m.due, s.id, at.toISOString()].join(':');
      const first = planAlerts(m, s, from, mid, policy);
      const second = planAlerts(m, s, mid, until, policy);
      for (const slot of [...first.superseded, ...second.superseded]) rows.push(`${key(slot.kind, slot.at)}|superseded`);
      if (first.send) rows.push(`${key(first.send.kind, first.send.at)}|${second.send ? 'superseded' : 'pending'}`);
      if (second.send) rows.push(`${key(second.send.kind, second.send.at)}|pending`);
    }
  }
  return rows.sort();
}

/** One tick over (after, until] for the case's milestones, the way enqueueAlerts runs it. */
async function tick(client: PoolClient, caseIds: Set<number>, after: Date, until: Date, policy: AlertPolicy): Promise<void> {
  const slots: AlertSlotRow[] = [];
  for (const milestone of await listAlertableMilestones(client, latestRelevantDue(until, policy), until)) {
    if (!caseIds.has(milestone.id)) continue;
    for (const slot of listAlertSlots(milestone, after, until, policy)) {
      slots.push({ milestoneId: milestone.id, kind: slot.kind, at: slot.at, key: slot.at.toISOString() });
    }
  }
  await fanOutAlertSlots(client, slots, until);
}

async function insertBatch(client: PoolClient, milestones: BatchMilestone[], subscriptions: BatchSubscription[]): Promise<void> {
  const { rows: docs } = await client.query<{ id: number }>(
    `INSERT INTO documents (key, title, language, sha256) VALUES ('prop-' || gen_random_uuid(), 'property test', 'en', 'x') RETURNING id`,
  );
  const { rows: commitments } = await client.query<{ id: number; ref: string }>(
    `INSERT INTO commitments (document_id, ref, position, text, bureaus, withdrawn_at)
     SELECT $1, ref, n, ref, string_to_array(bureaus, ','), CASE WHEN withdrawn THEN now() END
     FROM unnest($2::text[], $3::text[], $4::boolean[]) WITH ORDINALITY AS t(ref, bureaus, withdrawn, n)
     RETURNING id, ref`,
    [docs[0]!.id, milestones.map((m) => m.ref), milestones.map((m) => m.bureaus.join(',')), milestones.map((m) => m.commitmentWithdrawn)],
  );
  const commitmentOf = new Map(commitments.map((c) => [c.ref, c.id]));
  const { rows: inserted } = await client.query<{ id: number; commitment_id: number }>(
    `INSERT INTO milestones (commitment_id, seq, kind, phrase, due, extracted_due, status, status_changed_at, withdrawn_at)
     SELECT cid, 1, 'deadline', 'by then', due, due, status, changed, CASE WHEN withdrawn THEN now() END
     FROM unnest($1::bigint[], $2::date[], $3::text[], $4::timestamptz[], $5::boolean[]) AS t(cid, due, status, changed, withdrawn)
     RETURNING id, commitment_id`,
    [
      milestones.map((m) => commitmentOf.get(m.ref)),
      milestones.map((m) => m.due),
      milestones.map((m) => m.status),
      milestones.map((m) => m.statusChangedAt),
      milestones.map((m) => m.withdrawn),
    ],
  );
  const idOfCommitment = new Map(inserted.map((r) => [Number(r.commitment_id), Number(r.id)]));
  for (const m of milestones) m.id = idOfCommitment.get(Number(commitmentOf.get(m.ref)));
  const { rows: subs } = await client.query<{ id: number; target: string }>(
    `INSERT INTO subscriptions (target, bureaus, refs, deadlines, watchdog, active_since, muted_until, disabled_at)
     SELECT target, CASE WHEN bureaus = '' THEN NULL ELSE string_to_array(bureaus, ',') END,
            CASE WHEN refs = '' THEN NULL ELSE string_to_array(refs, ',') END, deadlines, watchdog, active, muted,
            CASE WHEN disabled THEN now() END
     FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[], $5::boolean[], $6::timestamptz[], $7::timestamptz[], $8::boolean[])
       AS t(target, bureaus, refs, deadlines, watchdog, active, muted, disabled)
     RETURNING id, target`,
    [
      subscriptions.map((s) => s.target),
      subscriptions.map((s) => s.bureaus?.join(',') ?? ''),
      subscriptions.map((s) => s.refs?.join(',') ?? ''),
      subscriptions.map((s) => s.deadlines),
      subscriptions.map((s) => s.watchdog),
      subscriptions.map((s) => s.activeSince),
      subscriptions.map((s) => s.mutedUntil),
      subscriptions.map((s) => s.disabled),
    ],
  );
  const idOfTarget = new Map(subs.map((s) => [s.target, Number(s.id)]));
  for (const s of subscriptions) s.id = idOfTarget.get(s.target);
}

describe('planAlerts and the tick SQL', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it(`agree on ${BATCHES * CASES_PER_BATCH} random cases (milestones, subscriptions, mutes, reschedules, windows)`, async () => {
    let batch = 0;
    let checkedRows = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(caseArb, { minLength: CASES_PER_BATCH, maxLength: CASES_PER_BATCH }), policyArb, async (cases, policy) => {
        batch += 1;
        const { milestones, subscriptions } = buildBatch(batch, cases);
        const client = await db.pool.connect();
        try {
          await client.query('BEGIN');
          await insertBatch(client, milestones, subscriptions);
          for (const [caseIndex, c] of cases.entries()) {
            const ids = new Set(milestones.filter((m) => m.caseIndex === caseIndex).map((m) => m.id!));
            const [from, mid, until] = windowsOf(c);
            await tick(client, ids, from, mid, policy);
            await tick(client, ids, mid, until, policy);
          }
          const { rows } = await client.query<{ row: string }>(
            `SELECT dedupe_key || '|' || state AS row FROM notifications WHERE kind <> 'digest' ORDER BY 1`,
          );
          const actual = rows.map((r) => r.row).sort();
          const expected = expectedRows(cases, milestones, subscriptions, policy);
          checkedRows += expected.length;
          expect(actual).toEqual(expected);
        } finally {
          await client.query('ROLLBACK').catch(() => undefined);
          client.release();
        }
      }),
      { numRuns: BATCHES },
    );
    // The random cases must exercise the rule, not just agree on empty outboxes.
    expect(checkedRows).toBeGreaterThan(BATCHES * 10);
  });
});
