// `policywatch evidence propose` and `list` as a user runs them: the listed date is the tracker's local day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/createTestDatabase.ts';
import { killSpawned, runCli } from '../../support/runCli.ts';

describe('policywatch evidence list', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    expect((await runCli(['load'], { DATABASE_URL: db.url })).code).toBe(0);
  }, 120_000);
  afterAll(async () => {
    killSpawned();
    await db.drop();
  });

  it('dates a proposal made at 01:30 Hong Kong time on that Hong Kong day, not the UTC day before', { timeout: 60_000 }, async () => {
    const env = { DATABASE_URL: db.url, POLICYWATCH_NOW: '2026-12-02T01:30:00+08:00' };
    const proposed = await runCli(['evidence', 'propose', 'PA2024-7-03', 'met', '--url', 'https://www.devb.gov.hk/press/1', '--by', 'ann'], env);
    expect(proposed.code, proposed.stderr).toBe(0);
    const listed = await runCli(['evidence', 'list'], env);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(/#\d+ PA2024-7-03 → met · https:\/\/www\.devb\.gov\.hk\/press\/1 · by ann · 2026-12-02\n/);
  });
});
