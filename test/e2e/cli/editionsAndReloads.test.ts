// Editions and safe reloads as a user meets them from the command line: the English edition attached to
// the Chinese seed keeps its 32 commitments and refs and shows English text where asked; every bad input
// is one line naming the file and the problem, a non-zero exit, and nothing stored changes.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../src/config.ts';
import { createTestDatabase, type TestDatabase } from '../../support/createTestDatabase.ts';
import { runCli } from '../../support/runCli.ts';

const SEEDS = path.join(PROJECT_ROOT, 'seeds');
const ZH = path.join(SEEDS, 'policy-address-2024-ch7.zh-Hant.txt');
const EN = path.join(SEEDS, 'policy-address-2024-ch7.en.txt');
const KEY = 'policy-address-2024-ch7';
const AT = '2024-12-24T09:00:00+08:00';

describe('editions and safe reloads', { timeout: 240_000 }, () => {
  let db: TestDatabase;
  let env: Record<string, string>;
  let dir: string;

  /** Everything a load could change, to show that a refused one changed nothing. */
  async function snapshot(): Promise<string> {
    const parts = await Promise.all([
      db.pool.query('SELECT key, language, title, sha256, withdrawn_at FROM documents ORDER BY key'),
      db.pool.query('SELECT ref, position, text, bureaus, withdrawn_at FROM commitments ORDER BY ref'),
      db.pool.query('SELECT commitment_id, seq, due, status, withdrawn_at FROM milestones ORDER BY commitment_id, seq'),
      db.pool.query('SELECT commitment_id, language, text FROM commitment_texts ORDER BY commitment_id, language'),
      db.pool.query('SELECT document_id, language, sha256 FROM document_editions ORDER BY document_id, language'),
      db.pool.query('SELECT count(*)::int AS n FROM milestone_status_history'),
    ]);
    return JSON.stringify(parts.map((p) => p.rows));
  }

  async function expectRefused(args: string[], message: RegExp, extraEnv: Record<string, string> = {}): Promise<void> {
    const before = await snapshot();
    const result = await runCli(args, { ...env, ...extraEnv });
    expect(result.code, result.stderr).not.toBe(0);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
    expect(await snapshot()).toBe(before);
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    env = { DATABASE_URL: db.url };
    dir = mkdtempSync(path.join(os.tmpdir(), 'pw-editions-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  });

  it('loads the seed and its English edition from the manifest: one document, 32 commitments, refs kept', async () => {
    const loaded = await runCli(['load'], env);
    expect(loaded.code, loaded.stderr).toBe(0);
    expect(loaded.stdout).toContain(`loaded 32 commitments, 11 milestones from ${KEY}`);
    expect(loaded.stdout).toContain(`attached the en edition of ${KEY}: 32 commitments paired`);
    const docs = JSON.parse((await runCli(['documents', '--json'], env)).stdout);
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ key: KEY, language: 'zh-Hant', commitments: 32, milestones: 11, withdrawnAt: null });
    expect(docs[0].editions.map((e: { language: string; commitmentCount: number }) => [e.language, e.commitmentCount])).toEqual([['zh-Hant', 32], ['en', 32]]);
    const { rows } = await db.pool.query('SELECT ref FROM commitments WHERE withdrawn_at IS NULL ORDER BY position');
    expect(rows.map((r) => r.ref)).toEqual(Array.from({ length: 32 }, (_, i) => `PA2024-7-${String(i + 1).padStart(2, '0')}`));
  });

  it('attaching the edition again from the command line changes no ref', async () => {
    const again = await runCli(['load', EN, '--edition-of', KEY, '--lang', 'en'], env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toBe(`attached the en edition of ${KEY}: 32 commitments paired\n`);
  });

  it('due --json --lang en lists the 6 approaching items in English, with both texts', async () => {
    const en = JSON.parse((await runCli(['due', '--at', AT, '--json', '--lang', 'en'], env)).stdout);
    expect(en.map((m: { ref: string }) => m.ref)).toEqual(['PA2024-7-01', 'PA2024-7-03', 'PA2024-7-04', 'PA2024-7-06', 'PA2024-7-09', 'PA2024-7-10']);
    expect(en.every((m: { state: string; due: string }) => m.state === 'approaching' && m.due === '2024-12-31')).toBe(true);
    expect(en[0]).toMatchObject({
      ref: 'PA2024-7-01', seq: 1, due: '2024-12-31', state: 'approaching', bureaus: ['DEVB'],
      text: expect.stringMatching(/^Commence the site formation works for the San Tin Technopole/),
      texts: { 'zh-Hant': expect.stringMatching(/^在2024年年底及2025年年中分別展開新田科技城/), en: expect.stringMatching(/^Commence/) },
    });
    const zh = JSON.parse((await runCli(['due', '--at', AT, '--json'], env)).stdout);
    expect(zh.map((m: { ref: string }) => m.ref)).toEqual(en.map((m: { ref: string }) => m.ref));
    expect(zh[0].text).toMatch(/^在2024年年底及2025年年中/);
  });

  it('show gives the commitment in the reader\'s language with both texts and its milestones', async () => {
    const shown = JSON.parse((await runCli(['show', 'PA2024-7-09', '--json', '--lang', 'en'], env)).stdout);
    expect(shown.text).toMatch(/^Complete progressively from end-2024/);
    expect(shown.headings).toEqual(['Developing the Hong Kong-Shenzhen Innovation and Technology Park in the Loop']);
    expect(shown.texts['zh-Hant']).toMatch(/^在2024年年底起陸續建成/);
    expect(shown.milestones.map((m: { seq: number; kind: string; due: string }) => [m.seq, m.kind, m.due])).toEqual([[1, 'start', '2024-12-31'], [2, 'deadline', '2029-10-16']]);
  });

  it('refuses a Chinese text given as English, before anything is stored', async () => {
    await expectRefused(['load', ZH, '--edition-of', KEY, '--lang', 'en'], /^policywatch: .*policy-address-2024-ch7\.zh-Hant\.txt: is Chinese \(zh-Hant\) text but was given as English \(en\)/);
  });

  it('refuses an English text loaded over the Chinese document instead of as its edition', async () => {
    await expectRefused(['load', EN, '--key', KEY, '--published', '2024-10-16'], /policy-address-2024-ch7\.en\.txt: is English \(en\) text but document policy-address-2024-ch7 is Chinese \(zh-Hant\); attach it with --edition-of/);
  });

  it('refuses a second document that would take over the refs of the first', async () => {
    await expectRefused(['load', ZH, '--key', 'copy-of-ch7', '--published', '2024-10-16'], /policy-address-2024-ch7\.zh-Hant\.txt: ref PA2024-7-01 already belongs to document policy-address-2024-ch7/);
  });

  it('refuses an edition that does not pair, naming the first commitment that differs', async () => {
    const file = path.join(dir, 'moved.en.txt');
    writeFileSync(file, readFileSync(EN, 'utf8').replace('announce the proposal in the first quarter of 2025', 'announce the proposal in the second quarter of 2025'));
    await expectRefused(['load', file, '--edition-of', KEY, '--lang', 'en'], /moved\.en\.txt: cannot attach to policy-address-2024-ch7: commitment 5 \(PA2024-7-05\) has different dates \(2025-03-31 vs 2025-06-30\)/);
    const fewer = path.join(dir, 'fewer.en.txt');
    writeFileSync(fewer, readFileSync(EN, 'utf8').replace(/\n- Provide more comprehensive support[^\n]*\n?$/, '\n'));
    await expectRefused(['load', fewer, '--edition-of', KEY, '--lang', 'en', '--published', '2024-10-16'], /fewer\.en\.txt: cannot attach to policy-address-2024-ch7: commitment 32 \(PA2024-7-32\) is missing: the edition has only 31/);
    await expectRefused(['load', EN, '--edition-of', 'policy-address-2099-ch1', '--lang', 'en', '--published', '2024-10-16'], /policy-address-2024-ch7\.en\.txt: cannot attach to policy-address-2099-ch1: no such document is stored/);
  });

  it('stops a reload that would withdraw more than half of the commitments unless --force', async () => {
    const file = path.join(dir, 'truncated.zh-Hant.txt');
    const seed = readFileSync(ZH, 'utf8');
    writeFileSync(file, seed.slice(0, seed.indexOf('推進河套港深創科園發展')));
    await expectRefused(['load', file, '--key', KEY, '--published', '2024-10-16'], /truncated\.zh-Hant\.txt: would withdraw 25 of the 32 commitments of policy-address-2024-ch7; nothing was changed \(use --force/);
  });

  it('refuses a file over the configured size limit with the limit in the message', async () => {
    const file = path.join(dir, 'huge.txt');
    writeFileSync(file, `7\n\n標題\n\n${'- 繼續推動合作。(發展局)\n'.repeat(40_000)}`);
    await expectRefused(['load', file, '--key', 'huge', '--published', '2024-10-16'], /huge\.txt: is 1\.\d MB, over the 1 MB limit/, { POLICYWATCH_MAX_FILE_MB: '1' });
  });

  it('applies statuses.yaml all or nothing', async () => {
    for (const name of ['policy-address-2024-ch7.zh-Hant.txt', 'policy-address-2024-ch7.en.txt', 'overrides.yaml']) copyFileSync(path.join(SEEDS, name), path.join(dir, name));
    writeFileSync(path.join(dir, 'manifest.yaml'), readFileSync(path.join(SEEDS, 'manifest.yaml'), 'utf8').replace(/^statuses: .*$/m, 'statuses: statuses.yaml'));
    writeFileSync(
      path.join(dir, 'statuses.yaml'),
      'statuses:\n  - ref: PA2024-7-03\n    status: met\n    evidence: https://example.org/met\n  - ref: PA2024-7-99\n    status: claimed\n',
    );
    await expectRefused(['load'], /statuses\.yaml: statuses\[1\] \(PA2024-7-99\): .*no such commitment/, { POLICYWATCH_SEEDS_MANIFEST: path.join(dir, 'manifest.yaml') });
    const { rows } = await db.pool.query(`SELECT m.status FROM milestones m JOIN commitments c ON c.id = m.commitment_id WHERE c.ref = 'PA2024-7-03'`);
    expect(rows).toEqual([{ status: 'pending' }]);
  });

  it('withdraws a document (never deletes it): nothing is due, refs and texts stay', async () => {
    const withdrawn = await runCli(['withdraw', KEY], env);
    expect(withdrawn.stdout).toBe(`withdrew ${KEY}: 32 commitments\n`);
    expect(JSON.parse((await runCli(['due', '--at', AT, '--json'], env)).stdout)).toEqual([]);
    const { rows } = await db.pool.query('SELECT count(*)::int AS n FROM commitments WHERE withdrawn_at IS NOT NULL');
    expect(rows[0].n).toBe(32);
    const missing = await runCli(['withdraw', 'no-such-document'], env);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/^policywatch: no document "no-such-document" is stored/);
  });
});
