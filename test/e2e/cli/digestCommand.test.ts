// policywatch digest --preview as a user runs it, against a test database (DATABASE_URL).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../src/config.ts';
import { createTestDatabase, type TestDatabase } from '../../support/createTestDatabase.ts';
import { runCli } from '../../support/runCli.ts';

const golden = (name: string): string => readFileSync(path.join(PROJECT_ROOT, 'test', 'fixtures', 'digest', name), 'utf8');
const AT = '2024-12-23T09:00:00+08:00';

describe('policywatch digest --preview', () => {
  let db: TestDatabase;
  let env: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    env = { DATABASE_URL: db.url };
    expect((await runCli(['load'], env)).code).toBe(0);
  });
  afterAll(async () => {
    await db.drop();
  });

  it('prints the DEVB digest of Monday 2024-12-23 09:00 in either language and each format', async () => {
    const zh = await runCli(['digest', '--preview', '--bureau', 'DEVB', '--at', AT], env);
    expect(zh.stderr).toBe('');
    expect(zh.code).toBe(0);
    expect(zh.stdout).toBe(`${golden('devb-2024-W52.zh-HK.txt')}\n`);
    const en = await runCli(['digest', '--preview', '--bureau', 'devb', '--at', AT, '--lang', 'en'], env);
    // The English edition is loaded with the seed: an English digest shows its texts (the golden differs from
    // the unit test's devb-2024-W52.en.txt only in the commitment texts).
    expect(en.stdout).toBe(`${golden('devb-2024-W52.en-edition.txt')}\n`);
    const telegram = await runCli(['digest', '--preview', '--bureau', '發展局', '--at', AT, '--format', 'telegram'], env);
    expect(telegram.stdout).toBe(`${golden('devb-2024-W52.zh-HK.telegram.html')}\n`);
    const discord = await runCli(['digest', '--preview', '--bureau', 'DEVB', '--at', AT, '--format', 'discord', '--lang', 'en'], env);
    expect(JSON.parse(discord.stdout)).toEqual(JSON.parse(golden('devb-2024-W52.en-edition.discord.json')));
  });

  it('previews a subscription by target or id, in its language', async () => {
    const subscribed = await runCli(['subscribe', 'console', '--bureau', 'DEVB', '--digest', '--lang', 'en'], { ...env, POLICYWATCH_NOW: '2024-12-01T00:00:00+08:00' });
    expect(subscribed.code).toBe(0);
    const byTarget = await runCli(['digest', '--preview', '--subscription', 'console', '--at', AT], env);
    expect(byTarget.stdout).toBe(`${golden('devb-2024-W52.en-edition.txt')}\n`);
    const byId = await runCli(['digest', '--preview', '--subscription', '1', '--at', AT, '--lang', 'zh'], env);
    expect(byId.stdout).toBe(`${golden('devb-2024-W52.zh-HK.txt')}\n`);
  });

  it('refuses bad input with one line', async () => {
    const noPreview = await runCli(['digest', '--bureau', 'DEVB'], env);
    expect(noPreview.code).toBe(2);
    expect(noPreview.stderr).toMatch(/^policywatch: only --preview is available/);
    const unknown = await runCli(['digest', '--preview', '--subscription', 'telegram:42'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe('policywatch: subscription telegram:42: no such subscription');
    const both = await runCli(['digest', '--preview', '--subscription', '1', '--bureau', 'DEVB'], env);
    expect(both.code).toBe(2);
    const format = await runCli(['digest', '--preview', '--format', 'pdf'], env);
    expect(format.stderr).toMatch(/--format must be one of text, telegram, discord, not "pdf"/);
  });
});
