import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/runCli.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'pw-extract-'));
const SEED = 'seeds/policy-address-2024-ch7.zh-Hant.txt';

describe('policywatch extract', () => {
  it('--json prints exactly the contract, with the publication date from the manifest', async () => {
    const { code, stdout, stderr } = await runCli(['extract', SEED, '--json'], {});
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(['document', 'commitments', 'warnings']);
    expect(out.document).toEqual({
      title: '推動北部都會區發展引擎 深化大灣區合作',
      chapter: '7',
      language: 'zh-Hant',
      published: '2024-10-16',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(out.commitments).toHaveLength(32);
    for (const commitment of out.commitments) {
      expect(Object.keys(commitment)).toEqual(['ref', 'headings', 'text', 'bureaus', 'withRelevantBureaux', 'milestones']);
      for (const milestone of commitment.milestones) expect(Object.keys(milestone)).toEqual(['due', 'kind', 'phrase', 'subject']);
    }
    expect(out.commitments[8].milestones).toEqual([
      { due: '2024-12-31', kind: 'start', phrase: expect.stringContaining('2024年年底起'), subject: null },
      { due: '2029-10-16', kind: 'deadline', phrase: '未來五年內', subject: null },
    ]);
    expect(out.warnings).toEqual([]);
  });

  it('prints a readable table without --json, and detects English', async () => {
    const { code, stdout } = await runCli(['extract', 'test/fixtures/policy-address-2024-ch7.en.txt', '--published', '2024-10-16'], {});
    expect(code).toBe(0);
    expect(stdout).toMatch(/\(chapter 7, en, published 2024-10-16\)/);
    expect(stdout).toMatch(/PA2024-7-01\s+DEVB/);
  });

  it.each([
    ['missing.txt', null, /missing\.txt: /],
    ['empty.txt', '', /empty\.txt: .*empty/],
    ['big5.txt', Buffer.from([0xa6, 0x62, 0xa6, 0x7e, 0x0a]), /big5\.txt: .*UTF-8/],
    ['binary.bin', Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]), /binary\.bin: .*binary/],
    ['prose.txt', '背景\n\n政府會繼續推動發展。\n', /prose\.txt: .*no bullets/],
  ])('%s: one line on stderr naming the file, exit 1', async (name, content, message) => {
    const file = path.join(dir, name);
    if (content !== null) writeFileSync(file, content);
    const { code, stdout, stderr } = await runCli(['extract', file], {});
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });

  it('a relative phrase without a publication date asks for --published', async () => {
    const file = path.join(dir, 'relative.txt');
    writeFileSync(file, '7\n\n標題\n\n小標題\n\n- 在未來五年內完成研究。(發展局)\n');
    const { code, stderr } = await runCli(['extract', file], {});
    expect(code).toBe(1);
    expect(stderr).toMatch(/relative\.txt: line 7: .*未來五年內.*--published/);
  });
});
