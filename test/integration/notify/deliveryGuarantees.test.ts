// The delivery worker's guarantees on a real database: a failed outcome write never re-sends, a lease is
// renewed while a slow batch is in flight, a claim takes whole targets, an alert left behind by a dead
// worker is superseded by the later alert of the same milestone, a tick whose backend is terminated fails
// without crashing, and two budgets on one token share its rate.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClock, createFixedClock } from '../../../src/clock.ts';
import { claimNotifications, markSent } from '../../../src/db/notifications.ts';
import { subscribe } from '../../../src/db/subscriptions.ts';
import type { AlertPolicy } from '../../../src/domain/alertPolicy.ts';
import type { ChannelAdapter, OutgoingMessage } from '../../../src/notify/ChannelAdapter.ts';
import { createSendBudget } from '../../../src/notify/createSendBudget.ts';
import { deliverNotifications } from '../../../src/notify/deliverNotifications.ts';
import { enqueueAlerts } from '../../../src/schedule/enqueueAlerts.ts';
import { createTestDatabase, type TestDatabase } from '../../support/createTestDatabase.ts';
import { seedTestDatabase, silentLogger } from '../../support/seedTestDatabase.ts';

const policy: AlertPolicy = { timezone: 'Asia/Hong_Kong', leadDays: [30, 7, 1], sendAt: '09:00', missedGraceDays: 0, overdueEveryDays: 7 };
const hk = (local: string): Date => new Date(`${local}+08:00`);

function recorder(options: { delayMs?: number; onSend?: (message: OutgoingMessage) => Promise<void> | void } = {}) {
  const sent: OutgoingMessage[] = [];
  const adapter: ChannelAdapter = {
    channel: 'telegram',
    async send(message) {
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      message.signal?.throwIfAborted();
      sent.push(message);
      await options.onSend?.(message);
    },
  };
  return { adapter, sent, ids: () => sent.flatMap((m) => m.items.map((i) => i.notificationId)) };
}

