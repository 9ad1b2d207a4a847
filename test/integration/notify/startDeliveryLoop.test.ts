// The service's delivery loop runs apart from the tick: a tick in any process wakes it through NOTIFY, long
// before its fallback poll, and a long send does not hold up the next tick.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subscribe } from '../../../src/db/subscriptions.ts';
import type { AlertPolicy } from '../../../src/domain/alertPolicy.ts';
import type { ChannelAdapter, OutgoingMessage } from '../../../src/notify/ChannelAdapter.ts';
import { startDeliveryLoop } from '../../../src/notify/startDeliveryLoop.ts';
import { enqueueDue } from '../../../src/schedule/enqueueDue.ts';
import { createTestDatabase, type TestDatabase } from '../../support/createTestDatabase.ts';
import { seedTestDatabase, silentLogger } from '../../support/seedTestDatabase.ts';

const policy: AlertPolicy = { timezone: 'Asia/Hong_Kong', leadDays: [30, 7, 1], sendAt: '09:00', missedGraceDays: 0, overdueEveryDays: 7 };
const hk = (local: string): Date => new Date(`${local}+08:00`);

describe('startDeliveryLoop', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedTestDatabase(db.pool);
    await subscribe(db.pool, { target: 'telegram:1', bureaus: ['DEVB'] }, hk('2024-12-20T12:00:00'));
    await subscribe(db.pool, { target: 'telegram:2', bureaus: ['DEVB'] }, hk('2024-12-20T12:00:00'));
  });
  afterAll(async () => {
    await db.drop();
  });

  it('is woken by the tick’s NOTIFY, and a slow send does not delay the next tick', async () => {
    const sent: OutgoingMessage[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const adapter: ChannelAdapter = {
      channel: 'telegram',
      async send(message) {
        sent.push(message);
        if (message.target === 'telegram:1') await held; // one chat's send hangs until released
      },
    };
    let clockNow = hk('2024-12-24T09:30:00');
    const clock = { now: () => clockNow };
    // A fallback poll of a minute: only the NOTIFY can explain a quick delivery.
    const loop = startDeliveryLoop({ pool: db.pool, adapters: [adapter], clock, logger: silentLogger, timezone: 'Asia/Hong_Kong', leaseMs: 30_000, maxAttempts: 3, pollMs: 60_000 });
    try {
      await new Promise((resolve) => setTimeout(resolve, 500)); // the listener connects; the first pass finds nothing
      const started = Date.now();
      const first = await enqueueDue({ pool: db.pool, now: clockNow, logger: silentLogger, policy });
      expect(first.enqueued).toBe(8);
      while (sent.length < 2 && Date.now() - started < 5_000) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(sent.map((m) => m.target).sort()).toEqual(['telegram:1', 'telegram:2']);
      expect(Date.now() - started).toBeLessThan(3_000);
      // telegram:1 is still hanging; the next tick runs at once all the same.
      clockNow = hk('2024-12-30T09:30:00');
      const tickStarted = Date.now();
      const second = await enqueueDue({ pool: db.pool, now: clockNow, logger: silentLogger, policy });
      expect(second.enqueued).toBe(8);
      expect(Date.now() - tickStarted).toBeLessThan(2_000);
    } finally {
      release();
      await loop.stop();
    }
    const { rows } = await db.pool.query<{ state: string; n: number }>("SELECT state, count(*)::int AS n FROM notifications WHERE slot_at < '2024-12-25' GROUP BY state");
    expect(rows).toEqual([{ state: 'sent', n: 8 }]);
  });
});
