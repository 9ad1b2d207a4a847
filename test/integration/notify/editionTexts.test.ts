// With the English edition attached, every place that shows a commitment shows it in the reader's
// language: an English subscription's alerts and digest carry the English text, a Chinese one's the
// Chinese text, and refs are the same for both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixedClock } from '../../../src/clock.ts';
import { subscribe } from '../../../src/db/subscriptions.ts';
import type { AlertPolicy } from '../../../src/domain/alertPolicy.ts';
import { runTick } from '../../../src/schedule/runTick.ts';
import { previewDigest } from '../../../src/services/previewDigest.ts';
import { createRecordingAdapter } from '../../fakes/createRecordingAdapter.ts';
import { createTestDatabase, type TestDatabase } from '../../support/createTestDatabase.ts';
import { seedTestDatabase, silentLogger } from '../../support/seedTestDatabase.ts';

const policy: AlertPolicy = { timezone: 'Asia/Hong_Kong', leadDays: [30, 7, 1], sendAt: '09:00', missedGraceDays: 0, overdueEveryDays: 7 };
const hk = (local: string): Date => new Date(`${local}+08:00`);
const settings = { schedule: { day: 'mon', time: '09:00', timezone: 'Asia/Hong_Kong' }, skipEmpty: false } as const;

describe('texts in the reader\'s edition', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedTestDatabase(db.pool);
  });
  afterAll(async () => {
    await db.drop();
  });

  it('an English subscription gets its alerts in English, a Chinese one in Chinese', async () => {
    const clock = createFixedClock(hk('2024-11-20T12:00:00'));
    const tick = async (at: string, language: 'en' | 'zh-HK') => {
      const adapter = createRecordingAdapter();
      await db.pool.query('TRUNCATE notifications, scheduler_state, subscriptions RESTART IDENTITY CASCADE');
      await subscribe(db.pool, { target: 'console', bureaus: ['DEVB'], language }, hk('2024-11-20T12:00:00'));
      clock.set(hk('2024-11-20T12:00:00'));
      const options = { pool: db.pool, clock, logger: silentLogger, policy, adapters: [adapter], leaseMs: 30_000, maxAttempts: 5, sleep: async (ms: number) => clock.advance(ms) };
      await runTick(options);
      clock.set(hk(at));
      await runTick(options);
      return adapter.sent.flatMap((m) => m.items.map((i) => [i.ref, i.text]));
    };
    const en = await tick('2024-12-24T09:30:00', 'en');
    expect(en.map(([ref]) => ref).sort()).toEqual(['PA2024-7-01', 'PA2024-7-03', 'PA2024-7-04', 'PA2024-7-06']);
    expect(en.find(([ref]) => ref === 'PA2024-7-03')![1]).toMatch(/^Announce by end-2024 the preliminary development proposals for Ngau Tam Mei/);
    const zh = await tick('2024-12-24T09:30:00', 'zh-HK');
    expect(zh.find(([ref]) => ref === 'PA2024-7-03')![1]).toMatch(/^在2024年年底前公布牛潭尾/);
  });

  it('the weekly digest lists the English texts for an English reader', async () => {
    const en = await previewDigest(db.pool, { at: hk('2024-12-23T09:00:00'), settings, bureaus: ['DEVB'], language: 'en' });
    const item = en.digest.upcoming.find((i) => i.ref === 'PA2024-7-03');
    expect(item?.text).toMatch(/^Announce by end-2024/);
    const zh = await previewDigest(db.pool, { at: hk('2024-12-23T09:00:00'), settings, bureaus: ['DEVB'], language: 'zh-HK' });
    expect(zh.digest.upcoming.find((i) => i.ref === 'PA2024-7-03')?.text).toMatch(/^在2024年年底前公布/);
  });
});
