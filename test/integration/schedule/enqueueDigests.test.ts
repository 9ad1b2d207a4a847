import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFixedClock } from '../../../src/clock.ts';
import { PROJECT_ROOT } from '../../../src/config.ts';
import { createPool } from '../../../src/db/createPool.ts';
import { subscribe, updateSubscriptionSettings } from '../../../src/db/subscriptions.ts';
import type { AlertPolicy } from '../../../src/domain/alertPolicy.ts';
import type { WeeklyDigest } from '../../../src/domain/weeklyDigest.ts';
import { renderDigestText } from '../../../src/notify/digest/renderDigestText.ts';
import { defaultDigestSettings, type DigestSettings } from '../../../src/schedule/digestSettingsOf.ts';
import { enqueueDigests } from '../../../src/schedule/enqueueDigests.ts';
import { runTick } from '../../../src/schedule/runTick.ts';
import { changeMilestoneStatus } from '../../../src/services/changeMilestoneStatus.ts';
import { previewDigest } from '../../../src/services/previewDigest.ts';
import { createRecordingAdapter, type RecordingAdapter } from '../../fakes/createRecordingAdapter.ts';
import { createTestDatabase, type TestDatabase } from '../../support/createTestDatabase.ts';
import { seedTestDatabase, silentLogger } from '../../support/seedTestDatabase.ts';

const policy: AlertPolicy = { timezone: 'Asia/Hong_Kong', leadDays: [30, 7, 1], sendAt: '09:00', missedGraceDays: 0, overdueEveryDays: 7 };
const hk = (local: string): Date => new Date(`${local}+08:00`);
const WORKER = path.join(PROJECT_ROOT, 'test', 'support', 'digestWorkerProcess.ts');
const GOLDEN = path.join(PROJECT_ROOT, 'test', 'fixtures', 'digest');