describe('delivery guarantees', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedTestDatabase(db.pool);
  });
  afterAll(async () => {
    await db.drop();
  });
  beforeEach(async () => {
    await db.pool.query('TRUNCATE notifications, scheduler_state, subscriptions, rate_budgets RESTART IDENTITY CASCADE');
  });

  async function subscribeChats(count: number): Promise<number> {
    for (let chat = 1; chat <= count; chat++) await subscribe(db.pool, { target: `telegram:${chat}`, bureaus: ['DEVB'] }, hk('2024-12-20T12:00:00'));
    return (await enqueueAlerts(db.pool, hk('2024-12-24T09:30:00'), policy)).enqueued;
  }

  const states = async () =>
    Object.fromEntries((await db.pool.query<{ state: string; n: number }>('SELECT state, count(*)::int AS n FROM notifications GROUP BY state')).rows.map((r) => [r.state, r.n]));

  it('a database error right after a send retries the record, not the send: nothing twice, nothing dead', async () => {
    const total = await subscribeChats(20);
    // The first three writes that record a send fail as if the connection dropped.
    let failuresLeft = 3;
    const flaky = new Proxy(db.pool, {
      get(target, property, receiver) {
        if (property !== 'query') return Reflect.get(target, property, receiver);
        return (text: unknown, values?: unknown) => {
          if (typeof text === 'string' && text.includes("state = 'sent'") && failuresLeft > 0) {
            failuresLeft--;
            return Promise.reject(Object.assign(new Error('Connection terminated unexpectedly'), { code: 'ECONNRESET' }));
          }
          return target.query(text as string, values as unknown[]);
        };
      },
    });
    const { adapter, ids } = recorder();
    const report = await deliverNotifications({ pool: flaky, adapters: [adapter], clock: createFixedClock(hk('2024-12-24T09:31:00')), logger: silentLogger, timezone: 'Asia/Hong_Kong', leaseMs: 30_000, maxAttempts: 1, concurrency: 4 });
    expect(failuresLeft).toBe(0);
    expect(ids().length).toBe(total);
    expect(new Set(ids()).size).toBe(total);
    expect(report).toMatchObject({ delivered: total, dead: 0, retried: 0 });
    expect(await states()).toEqual({ sent: total });
  });

  it('renews the lease while a slow batch is in flight, so a second worker never sends the same rows', async () => {
    const total = await subscribeChats(12);
    const clock = createClock(hk('2024-12-24T09:31:00')); // runs in real time: the lease is on the database's clock
    const first = recorder({ delayMs: 150 });
    const second = recorder();
    // 12 groups one at a time at 150 ms = 1.8 s, with a 600 ms lease: only the heartbeat keeps the claim.
    const slow = deliverNotifications({ pool: db.pool, adapters: [first.adapter], clock, logger: silentLogger, timezone: 'Asia/Hong_Kong', leaseMs: 600, maxAttempts: 3, concurrency: 1 });
    const rival = (async () => {
      for (let i = 0; i < 12; i++) {
        await new Promise((resolve) => setTimeout(resolve, 150));
        await deliverNotifications({ pool: db.pool, adapters: [second.adapter], clock, logger: silentLogger, timezone: 'Asia/Hong_Kong', leaseMs: 600, maxAttempts: 3 });
      }
    })();
    await Promise.all([slow, rival]);
    expect(second.ids()).toEqual([]);
    expect(first.ids().sort((a, b) => a - b)).toHaveLength(total);
    expect(await states()).toEqual({ sent: total });
  });

  it('a send that could outlive a stalled lease is not started, so the worker that takes over sends nothing twice', async () => {
    const total = await subscribeChats(6);
    const clock = createClock(hk('2024-12-24T09:31:00'));
    // Renewals hang and fail, as when this worker's connection stalls: the lease runs out 1 s after the claim.
    const stalled = new Proxy(db.pool, {
      get(target, property, receiver) {
        if (property !== 'query') return Reflect.get(target, property, receiver);
        return (text: unknown, values?: unknown) =>
          typeof text === 'string' && text.startsWith('UPDATE notifications SET lease_until')
            ? new Promise((_, reject) => setTimeout(() => reject(new Error('renewal timed out')), 3_000))
            : target.query(text as string, values as unknown[]);
      },
    });
    // The platform counts a message when it arrives and answers 600 ms later (more than a quarter of the
    // lease), like the fake Bot API under latency.
    const arrived = (log: number[]) => ({
      channel: 'telegram',
      async send(message: OutgoingMessage) {
        message.signal?.throwIfAborted();
        log.push(...message.items.map((item) => item.notificationId));
        if (log === slowIds) await new Promise((resolve) => setTimeout(resolve, 600));
      },
    }) satisfies ChannelAdapter;
    const slowIds: number[] = [];
    const rivalIds: number[] = [];
    const slow = deliverNotifications({ pool: stalled, adapters: [arrived(slowIds)], clock, logger: silentLogger, timezone: 'Asia/Hong_Kong', leaseMs: 1_000, maxAttempts: 3, concurrency: 1 });
    const rival = (async () => {
      for (const until = Date.now() + 2_500; Date.now() < until; ) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        await deliverNotifications({ pool: db.pool, adapters: [arrived(rivalIds)], clock, logger: silentLogger, timezone: 'Asia/Hong_Kong', leaseMs: 1_000, maxAttempts: 3 });
      }
    })();
    await Promise.all([slow, rival]);
    expect(slowIds.filter((id) => rivalIds.includes(id))).toEqual([]);
    expect(new Set([...slowIds, ...rivalIds]).size).toBe(total);
    expect(slowIds.length).toBeGreaterThan(0);
  });

  it('concurrent claims never split a target between them, even when a claim’s limit cuts through its rows', async () => {
    const total = await subscribeChats(60); // four alerts per chat
    const now = hk('2024-12-24T09:31:00');
    const claimsOf = new Map<string, Set<string>>();
    let claimed = 0;
    // Six claimers at once, each taking 3 rows' worth of targets: the limit falls inside a chat's four rows.
    await Promise.all(
      Array.from({ length: 6 }, async (_, worker) => {
        for (;;) {
          const lease = { owner: `w${worker}`, token: randomUUID() };
          const rows = await claimNotifications(db.pool, { lease, now, leaseMs: 30_000, limit: 3, channels: ['telegram'] });
          if (!rows.length) return;
          claimed += rows.length;
          for (const row of rows) claimsOf.set(row.target, (claimsOf.get(row.target) ?? new Set()).add(lease.token));
          await markSent(db.pool, rows.map((row) => row.id), lease, now);
        }
      }),
    );
    expect(claimed).toBe(total);
    expect([...claimsOf.entries()].filter(([, tokens]) => tokens.size > 1).map(([target]) => target)).toEqual([]);
  });

  it('a claim in flight holds only the targets it takes: a concurrent claim still finds the others', async () => {
    await subscribeChats(20); // four alerts per chat
    const now = hk('2024-12-24T09:31:00');
    const first = await db.pool.connect();
    try {
      // The first claim's transaction stays open, as it does while its statement runs under load.
      await first.query('BEGIN');
      const held = await claimNotifications(first, { lease: { owner: 'a', token: randomUUID() }, now, leaseMs: 30_000, limit: 4, channels: ['telegram'] });
      expect(new Set(held.map((row) => row.target)).size).toBe(1);
      const other = await claimNotifications(db.pool, { lease: { owner: 'b', token: randomUUID() }, now, leaseMs: 30_000, limit: 4, channels: ['telegram'] });
      expect(other).toHaveLength(4);
      expect(other.some((row) => held.some((h) => h.target === row.target))).toBe(false);
      await first.query('COMMIT');
    } finally {
      first.release();
    }
  });

  it('claims whole targets: a small batch never splits one chat’s alerts into two messages', async () => {
    const total = await subscribeChats(5); // four alerts per chat
    const { adapter, sent } = recorder();
    await deliverNotifications({ pool: db.pool, adapters: [adapter], clock: createFixedClock(hk('2024-12-24T09:31:00')), logger: silentLogger, timezone: 'Asia/Hong_Kong', leaseMs: 30_000, maxAttempts: 3, batchSize: 3 });
    expect(sent).toHaveLength(5);
    expect(sent.every((m) => m.items.length === total / 5)).toBe(true);
  });

  it('a stop returns the claim made ahead at once: its rows are queued again, untried, not left leased', async () => {
    await subscribeChats(5); // four alerts per chat; a batch of 4 claims one chat
    const stop = { stopped: false };
    const { adapter, sent } = recorder({ onSend: () => void (stop.stopped = true) });
    await deliverNotifications({ pool: db.pool, adapters: [adapter], clock: createFixedClock(hk('2024-12-24T09:31:00')), logger: silentLogger, timezone: 'Asia/Hong_Kong', leaseMs: 30_000, maxAttempts: 3, batchSize: 4, stop });
    expect(sent).toHaveLength(1);
    expect(await states()).toEqual({ sent: 4, pending: 16 });
    const { rows } = await db.pool.query("SELECT max(attempts)::int AS attempts, count(lease_token)::int AS leased FROM notifications WHERE state = 'pending'");
    expect(rows[0]).toEqual({ attempts: 0, leased: 0 });
  });

  it('a claim made ahead that waited reads the milestones again: one met meanwhile is not sent', async () => {
    await subscribeChats(2); // the same four DEVB milestones for both chats; a batch of 4 claims one chat
    const { adapter, sent } = recorder({
      onSend: async () => {
        if (sent.length > 1) return;
        // While the first chat's message is out (and the second chat's claim was made ahead), the promises are met.
        await db.pool.query("UPDATE milestones SET status = 'met' WHERE id IN (SELECT milestone_id FROM notifications)");
        await new Promise((resolve) => setTimeout(resolve, 1_200));
      },
    });
    // The seeded milestones are shared by the tests of this file: their statuses are put back afterwards.
    const { rows: before } = await db.pool.query('SELECT id, status FROM milestones WHERE id IN (SELECT milestone_id FROM notifications)');
    try {
      const report = await deliverNotifications({ pool: db.pool, adapters: [adapter], clock: createFixedClock(hk('2024-12-24T09:31:00')), logger: silentLogger, timezone: 'Asia/Hong_Kong', leaseMs: 30_000, maxAttempts: 3, batchSize: 4, concurrency: 1 });
      expect(sent).toHaveLength(1);
      expect(report).toMatchObject({ delivered: 4, superseded: 4 });
    } finally {
      await db.pool.query('UPDATE milestones m SET status = b.status FROM unnest($1::bigint[], $2::text[]) AS b(id, status) WHERE m.id = b.id', [before.map((r) => r.id), before.map((r) => r.status)]);
    }
  });

  it('supersedes a row left leased by a dead worker when a later alert of the same milestone exists', async () => {
    await subscribe(db.pool, { target: 'telegram:77', bureaus: ['DEVB'] }, hk('2024-12-20T12:00:00'));
    await enqueueAlerts(db.pool, hk('2024-12-24T09:30:00'), policy);
    // A worker claimed the approaching alerts and died: they stay 'sending' with an expired lease.
    await db.pool.query("UPDATE notifications SET state = 'sending', lease_owner = 'dead-worker', lease_token = gen_random_uuid(), lease_until = $1", [hk('2024-12-24T09:31:00')]);
    // Three days later the catch-up tick queues the missed alerts.
    const catchUp = await enqueueAlerts(db.pool, hk('2025-01-01T10:00:00'), policy);
    expect(catchUp.enqueued).toBe(4);
    const { adapter, sent } = recorder();
    const report = await deliverNotifications({ pool: db.pool, adapters: [adapter], clock: createFixedClock(hk('2025-01-01T10:01:00')), logger: silentLogger, timezone: 'Asia/Hong_Kong', leaseMs: 30_000, maxAttempts: 3 });
    expect(sent.flatMap((m) => m.items.map((i) => i.kind))).toEqual(['missed', 'missed', 'missed', 'missed']);
    expect(report.superseded).toBe(4);
  });

  it('a tick whose backend is terminated mid-transaction fails with what it was doing, and the next tick recovers', async () => {
    await subscribeChats(0);
    await subscribe(db.pool, { target: 'telegram:1', bureaus: ['DEVB'] }, hk('2024-12-20T12:00:00'));
    // Hold the tick's advisory lock elsewhere so the tick waits inside its transaction, then kill its backend.
    const holder = await db.pool.connect();
    await holder.query('BEGIN');
    await holder.query("SELECT pg_advisory_xact_lock(hashtext('policywatch:tick'))");
    const tick = enqueueAlerts(db.pool, hk('2024-12-24T09:30:00'), policy);
    let waiting: number[] = [];
    for (let i = 0; i < 50 && !waiting.length; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      waiting = (await holder.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()")).rows.map((r) => r.pid);
    }
    expect(waiting).toHaveLength(1);
    await holder.query('SELECT pg_terminate_backend($1)', [waiting[0]]);
    await expect(tick).rejects.toThrow(/queueing alerts: database connection lost/);
    await holder.query('ROLLBACK');
    holder.release();
    expect((await enqueueAlerts(db.pool, hk('2024-12-24T09:30:00'), policy)).enqueued).toBe(4);
  });

  it('two budgets on one token share its rate', async () => {
    const a = createSendBudget({ pool: db.pool, platform: 'telegram', token: '1:A', perSecond: 20, logger: silentLogger });
    const b = createSendBudget({ pool: db.pool, platform: 'telegram', token: '1:A', perSecond: 20, logger: silentLogger });
    const started = performance.now();
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).take()));
    const elapsed = performance.now() - started;
    // 20 sends at 20/s together: the last slot starts 950 ms after the first, whichever process takes it.
    expect(elapsed).toBeGreaterThanOrEqual(900);
    const other = createSendBudget({ pool: db.pool, platform: 'telegram', token: '2:B', perSecond: 20, logger: silentLogger });
    const alone = performance.now();
    await other.take();
    expect(performance.now() - alone).toBeLessThan(500);
  });
});
