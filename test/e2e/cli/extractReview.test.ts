import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/runCli.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'pw-review-'));

describe('policywatch extract --review', () => {
  const file = path.join(dir, 'indicators.txt');
  writeFileSync(
    file,
    [
      '指標',
      '',
      '甲行動小組',
      '1. 檢討計劃，參考2025年的預測。（政務司司長辦公室/勞工及福利局）',
      '2. 土地供應：',
      '- 在未來十年（2023-24 至 2032-33 年度）提供約 3,300 公頃土地。',
      '- 每年公布土地供應預測。（發展局）',
      '3. 推出試點。',
      '4. 完成研究。（漁農自然護理署）',
      '',
    ].join('\n'),
  );

  it('lists bullets without a bureau, unknown bureaux, unplaced dates and non-date numbers', async () => {
    const { code, stdout, stderr } = await runCli(['extract', file, '--published', '2022-10-19', '--review'], {});
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('5 commitments; 4 items to review.');
    expect(stdout).toMatch(/Commitments without a bureau \(1\):\n {2}line 8 {2}PA2022-KPI-04 {2}推出試點。/);
    expect(stdout).toMatch(/Bureau names not in the registry \(kept as written\) \(1\):\n {2}line 9 {2}PA2022-KPI-05 {2}"漁農自然護理署"/);
    expect(stdout).toMatch(/Dates the grammar could not place \(1\):\n {2}line 4 {2}PA2022-KPI-01 {2}"2025年"/);
    expect(stdout).toMatch(/Numbers read as non-dates near date words \(1\):\n {2}line 6 {2}PA2022-KPI-02 {2}"3,300"/);
  });

  it('--json prints the notes with kind, line, ref, words and message', async () => {
    const { code, stdout } = await runCli(['extract', file, '--published', '2022-10-19', '--review', '--json'], {});
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(['document', 'commitments', 'review']);
    expect(out.commitments).toBe(5);
    expect(out.review.map((n: { kind: string; line: number; ref: string; words: string }) => [n.kind, n.line, n.ref, n.words])).toEqual([
      ['unplaced-date', 4, 'PA2022-KPI-01', '2025年'],
      ['non-date-number', 6, 'PA2022-KPI-02', '3,300'],
      ['no-bureau', 8, 'PA2022-KPI-04', '推出試點。'],
      ['unknown-bureau', 9, 'PA2022-KPI-05', '漁農自然護理署'],
    ]);
  });

  it('says so when there is nothing to review (the seed)', async () => {
    const { code, stdout } = await runCli(['extract', 'seeds/policy-address-2024-ch7.zh-Hant.txt', '--review'], {});
    expect(code).toBe(0);
    expect(stdout).toContain('32 commitments; nothing to review.');
  });
});

describe('policywatch extract on a large file', () => {
  // 150,000 commitments: the old table spread one argument per row into Math.max and overflowed.
  it('never overflows the stack: 150,000 bullets in 7 MB, a 1 MB line and deeply nested brackets', { timeout: 180_000 }, async () => {
    const bullets = Array.from({ length: 150_000 }, (_, i) => `- 在${2025 + (i % 5)}年推出第${i}項計劃。(發展局)`);
    const many = path.join(dir, 'many.txt');
    writeFileSync(many, `標題\n\n小標題\n\n${bullets.join('\n')}\n- ${'在2025年推出計劃，'.repeat(30_000)}(發展局)\n- ${'（'.repeat(50_000)}甲${'）'.repeat(50_000)}\n`);
    for (const extra of [[], ['--review']]) {
      const { code, stdout, stderr } = await runCli(['extract', many, '--published', '2024-10-16', ...extra], {});
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout).toContain('150002 commitments');
    }
  });
});