describe('weekly digests through the tick', () => {
  let db: TestDatabase;
  let adapter: RecordingAdapter;
  const clock = createFixedClock(hk('2024-12-01T00:00:00'));

  const tick = (at: string | Date, options: { digest?: DigestSettings; adapters?: RecordingAdapter[]; pool?: TestDatabase['pool'] } = {}) => {
    clock.set(typeof at === 'string' ? hk(at) : at);
    return runTick({
      pool: options.pool ?? db.pool, clock, logger: silentLogger, policy, adapters: options.adapters ?? [adapter], leaseMs: 30_000, maxAttempts: 5,
      digest: options.digest, sleep: async (ms) => clock.advance(ms),
    });
  };
  const digests = (): WeeklyDigest[] => adapter.sent.flatMap((m) => (m.digest ? [m.digest] : []));
  const ledger = async () =>
    (await db.pool.query<{ dedupe_key: string; state: string; last_error: string | null }>(
      "SELECT dedupe_key, state, last_error FROM notifications WHERE kind = 'digest' ORDER BY id",
    )).rows;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedTestDatabase(db.pool);
  });
  afterAll(async () => {
    await db.drop();
  });
  beforeEach(async () => {
    adapter = createRecordingAdapter();
    await db.pool.query('TRUNCATE notifications, scheduler_state, subscriptions RESTART IDENTITY CASCADE');
    await db.pool.query('DELETE FROM milestone_status_history WHERE previous_status IS NOT NULL');
    await db.pool.query("UPDATE milestones SET status = 'pending', due = extracted_due, evidence_url = NULL, status_changed_at = '2024-10-16T00:00:00Z'");
  });

  it('sends the DEVB digest once at Monday 09:00 — the golden digest — and nothing more that week, even after a restart', async () => {
    await subscribe(db.pool, { target: 'console', bureaus: ['DEVB'], digest: true, deadlines: false }, hk('2024-12-16T12:00:00'));
    await tick('2024-12-16T12:00:00');
    expect((await tick('2024-12-23T08:59:59')).digests).toBe(0);
    const report = await tick('2024-12-23T09:00:30');
    expect(report).toMatchObject({ enqueued: 1, digests: 1, delivered: 1, failed: 0 });
    expect(adapter.sent).toHaveLength(1);
    expect(adapter.sent[0]!.items).toEqual([]);
    const digest = digests()[0]!;
    expect(digest).toMatchObject({ subscriptionId: 1, week: '2024-W52', today: '2024-12-23', sinceDate: '2024-12-16', at: hk('2024-12-23T09:00:00').toISOString() });
    // read from PostgreSQL, composed by the tick, identical to the golden composed from the parsed chapter
    expect(renderDigestText(digest)).toBe(readFileSync(path.join(GOLDEN, 'devb-2024-W52.zh-HK.txt'), 'utf8'));

    expect(await tick('2024-12-23T09:01:00')).toMatchObject({ enqueued: 0, delivered: 0 });
    expect(await tick('2024-12-23T08:00:00')).toMatchObject({ enqueued: 0 }); // the clock moved back
    // a restarted process: a new pool, the state only in the database
    const pool = createPool(db.url, { max: 2 });
    try {
      expect(await tick('2024-12-25T10:00:00', { pool })).toMatchObject({ enqueued: 0, delivered: 0 });
      expect(await tick('2024-12-29T23:59:59', { pool })).toMatchObject({ enqueued: 0 });
      expect(await tick('2024-12-30T09:00:00', { pool })).toMatchObject({ digests: 1, delivered: 1 });
    } finally {
      await pool.end();
    }
    expect(digests().map((d) => [d.week, d.sinceDate])).toEqual([['2024-W52', '2024-12-16'], ['2025-W01', '2024-12-23']]);
    expect(await ledger()).toEqual([
      { dedupe_key: 'digest:1:2024-W52', state: 'sent', last_error: null },
      { dedupe_key: 'digest:1:2025-W01', state: 'sent', last_error: null },
    ]);
  });

  it('two service processes at the week boundary send one digest per subscription; a restart sends nothing more', { timeout: 120_000 }, async () => {
    const bureaus = ['DEVB', 'ITIB', 'HHB', 'CMAB', 'DoJ'];
    for (let i = 1; i <= 120; i++) {
      await subscribe(
        db.pool,
        { target: `telegram:${5000 + i}`, ...(i % 10 === 0 ? { all: true } : { bureaus: [bureaus[i % 5]!, bureaus[(i * 3) % 5]!] }), digest: true },
        hk('2024-12-29T12:00:00'),
      );
    }
    // Sunday night: nothing owed yet
    expect(await enqueueDigests(db.pool, hk('2024-12-29T23:59:00'), defaultDigestSettings())).toMatchObject({ enqueued: 0 });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pw-digest-'));
    const run = (name: string, at: Date) =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', WORKER], {
          cwd: PROJECT_ROOT,
          env: { ...process.env, DATABASE_URL: db.url, OUT_FILE: path.join(dir, `${name}.jsonl`), CLOCK_AT: at.toISOString(), DELAY_MS: '2' },
          stdio: ['ignore', 'ignore', 'inherit'],
        });
        child.once('exit', resolve);
      });
    const read = (name: string): { pid: number; subscription: number; week: string }[] => {
      const file = path.join(dir, `${name}.jsonl`);
      return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line)) : [];
    };
    expect(await Promise.all([run('a', hk('2024-12-30T09:00:05')), run('b', hk('2024-12-30T09:00:05'))])).toEqual([0, 0]);
    const sent = [...read('a'), ...read('b')];
    expect(sent).toHaveLength(120);
    expect(new Set(sent.map((s) => s.subscription)).size).toBe(120);
    expect(sent.every((s) => s.week === '2025-W01')).toBe(true);
    // restarted processes later that week: nothing new
    expect(await Promise.all([run('c', hk('2024-12-31T09:00:05')), run('d', hk('2025-01-05T23:00:00'))])).toEqual([0, 0]);
    expect([...read('c'), ...read('d')]).toEqual([]);
    const { rows } = await db.pool.query("SELECT state, count(*)::int AS n FROM notifications WHERE kind = 'digest' GROUP BY state");
    expect(rows).toEqual([{ state: 'sent', n: 120 }]);
  });

  it('after three weeks down sends only the latest week, reporting since the slot before it', async () => {
    await subscribe(db.pool, { target: 'console', all: true, digest: true, deadlines: false }, hk('2024-11-20T12:00:00'));
    await tick('2024-12-02T10:00:00');
    expect(digests().map((d) => d.week)).toEqual(['2024-W49']);
    await changeMilestoneStatus(db.pool, 'PA2024-7-05', { to: 'rescheduled', due: '2025-06-30' }, { actor: 'test', source: 'cli', at: hk('2024-12-10T12:00:00') });
    await changeMilestoneStatus(db.pool, 'PA2024-7-03', { to: 'met', evidenceUrl: 'https://www.devb.gov.hk/' }, { actor: 'test', source: 'cli', at: hk('2024-12-18T12:00:00') });
    const report = await tick('2024-12-24T10:00:00');
    expect(report).toMatchObject({ digests: 1, delivered: 1 });
    expect(digests().map((d) => d.week)).toEqual(['2024-W49', '2024-W52']);
    const latest = digests()[1]!;
    expect(latest.sinceDate).toBe('2024-12-16');
    expect(latest.changes.map((c) => [c.ref, c.change])).toEqual([['PA2024-7-03', 'met']]); // the change of W50 was for the W51 digest
    expect(latest.bureaus.find((b) => b.code === 'DEVB')).toMatchObject({ met: 1 });
    expect((await ledger()).map((r) => r.dedupe_key)).toEqual(['digest:1:2024-W49', 'digest:1:2024-W52']);
  });

  it('a digest still queued from an earlier week is superseded by the next one; every row ends sent, superseded or dead', async () => {
    await subscribe(db.pool, { target: 'telegram:777', bureaus: ['DEVB'], digest: true }, hk('2024-12-01T12:00:00'));
    const telegram = createRecordingAdapter('telegram');
    await tick('2024-12-09T09:30:00', { adapters: [adapter] }); // no Telegram adapter in this process: queued
    expect((await ledger()).map((r) => r.state)).toEqual(['pending']);
    await tick('2024-12-16T09:30:00', { adapters: [telegram] });
    expect(telegram.sent.map((m) => m.digest?.week)).toEqual(['2024-W51']);
    expect(await ledger()).toEqual([
      { dedupe_key: 'digest:1:2024-W50', state: 'superseded', last_error: 'a later weekly digest was due' },
      { dedupe_key: 'digest:1:2024-W51', state: 'sent', last_error: null },
    ]);
    await tick('2025-02-01T09:30:00', { adapters: [telegram] });
    const { rows } = await db.pool.query("SELECT state, count(*)::int AS n, bool_and(state = 'sent' OR last_error IS NOT NULL) AS explained FROM notifications GROUP BY state");
    expect(rows.every((r) => ['sent', 'superseded', 'dead'].includes(r.state) && r.explained)).toBe(true);
  });

  it('an empty week is one line, or recorded as skipped when the subscription (or the configuration) says so', async () => {
    await subscribe(db.pool, { target: 'console', bureaus: ['HHB'], digest: true, deadlines: false }, hk('2024-12-01T12:00:00'));
    await subscribe(db.pool, { target: 'telegram:1', bureaus: ['HHB'], digest: true, deadlines: false }, hk('2024-12-01T12:00:00'));
    await subscribe(db.pool, { target: 'telegram:2', bureaus: ['HHB'], digest: true, deadlines: false }, hk('2024-12-01T12:00:00'));
    await db.pool.query("UPDATE subscriptions SET digest_skip_empty = true WHERE target = 'telegram:1'");
    await db.pool.query("UPDATE subscriptions SET digest_skip_empty = false WHERE target = 'telegram:2'");
    const telegram = createRecordingAdapter('telegram');
    await tick('2024-12-23T09:05:00', { adapters: [adapter, telegram], digest: { ...defaultDigestSettings(), skipEmpty: true } });
    expect(adapter.sent).toHaveLength(0); // console follows the configuration: skipped
    expect(telegram.sent.map((m) => m.target)).toEqual(['telegram:2']); // its own setting wins
    expect(renderDigestText(telegram.sent[0]!.digest!)).toBe('施政承諾每週摘要 2024-W52 · 醫務衞生局：未來四星期沒有到期項目，自 2024-12-16 起沒有新逾期或狀態變更。');
    const skipped = 'nothing to report this week (empty digests are skipped)';
    expect(await ledger()).toEqual([
      { dedupe_key: 'digest:1:2024-W52', state: 'superseded', last_error: skipped },
      { dedupe_key: 'digest:2:2024-W52', state: 'superseded', last_error: skipped },
      { dedupe_key: 'digest:3:2024-W52', state: 'sent', last_error: null },
    ]);
    await tick('2024-12-30T09:05:00', { adapters: [adapter, telegram] }); // default configuration: empty weeks are sent
    expect(adapter.sent.map((m) => m.digest?.week)).toEqual(['2025-W01']);
  });

  it('follows a subscription\'s own day, time and zone, and still sends one per ISO week when they change', async () => {
    await subscribe(db.pool, { target: 'console', bureaus: ['DEVB'], digest: true, deadlines: false }, hk('2024-12-14T12:00:00'));
    await updateSubscriptionSettings(db.pool, 'console', { digestDay: 'fri', digestTime: '18:00', timezone: 'Europe/London' }, hk('2024-12-14T12:00:00'));
    await tick('2024-12-20T12:00:00');
    await tick(new Date('2024-12-20T17:59:00Z'));
    expect(digests()).toEqual([]);
    await tick(new Date('2024-12-20T18:00:00Z'));
    expect(digests().map((d) => [d.week, d.today, d.timezone, d.sinceDate])).toEqual([['2024-W51', '2024-12-20', 'Europe/London', '2024-12-14']]);
    await updateSubscriptionSettings(db.pool, 'console', { digestDay: 'sat' }, hk('2024-12-20T12:00:00'));
    await tick(new Date('2024-12-21T18:30:00Z')); // Saturday's slot of the same ISO week: already had its digest
    expect(digests()).toHaveLength(1);
    await db.pool.query("UPDATE subscriptions SET digest_day = 'someday' WHERE target = 'console'");
    const result = await enqueueDigests(db.pool, hk('2024-12-30T09:00:00'), defaultDigestSettings()); // falls back to Monday 09:00
    expect(result).toMatchObject({ enqueued: 1, invalidSchedules: [{ subscriptionId: 1, settings: ['digest_day'] }] });
  });

  it('sends nothing to a subscription muted, disabled, without the digest switch or not yet active at the slot', async () => {
    await subscribe(db.pool, { target: 'telegram:10', bureaus: ['DEVB'], digest: true }, hk('2024-12-01T12:00:00'));
    await subscribe(db.pool, { target: 'telegram:11', bureaus: ['DEVB'], digest: true }, hk('2024-12-01T12:00:00'));
    await subscribe(db.pool, { target: 'telegram:12', bureaus: ['DEVB'] }, hk('2024-12-01T12:00:00'));
    await subscribe(db.pool, { target: 'telegram:13', bureaus: ['DEVB'], digest: true }, hk('2024-12-23T09:00:01'));
    await subscribe(db.pool, { target: 'telegram:14', bureaus: ['DEVB'], digest: true }, hk('2024-12-01T12:00:00'));
    await updateSubscriptionSettings(db.pool, 'telegram:10', { mutedUntil: hk('2024-12-24T00:00:00') }, hk('2024-12-01T12:00:00'));
    await db.pool.query("UPDATE subscriptions SET disabled_at = now(), disabled_reason = 'kicked' WHERE target = 'telegram:11'");
    const result = await enqueueDigests(db.pool, hk('2024-12-23T09:10:00'), defaultDigestSettings());
    expect(result.enqueued).toBe(1);
    expect((await ledger()).map((r) => r.dedupe_key)).toEqual(['digest:5:2024-W52']);
  });

  it('goes out as a message of its own, next to the alerts of the same target', async () => {
    await subscribe(db.pool, { target: 'console', bureaus: ['DEVB'], digest: true }, hk('2024-12-01T12:00:00'));
    await tick('2024-12-29T12:00:00');
    adapter.sent.length = 0;
    const report = await tick('2024-12-30T09:00:00');
    expect(report).toMatchObject({ enqueued: 5, digests: 1, delivered: 5 });
    expect(adapter.sent).toHaveLength(2);
    const [alerts, digest] = [adapter.sent.find((m) => !m.digest)!, adapter.sent.find((m) => m.digest)!];
    expect(alerts.items.map((i) => `${i.kind}:${i.ref}`).sort()).toEqual(['approaching:PA2024-7-01', 'approaching:PA2024-7-03', 'approaching:PA2024-7-04', 'approaching:PA2024-7-06']);
    expect(digest.items).toEqual([]);
    expect(digest.digest!.upcoming.every((i) => i.daysLeft === 1)).toBe(true);
  });

  it('reports status changes since the previous slot only, and never the loader\'s initial rows', async () => {
    await subscribe(db.pool, { target: 'console', bureaus: ['DEVB'], digest: true, deadlines: false }, hk('2024-10-01T12:00:00'));
    await tick('2024-10-01T12:00:00');
    await tick('2024-10-21T09:00:00'); // the week the chapter was loaded (2024-10-16)
    expect(digests()[0]!.changes).toEqual([]);
    await changeMilestoneStatus(db.pool, 'PA2024-7-04', { to: 'claimed' }, { actor: 'test', source: 'cli', at: hk('2024-10-25T12:00:00') });
    await tick('2024-10-28T09:00:00');
    await tick('2024-11-04T09:00:00');
    expect(digests().map((d) => d.changes.map((c) => `${c.ref}:${c.change}`))).toEqual([[], ['PA2024-7-04:claimed'], []]);
    expect(digests()[2]!.bureaus[0]).toMatchObject({ claimed: 1, onTrack: 6 });
  });

  it('a digest row whose payload cannot be read ends dead with the reason', async () => {
    await subscribe(db.pool, { target: 'console', bureaus: ['DEVB'], digest: true }, hk('2024-12-01T12:00:00'));
    await db.pool.query(
      `INSERT INTO notifications (dedupe_key, kind, subscription_id, slot_at, target, payload, available_at) VALUES ('digest:1:1999-W01', 'digest', 1, now(), 'console', '{"version": 99}', now())`,
    );
    const report = await tick(new Date(Date.now() + 60_000));
    expect(report.failed).toBe(1);
    expect(await ledger()).toContainEqual({ dedupe_key: 'digest:1:1999-W01', state: 'dead', last_error: 'digest payload is not a readable weekly digest: version: Invalid input: expected 1' });
  });

  it('pages of subscriptions with other scopes and windows each get the digest their preview shows', async () => {
    // Pages of two: a later page needs bureaux, refs or earlier changes the data held from earlier pages lacks,
    // and the pass must read them rather than compose from what it has.
    const { rows } = await db.pool.query<{ code: string }>('SELECT DISTINCT unnest(bureaus) AS code FROM commitments ORDER BY 1');
    const codes = rows.map((r) => r.code);
    expect(codes.length).toBeGreaterThanOrEqual(3);
    await changeMilestoneStatus(db.pool, 'PA2024-7-10', { to: 'claimed' }, { actor: 'test', source: 'cli', at: hk('2024-12-17T12:00:00') });
    await changeMilestoneStatus(db.pool, 'PA2024-7-01/1', { to: 'met', evidenceUrl: 'https://www.info.gov.hk/gia/a.htm' }, { actor: 'test', source: 'cli', at: hk('2024-12-20T12:00:00') });
    const subscriptions: { target: string; bureaus?: string[]; refs?: string[]; all?: boolean; language: 'en' | 'zh-HK'; since: string }[] = [
      { target: 'telegram:1', bureaus: [codes[0]!], language: 'zh-HK', since: '2024-12-19T00:00:00' },
      { target: 'telegram:2', bureaus: [codes[0]!], language: 'en', since: '2024-12-19T00:00:00' },
      { target: 'telegram:3', bureaus: [codes[1]!], language: 'zh-HK', since: '2024-12-01T00:00:00' },
      { target: 'telegram:4', refs: ['PA2024-7-10'], language: 'en', since: '2024-12-01T00:00:00' },
      { target: 'telegram:5', bureaus: [codes[2]!, codes[0]!], language: 'zh-HK', since: '2024-12-01T00:00:00' },
      { target: 'telegram:6', all: true, language: 'en', since: '2024-12-01T00:00:00' },
      { target: 'telegram:7', bureaus: [codes[1]!], language: 'en', since: '2024-12-01T00:00:00' },
    ];
    for (const { since, ...subscription } of subscriptions) await subscribe(db.pool, { ...subscription, digest: true }, hk(since));
    await db.pool.query(`INSERT INTO scheduler_state (name, covered_until) VALUES ('digest', $1)`, [hk('2024-12-23T08:59:00')]);
    const result = await enqueueDigests(db.pool, hk('2024-12-23T09:00:30'), defaultDigestSettings(), { pageSize: 2 });
    expect(result.enqueued).toBe(subscriptions.length);
    const stored = await db.pool.query<{ target: string; payload: WeeklyDigest }>("SELECT target, payload FROM notifications WHERE kind = 'digest' ORDER BY target");
    expect(stored.rows.map((r) => r.target)).toEqual(subscriptions.map((s) => s.target));
    for (const row of stored.rows) {
      const preview = await previewDigest(db.pool, { at: hk('2024-12-23T09:00:00'), settings: defaultDigestSettings(), subscription: row.target });
      expect(JSON.parse(JSON.stringify(preview.digest)), row.target).toEqual(row.payload);
    }
    // The scopes differ, so the digests do too (the test would prove nothing if every page read everything).
    expect(new Set(stored.rows.map((r) => JSON.stringify(r.payload.changes))).size).toBeGreaterThan(2);
  });

  it('the preview is the digest the tick sends at that slot', async () => {
    await subscribe(db.pool, { target: 'console', bureaus: ['DEVB'], refs: ['PA2024-7-10'], digest: true, language: 'en' }, hk('2024-12-01T12:00:00'));
    await tick('2024-12-01T12:00:00');
    await changeMilestoneStatus(db.pool, 'PA2024-7-10', { to: 'claimed' }, { actor: 'test', source: 'cli', at: hk('2024-12-18T12:00:00') });
    await tick('2024-12-23T09:00:00');
    const preview = await previewDigest(db.pool, { at: hk('2024-12-23T09:00:00'), settings: defaultDigestSettings(), subscription: 'console' });
    expect(preview.digest).toEqual(digests()[0]);
    expect(preview.digest.changes.map((c) => c.ref)).toEqual(['PA2024-7-10']);
    const byBureau = await previewDigest(db.pool, { at: hk('2024-12-23T09:00:00'), settings: defaultDigestSettings(), bureaus: ['DEVB'] });
    expect(renderDigestText(byBureau.digest)).toBe(readFileSync(path.join(GOLDEN, 'devb-2024-W52.zh-HK.txt'), 'utf8'));
  });
});
