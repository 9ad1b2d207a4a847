import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFixedClock } from '../../../src/clock.ts';
import { subscribe } from '../../../src/db/subscriptions.ts';
import type { AlertPolicy } from '../../../src/domain/alertPolicy.ts';
import { runTick } from '../../../src/schedule/runTick.ts';
import { changeMilestoneStatus } from '../../../src/services/changeMilestoneStatus.ts';
import { createRecordingAdapter, DeliveryError, type RecordingAdapter } from '../../fakes/createRecordingAdapter.ts';
import { createTestDatabase, type TestDatabase } from '../../support/createTestDatabase.ts';
import { seedTestDatabase, silentLogger } from '../../support/seedTestDatabase.ts';

const policy: AlertPolicy = { timezone: 'Asia/Hong_Kong', leadDays: [30, 7, 1], sendAt: '09:00', missedGraceDays: 0, overdueEveryDays: 7 };
const hk = (local: string): Date => new Date(`${local}+08:00`);

describe('runTick on the seed chapter', () => {
  let db: TestDatabase;
  let adapter: RecordingAdapter;
  const clock = createFixedClock(hk('2024-12-01T00:00:00'));

  const tick = (at: string, extra: { waitMs?: number } = {}) => {
    clock.set(hk(at));
    return runTick({
      pool: db.pool, clock, logger: silentLogger, policy, adapters: [adapter], leaseMs: 30_000, maxAttempts: 5,
      sleep: async (ms) => clock.advance(ms), ...extra,
    });
  };
  const sentRefs = () => adapter.sent.flatMap((m) => m.items.map((i) => `${i.kind}:${i.ref}/${i.seq}`));

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedTestDatabase(db.pool);
  });
  afterAll(async () => {
    await db.drop();
  });
  beforeEach(async () => {
    adapter = createRecordingAdapter();
    await db.pool.query("TRUNCATE notifications, scheduler_state, subscriptions RESTART IDENTITY CASCADE");
    await db.pool.query("UPDATE milestones SET status = 'pending', due = extracted_due, evidence_url = NULL, status_changed_at = '2024-10-16T00:00:00Z'");
    await subscribe(db.pool, { target: 'console', bureaus: ['DEVB'] }, hk('2024-11-20T12:00:00'));
  });

  it('sends the 7-day alerts for DEVB once, grouped into one message, and a repeated tick sends nothing', async () => {
    await tick('2024-11-20T12:00:00'); // the subscription's first tick: nothing due yet
    const first = await tick('2024-12-24T09:30:00');
    expect(first).toMatchObject({ enqueued: 4, delivered: 4, failed: 0 });
    expect(first.superseded).toBe(4); // the 30-day slots of Dec 1, never sent during the downtime
    expect(adapter.sent).toHaveLength(1);
    expect(sentRefs().sort()).toEqual(['approaching:PA2024-7-01/1', 'approaching:PA2024-7-03/1', 'approaching:PA2024-7-04/1', 'approaching:PA2024-7-06/1']);
    expect(adapter.sent[0]!.items.every((i) => i.daysLeft === 7 && i.due === '2024-12-31')).toBe(true);
    expect(await tick('2024-12-24T09:30:00')).toMatchObject({ enqueued: 0, delivered: 0 });
    expect(await tick('2024-12-24T09:31:00')).toMatchObject({ enqueued: 0, delivered: 0 });
    expect(adapter.sent).toHaveLength(1);
  });

  it('after three days down sends one missed alert per milestone, nothing for the slots in between', async () => {
    await tick('2024-12-29T10:00:00');
    adapter.sent.length = 0;
    const report = await tick('2025-01-01T10:00:00');
    expect(report.delivered).toBe(4);
    expect(sentRefs().every((r) => r.startsWith('missed:'))).toBe(true);
    const { rows } = await db.pool.query("SELECT kind, count(*)::int AS n FROM notifications WHERE state = 'superseded' AND slot_at > $1 GROUP BY kind ORDER BY kind", [hk('2024-12-29T10:00:00')]);
    expect(rows).toEqual([{ kind: 'approaching', n: 4 }, { kind: 'due', n: 4 }]);
  });

  it('the clock moving back an hour produces no duplicate', async () => {
    await tick('2024-12-24T09:30:00');
    await tick('2024-12-24T08:30:00');
    await tick('2024-12-24T09:30:00');
    await tick('2024-12-24T09:45:00');
    expect(sentRefs()).toHaveLength(4);
  });

  it('a window replayed over alerts already queued adds only the new ones (the insert is retried skipping them)', async () => {
    await tick('2024-12-24T09:30:00');
    const before = await db.pool.query('SELECT id, dedupe_key, state FROM notifications ORDER BY id');
    expect(before.rows).toHaveLength(8); // four 7-day alerts sent, their 30-day slots superseded
    // As if the previous tick's mark were lost: the next window covers those slots again, and one more day.
    await db.pool.query("UPDATE scheduler_state SET covered_until = $1 WHERE name = 'alerts'", [hk('2024-11-20T12:00:00')]);
    const replay = await tick('2024-12-30T09:30:00');
    expect(replay).toMatchObject({ enqueued: 4, delivered: 4 });
    const after = await db.pool.query('SELECT id, dedupe_key, state FROM notifications ORDER BY id');
    expect(after.rows.slice(0, 8).map((r) => r.dedupe_key)).toEqual(before.rows.map((r) => r.dedupe_key));
    expect(after.rows.slice(8).every((r) => r.dedupe_key.startsWith('approaching:') && r.dedupe_key.endsWith(':2024-12-30T01:00:00.000Z'))).toBe(true);
    expect(new Set(after.rows.map((r) => r.dedupe_key)).size).toBe(after.rows.length);
    expect(sentRefs()).toHaveLength(8);
  });

  it('sends nothing for a milestone met before its slot, and supersedes one met after it was queued', async () => {
    await tick('2024-12-20T12:00:00'); // sends the 30-day alerts of Dec 1
    adapter.sent.length = 0;
    await changeMilestoneStatus(db.pool, 'PA2024-7-03', { to: 'met', evidenceUrl: 'https://www.devb.gov.hk/en/publications_and_press_releases/press/index.html' }, { actor: 'test', source: 'cli', at: hk('2024-12-21T12:00:00') });
    // queued but not delivered: no adapter for console during this tick
    clock.set(hk('2024-12-24T09:30:00'));
    const queued = await runTick({ pool: db.pool, clock, logger: silentLogger, policy, adapters: [createRecordingAdapter('telegram')], leaseMs: 30_000, maxAttempts: 5 });
    expect(queued.enqueued).toBe(3);
    await changeMilestoneStatus(db.pool, 'PA2024-7-04', { to: 'claimed' }, { actor: 'test', source: 'cli', at: hk('2024-12-24T09:31:00') });
    const report = await tick('2024-12-24T09:32:00');
    expect(report).toMatchObject({ delivered: 2, superseded: 1 });
    expect(sentRefs().sort()).toEqual(['approaching:PA2024-7-01/1', 'approaching:PA2024-7-06/1']);
    const { rows } = await db.pool.query("SELECT last_error FROM notifications WHERE state = 'superseded' AND kind = 'approaching' AND slot_at = $1", [hk('2024-12-24T09:00:00')]);
    expect(rows.map((r) => r.last_error)).toEqual(['milestone is claimed']);
  });

  it('a rescheduled milestone supersedes its queued alert and restarts the cycle on the new date', async () => {
    await tick('2024-12-20T12:00:00');
    adapter.sent.length = 0;
    await changeMilestoneStatus(db.pool, 'PA2024-7-03', { to: 'rescheduled', due: '2025-03-31' }, { actor: 'test', source: 'cli', at: hk('2024-12-21T12:00:00') });
    await tick('2024-12-24T09:30:00');
    expect(sentRefs()).not.toContain('approaching:PA2024-7-03/1');
    adapter.sent.length = 0;
    await tick('2025-03-01T09:30:00');
    expect(sentRefs()).toContain('approaching:PA2024-7-03/1');
    expect(adapter.sent.flatMap((m) => m.items).find((i) => i.ref === 'PA2024-7-03')).toMatchObject({ due: '2025-03-31', status: 'rescheduled', daysLeft: 30 });
  });

  it('retries a transient failure no sooner than retry-after, and disables a target after a permanent one', async () => {
    adapter.failWith(new DeliveryError('transient', '429: retry after 30', { retryAfterMs: 30_000 }));
    const report = await tick('2024-12-24T09:30:00', { waitMs: 60_000 });
    expect(report.delivered).toBe(4);
    expect(adapter.attempts).toBe(2);
    expect(clock.now().getTime() - hk('2024-12-24T09:30:00').getTime()).toBeGreaterThanOrEqual(30_000);

    adapter.failWith(new DeliveryError('permanent', '403: bot was blocked by the user'));
    const later = await tick('2024-12-30T09:30:00');
    expect(later).toMatchObject({ delivered: 0, failed: 4 });
    const { rows } = await db.pool.query("SELECT disabled_at IS NOT NULL AS disabled, disabled_reason FROM subscriptions WHERE target = 'console'");
    expect(rows[0]).toEqual({ disabled: true, disabled_reason: '403: bot was blocked by the user' });
    const dead = await db.pool.query("SELECT count(*)::int AS n FROM notifications WHERE state = 'dead' AND last_error LIKE '403%'");
    expect(dead.rows[0].n).toBe(4);
  });

  it('counts every alert when many targets are delivered at once', async () => {
    for (let chat = 1; chat <= 12; chat++) await subscribe(db.pool, { target: `telegram:${chat}`, bureaus: ['DEVB'] }, hk('2024-12-20T12:00:00'));
    const telegram = createRecordingAdapter('telegram', { delayMs: 5 });
    clock.set(hk('2024-12-24T09:30:00'));
    const report = await runTick({ pool: db.pool, clock, logger: silentLogger, policy, adapters: [adapter, telegram], leaseMs: 30_000, maxAttempts: 5 });
    expect(telegram.sent).toHaveLength(12);
    expect(report.delivered).toBe(13 * 4);
    expect(report.enqueued).toBe(13 * 4);
  });

  it('follows a chat that moved, or ends its subscription when the new chat has its own', async () => {
    await subscribe(db.pool, { target: 'telegram:-100', bureaus: ['DEVB'] }, hk('2024-12-20T12:00:00'));
    await subscribe(db.pool, { target: 'telegram:-300', bureaus: ['DEVB'] }, hk('2024-12-20T12:00:00'));
    await subscribe(db.pool, { target: 'telegram:-1003', bureaus: ['DEVB'] }, hk('2024-12-20T12:00:00'));
    const moves: Record<string, string> = { 'telegram:-100': 'telegram:-1001', 'telegram:-300': 'telegram:-1003' };
    const sent: string[] = [];
    const telegram = {
      channel: 'telegram',
      async send(message: { target: string }) {
        const movedTo = moves[message.target];
        if (movedTo) throw new DeliveryError('transient', 'group chat was upgraded to a supergroup chat', { movedTo });
        sent.push(message.target);
      },
    };
    clock.set(hk('2024-12-24T09:30:00'));
    await runTick({ pool: db.pool, clock, logger: silentLogger, policy, adapters: [adapter, telegram], leaseMs: 30_000, maxAttempts: 5, waitMs: 10_000, sleep: async (ms) => clock.advance(ms) });
    expect(sent.sort()).toEqual(['telegram:-1001', 'telegram:-1003']);
    const { rows } = await db.pool.query("SELECT target, disabled_reason FROM subscriptions WHERE target LIKE 'telegram:%' ORDER BY target");
    expect(rows).toEqual([
      { target: 'telegram:-1001', disabled_reason: null },
      { target: 'telegram:-1003', disabled_reason: null },
      { target: 'telegram:-300', disabled_reason: 'moved to telegram:-1003, which has its own subscription' },
    ]);
  });

  it('leaves every alert sent, superseded or dead with a reason', async () => {
    await tick('2024-12-01T09:30:00');
    await tick('2025-02-01T09:30:00');
    const { rows } = await db.pool.query("SELECT state, count(*)::int AS n, bool_and(state = 'sent' OR last_error IS NOT NULL) AS explained FROM notifications GROUP BY state");
    expect(rows.every((r) => r.state !== 'pending' && r.state !== 'sending' && r.explained)).toBe(true);
  });
});
