// The deadline engine's commands as a user runs them, against a test database (DATABASE_URL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/createTestDatabase.ts';
import { runCli } from '../../support/runCli.ts';

describe('subscribe, due, status and tick from the command line', () => {
  let db: TestDatabase;
  let env: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    env = { DATABASE_URL: db.url };
    const loaded = await runCli(['load'], env);
    expect(loaded.stdout).toContain('loaded 32 commitments, 11 milestones from policy-address-2024-ch7');
  });
  afterAll(async () => {
    await db.drop();
  });

  it('subscribes, lists, and refuses bad input with one line', async () => {
    const subscribed = await runCli(['subscribe', 'console', '--bureau', 'DEVB', '--bureau', '創新科技及工業局', '--watchdog'], { ...env, POLICYWATCH_NOW: '2024-12-01T00:00:00+08:00' });
    expect(subscribed.stdout).toMatch(/^subscribed: 1\tconsole\tDEVB,ITIB\tdeadlines\+watchdog\tzh-HK/);
    const list = JSON.parse((await runCli(['subscriptions', '--json'], env)).stdout);
    expect(list).toMatchObject([{ target: 'console', bureaus: ['DEVB', 'ITIB'], watchdog: true, language: 'zh-HK', activeSince: expect.stringMatching(/^2024-11-30T16:00:00/) }]);
    const badTarget = await runCli(['subscribe', 'whatsapp:1', '--all'], env);
    expect(badTarget.code).toBe(1);
    expect(badTarget.stderr).toMatch(/^policywatch: invalid target "whatsapp:1": expected console, telegram:<chat id>/);
    const badBureau = await runCli(['subscribe', 'console', '--bureau', 'Ministry of Magic'], env);
    expect(badBureau.code).toBe(2);
    expect(badBureau.stderr).toMatch(/unknown bureau "Ministry of Magic"/);
  });

  it("sets a subscription's own digest day, time and zone, and refuses bad ones", async () => {
    const set = await runCli(['subscribe', 'telegram:55', '--bureau', 'DEVB', '--digest', '--digest-day', 'Fri', '--digest-time', '18:30', '--timezone', 'Europe/London', '--digest-skip-empty'], env);
    expect(set.stdout).toMatch(/^subscribed: \d+\ttelegram:55\tDEVB\tdeadlines\+digest\tzh-HK, digest fri 18:30 Europe\/London, empty digests skipped/);
    const badDay = await runCli(['subscribe', 'telegram:55', '--bureau', 'DEVB', '--digest-day', 'someday'], env);
    expect(badDay.code).toBe(2);
    expect(badDay.stderr).toMatch(/^policywatch: --digest-day must be one of mon … sun, not "someday"/);
    const badTime = await runCli(['subscribe', 'telegram:55', '--bureau', 'DEVB', '--digest-time', '25:00'], env);
    expect(badTime.stderr).toMatch(/--digest-time must be a local time HH:MM, not "25:00"/);
    await runCli(['unsubscribe', 'telegram:55', '--all'], env);
  });

  it('lists what is approaching, due or missed at an instant', async () => {
    const { stdout, code } = await runCli(['due', '--at', '2024-12-24T10:00:00+08:00', '--json', '--bureau', 'DEVB'], env);
    expect(code).toBe(0);
    const due = JSON.parse(stdout);
    expect(due.map((d: { ref: string }) => d.ref)).toEqual(['PA2024-7-01', 'PA2024-7-03', 'PA2024-7-04', 'PA2024-7-06']);
    expect(Object.keys(due[0])).toEqual(['ref', 'seq', 'due', 'state', 'bureaus', 'text', 'texts', 'kind', 'status', 'daysLeft']);
    expect(due[0]).toMatchObject({ due: '2024-12-31', kind: 'deadline', status: 'pending', state: 'approaching', daysLeft: 7 });
  });

  it('records statuses, refusing invalid ones with one clear line', async () => {
    const noEvidence = await runCli(['status', 'PA2024-7-04', 'met'], env);
    expect(noEvidence.code).toBe(1);
    expect(noEvidence.stderr.trim()).toBe('policywatch: marking a milestone met needs public evidence (--evidence URL); use "claimed" when the bureau says it is done but there is no evidence yet');
    const unknown = await runCli(['status', 'PA2024-7-99', 'claimed'], env);
    expect(unknown.stderr.trim()).toBe('policywatch: PA2024-7-99: no such commitment');
    const met = await runCli(['status', 'PA2024-7-04', 'met', '--evidence', 'https://www.devb.gov.hk/evidence', '--note', 'tender notice'], { ...env, POLICYWATCH_NOW: '2024-12-20T12:00:00+08:00' });
    expect(met.stdout.trim()).toBe('PA2024-7-04/1: pending -> met, due 2024-12-31');
  });

  it('a tick delivers once; repeating it at the same instant delivers nothing', { timeout: 90_000 }, async () => {
    const first = await runCli(['tick', '--at', '2024-12-24T09:30:00+08:00', '--json'], env);
    expect(first.code).toBe(0);
    // DEVB's 01, 03, 06 and ITIB's 09 and 10 (06 is both bureaus' but one alert); their 30-day slots were never sent
    expect(JSON.parse(first.stdout)).toEqual({ enqueued: 5, delivered: 5, superseded: 5, failed: 0 });
    expect(first.stderr).toContain('PA2024-7-10'); // console alerts go to stderr with --json
    expect(first.stderr).not.toContain('PA2024-7-04'); // met before its slot
    const again = await runCli(['tick', '--at', '2024-12-24T09:30:00+08:00', '--json'], env);
    expect(JSON.parse(again.stdout)).toEqual({ enqueued: 0, delivered: 0, superseded: 0, failed: 0 });
    const earlier = await runCli(['tick', '--at', '2024-12-20T09:30:00+08:00'], env);
    expect(earlier.stdout).toMatch(/^enqueued 0, delivered 0/);
    expect(earlier.stderr).toContain('note: an earlier tick already covered alerts up to 2024-12-24T01:30:00');
  });

  it('unsubscribes', async () => {
    const narrowed = await runCli(['unsubscribe', 'console', '--bureau', 'ITIB'], env);
    expect(narrowed.stdout).toMatch(/^updated: 1\tconsole\tDEVB/);
    const ended = await runCli(['unsubscribe', 'console', '--all'], env);
    expect(ended.stdout).toMatch(/^unsubscribed: .*disabled: unsubscribed/);
    expect(JSON.parse((await runCli(['subscriptions', '--json'], env)).stdout)).toEqual([]);
  });
});
