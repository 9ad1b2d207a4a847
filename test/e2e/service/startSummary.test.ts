// `npm start` on the real clock (no POLICYWATCH_NOW), as a new user runs it today: one summary of what is
// tracked, the default console subscription watches overdue milestones, and what is overdue is reported once,
// as one grouped message, not again on the next ticks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/createTestDatabase.ts';
import { freePort, killSpawned, spawnCli, waitFor } from '../../support/runCli.ts';

describe('policywatch start on the real clock', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    killSpawned();
    await db.drop();
  });

  it('prints one summary and one grouped overdue report', async () => {
    const service = spawnCli(['start'], { DATABASE_URL: db.url, POLICYWATCH_HTTP_PORT: String(await freePort()), POLICYWATCH_TICK_CRON: '* * * * * *' });
    await waitFor(() => /delivered/.test(service.output()) || service.exitCode !== null, 60_000, 'the overdue report');
    expect(service.exitCode, service.errors()).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // three more ticks
    const out = service.output();
    const summaries = out.match(/^== policywatch on \d{4}-\d{2}-\d{2}$/gm) ?? [];
    expect(summaries).toHaveLength(1);
    const counts = /milestones: (\d+) met \(with evidence\) · (\d+) claimed \(government's word\) · (\d+) dropped · (\d+) upcoming · (\d+) overdue/.exec(out);
    expect(counts, out).not.toBeNull();
    const overdue = Number(counts![5]);
    expect(overdue).toBeGreaterThan(0); // the seed chapter's 2024–25 deadlines are past on any day this runs
    expect(out).toMatch(/^next deadline: /m);
    // One message for the console (its heading counts the items), with every overdue milestone in it.
    const headings = out.match(/^== 施政承諾提示（\d+項） → console$/gm) ?? [];
    expect(headings, out).toEqual([`== 施政承諾提示（${overdue}項） → console`]);
    expect((out.match(/^\[仍然逾期\]|^\[已逾期\]/gm) ?? []).length).toBe(overdue);
    const subscription = (await db.pool.query(`SELECT watchdog, bureaus FROM subscriptions WHERE target = 'console'`)).rows[0];
    expect(subscription).toEqual({ watchdog: true, bureaus: null });

    const exited = new Promise<number | null>((resolve) => service.once('exit', resolve));
    service.kill('SIGINT');
    expect(await exited).toBe(0);
  }, 120_000);
});
