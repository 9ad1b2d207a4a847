// policywatch calendar url|rotate: a subscription's private calendar at a secret URL, served by the tracker
// with that subscription's milestones only; rotating makes the old URL a 404 at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/createTestDatabase.ts';
import { createTestTracker } from '../../support/createTestTracker.ts';
import { runCli } from '../../support/runCli.ts';
import { seedTestDatabase } from '../../support/seedTestDatabase.ts';

describe('policywatch calendar', () => {
  let db: TestDatabase;
  const env = (): Record<string, string> => ({ DATABASE_URL: db.url, POLICYWATCH_PUBLIC_URL: 'https://tracker.example.org/' });

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedTestDatabase(db.pool);
  });
  afterAll(async () => {
    await db.drop();
  });

  it('prints a secret URL, serves the subscription calendar there, and rotates it', async () => {
    expect((await runCli(['subscribe', 'telegram:-1001', '--ref', 'PA2024-7-03', '--lang', 'en'], env())).code).toBe(0);
    const first = await runCli(['calendar', 'url', 'telegram:-1001'], env());
    expect(first.code, first.stderr).toBe(0);
    const url = first.stdout.trim();
    expect(url).toMatch(/^https:\/\/tracker\.example\.org\/calendar\/[\w-]{40,}\.ics$/);
    expect((await runCli(['calendar', 'url', 'telegram:-1001'], env())).stdout.trim()).toBe(url);

    const app = await createTestTracker(db.pool);
    try {
      const path = new URL(url).pathname;
      const ics = await app.inject({ method: 'GET', url: path });
      expect(ics.statusCode).toBe(200);
      expect(ics.headers['cache-control']).toContain('private');
      const uids = ics.body.match(/UID:[^\r\n]+/g) ?? [];
      expect(uids).toEqual(['UID:PA2024-7-03-1@policywatch']);

      const rotated = await runCli(['calendar', 'rotate', 'telegram:-1001'], env());
      expect(rotated.code).toBe(0);
      const next = rotated.stdout.trim();
      expect(next).not.toBe(url);
      expect((await app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
      expect((await app.inject({ method: 'GET', url: new URL(next).pathname })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  }, 180_000);

  it('refuses a target without a subscription, with one line', async () => {
    const result = await runCli(['calendar', 'url', 'telegram:-999'], env());
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^policywatch: no subscription for telegram:-999/);
    expect((await runCli(['calendar', 'show', 'console'], env())).code).toBe(2);
  }, 120_000);
});
