// policywatch why: an operator asks which alerts of a milestone a target got, and why not the others.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subscribe } from '../../../src/db/subscriptions.ts';
import { createTestDatabase, type TestDatabase } from '../../support/createTestDatabase.ts';
import { runCli } from '../../support/runCli.ts';

describe('why from the command line', () => {
  let db: TestDatabase;
  let env: Record<string, string>;
  let ref: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    env = { DATABASE_URL: db.url };
    expect((await runCli(['load'], env)).code).toBe(0);
    await subscribe(db.pool, { target: 'console', bureaus: ['DEVB'] }, new Date('2024-12-20T12:00:00+08:00'));
    expect((await runCli(['tick', '--at', '2024-12-24T09:30:00+08:00', '--wait', '0'], env)).stdout).toContain('delivered 4');
    const { rows } = await db.pool.query<{ ref: string; seq: number }>(
      `SELECT c.ref, m.seq FROM notifications n JOIN milestones m ON m.id = n.milestone_id JOIN commitments c ON c.id = m.commitment_id
       WHERE n.state = 'sent' ORDER BY n.id LIMIT 1`,
    );
    ref = `${rows[0]!.ref}/${rows[0]!.seq}`;
  });
  afterAll(async () => {
    await db.drop();
  });

  it('explains a sent slot, a muted target and a target that follows other refs', async () => {
    await subscribe(db.pool, { target: 'telegram:1001', all: true }, new Date('2024-12-01T00:00:00Z'));
    await db.pool.query("UPDATE subscriptions SET muted_until = '2025-06-01T00:00:00Z' WHERE target = 'telegram:1001'");
    await subscribe(db.pool, { target: 'telegram:1002', refs: ['PA1999-1-01'] }, new Date('2024-12-01T00:00:00Z'));
    const at = ['--at', '2024-12-24T10:00:00+08:00'];

    const sent = await runCli(['why', 'console', ref, ...at], env);
    expect(sent.code).toBe(0);
    expect(sent.stdout).toMatch(/2024-12-24 09:00 {2}approaching \(7d\) +yes {2}sent: sent at 2024-12-24T01:30/);
    expect(sent.stdout).toMatch(/2024-12-01 09:00 {2}approaching \(30d\) +no {3}before-active: /);

    const muted = await runCli(['why', 'telegram:1001', ref, ...at, '--json'], env);
    expect(muted.code).toBe(0);
    const explained = JSON.parse(muted.stdout) as { milestones: { slots: { at: string; verdict: string; gets: boolean; reason: string }[] }[] };
    expect(explained.milestones[0]!.slots.find((s) => s.at === '2024-12-24T01:00:00.000Z')).toMatchObject({
      verdict: 'muted',
      gets: false,
      reason: 'the target is muted until 2025-06-01T00:00:00.000Z',
    });

    const other = await runCli(['why', 'telegram:1002', ref, ...at], env);
    expect(other.code).toBe(0);
    expect(other.stdout).toMatch(/no {3}not-subscribed: the target follows neither the bureaus .* nor the ref PA2024-7-/);
    expect(other.stdout).not.toMatch(/ yes /);
  }, 60_000);

  it('refuses an unknown ref or target in one line, exit 1', async () => {
    const noRef = await runCli(['why', 'console', 'PA1999-1-01'], env);
    expect(noRef.code).toBe(1);
    expect(noRef.stderr).toBe('policywatch: no commitment PA1999-1-01\n');
    const noTarget = await runCli(['why', 'telegram:42', ref], env);
    expect(noTarget.code).toBe(1);
    expect(noTarget.stderr).toBe('policywatch: no subscription for target telegram:42\n');
    const noSeq = await runCli(['why', 'console', `${ref.split('/')[0]}/99`], env);
    expect(noSeq.code).toBe(1);
    expect(noSeq.stderr).toMatch(/^policywatch: no milestone PA2024-7-\d+\/99\n$/);
  }, 60_000);
});
