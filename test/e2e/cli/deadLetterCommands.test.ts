// policywatch dead and retry, as an operator runs them after a target could not be reached.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subscribe } from '../../../src/db/subscriptions.ts';
import { createTestDatabase, type TestDatabase } from '../../support/createTestDatabase.ts';
import { runCli } from '../../support/runCli.ts';

describe('dead and retry from the command line', () => {
  let db: TestDatabase;
  let env: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    env = { DATABASE_URL: db.url };
    expect((await runCli(['load'], env)).code).toBe(0);
    await subscribe(db.pool, { target: 'console', bureaus: ['DEVB'] }, new Date('2024-12-20T12:00:00+08:00'));
    expect((await runCli(['tick', '--at', '2024-12-24T09:30:00+08:00', '--wait', '0'], env)).stdout).toContain('delivered 4');
    // Two of them had failed for good instead.
    await db.pool.query("UPDATE notifications SET state = 'dead', last_error = 'gave up after 8 attempts: telegram 502: Bad Gateway' WHERE id IN (SELECT id FROM notifications WHERE state = 'sent' ORDER BY id LIMIT 2)");
  });
  afterAll(async () => {
    await db.drop();
  });

  it('lists dead alerts with their reasons, as text and JSON', async () => {
    const text = await runCli(['dead'], env);
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[0]).toBe('id\tkind\ttarget\tmilestone\tdue\tattempts\treason');
    expect(text.stdout).toContain('gave up after 8 attempts: telegram 502: Bad Gateway');
    const json = JSON.parse((await runCli(['dead', '--json'], env)).stdout);
    expect(json).toHaveLength(2);
    expect(json[0]).toMatchObject({ kind: 'approaching', target: 'console', ref: expect.stringMatching(/^PA2024-7-/), due: '2024-12-31' });
  });

  it('requeues by id, refuses what is not an id, and the next tick delivers it', async () => {
    const [first] = JSON.parse((await runCli(['dead', '--json'], env)).stdout) as { id: number }[];
    const bad = await runCli(['retry', 'abc'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^policywatch: "abc" is not an alert id/);
    const at = { ...env, POLICYWATCH_NOW: '2024-12-24T09:35:00+08:00' };
    const retried = await runCli(['retry', String(first!.id)], at);
    expect(retried.stdout).toMatch(/^requeued 1 alert/);
    const again = await runCli(['retry', String(first!.id)], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`not dead (or no such alert): ${first!.id}`);
    const byTarget = await runCli(['retry', '--target', 'console'], at);
    expect(byTarget.stdout).toMatch(/^requeued 1 alert/);
    const tick = await runCli(['tick', '--at', '2024-12-24T09:40:00+08:00', '--wait', '0'], env);
    expect(tick.stdout).toContain('delivered 2');
    expect((await runCli(['dead'], env)).stdout).toBe('no dead alerts\n');
  }, 120_000); // six CLI runs, each a new process
});
