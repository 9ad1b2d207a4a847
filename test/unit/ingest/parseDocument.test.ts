import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { describe, it, expect } from 'vitest';
import { parseDocument } from '../../../src/ingest/parseDocument.ts';
import { DocumentError } from '../../../src/ingest/DocumentError.ts';

const SEED_FILE = 'seeds/policy-address-2024-ch7.zh-Hant.txt';
const seed = readFileSync(new URL(`../../../${SEED_FILE}`, import.meta.url), 'utf8');

describe('parseDocument: the 2024 Policy Address chapter 7 (golden)', () => {
  const doc = parseDocument(seed, { published: '2024-10-16', fileName: SEED_FILE });
  const byNumber = (n: number) => doc.commitments[n - 1]!;

  it('reads the document facts', () => {
    expect(doc.document).toEqual({
      title: '推動北部都會區發展引擎 深化大灣區合作',
      chapter: '7',
      language: 'zh-Hant',
      published: '2024-10-16',
      sha256: createHash('sha256').update(seed, 'utf8').digest('hex'),
    });
    expect(doc.warnings).toEqual([]);
  });

  it('finds exactly 32 commitments with refs PA2024-7-01..32', () => {
    expect(doc.commitments).toHaveLength(32);
    expect(doc.commitments.map((c) => c.ref)).toEqual(
      Array.from({ length: 32 }, (_, i) => `PA2024-7-${String(i + 1).padStart(2, '0')}`),
    );
  });

  it('finds exactly the 11 dated milestones', () => {
    const dated = doc.commitments.flatMap((c, i) =>
      c.milestones.map((m) => [i + 1, m.due, m.kind, m.phrase] as const),
    );
    expect(dated).toEqual([
      [1, '2024-12-31', 'deadline', '2024年年底'],
      [1, '2025-06-30', 'deadline', '2025年年中'],
      [2, '2025-12-31', 'deadline', '在2025年'],
      [3, '2024-12-31', 'deadline', '2024年年底前'],
      [4, '2024-12-31', 'deadline', '2024年年底前'],
      [5, '2025-03-31', 'deadline', '2025年第一季'],
      [6, '2024-12-31', 'deadline', '2024年年底前'],
      [7, '2025-12-31', 'deadline', '在2025年'],
      [9, '2024-12-31', 'start', '2024年年底起'],
      [9, '2029-10-16', 'deadline', '未來五年內'],
      [10, '2024-12-31', 'deadline', '2024年年底前'],
    ]);
  });

  it('gives #1 one subject per date', () => {
    const [first, second] = byNumber(1).milestones;
    expect(first!.subject).toContain('新田科技城');
    expect(second!.subject).toContain('元朗南');
    const others = doc.commitments.slice(1).flatMap((c) => c.milestones.map((m) => m.subject));
    expect(others.every((s) => s === null)).toBe(true);
  });

  it('reads the bureaux and the relevant-bureaux flag of all 32', () => {
    const expected: Array<[string[], boolean]> = [
      [['DEVB'], false], [['ITIB'], false], [['DEVB'], false], [['DEVB'], false], [['DEVB'], false],
      [['DEVB', 'ITIB'], false], [['DEVB'], false],
      [['ITIB'], false], [['ITIB'], false], [['ITIB'], false], [['ITIB'], true],
      [['CMAB'], true], [['CMAB'], true], [['CMAB'], true], [['CMAB'], true], [['CMAB'], true],
      [['FSO'], false], [['DEVB'], false], [['DEVB'], false], [['ITIB'], false], [['ITIB'], false],
      [['HHB'], false], [['HHB'], false], [['HHB'], false], [['HHB'], false],
      [['DoJ'], false], [['DoJ'], false], [['DoJ'], false],
      [['LWB'], false], [['HYAB'], false], [['HYAB'], false], [['HYAB'], false],
    ];
    expect(doc.commitments.map((c) => [c.bureaus, c.withRelevantBureaux])).toEqual(expected);
  });

  it('reads the headings', () => {
    expect(byNumber(1).headings).toEqual(['推進「北部都會區」建設']);
    expect(byNumber(7).headings).toEqual(['推進「北部都會區」建設']);
    expect(byNumber(8).headings).toEqual(['推進河套港深創科園發展']);
    expect(byNumber(12).headings).toEqual(['深化粵港澳大灣區合作', '融入國家發展大局']);
    expect(byNumber(14).headings).toEqual(['深化粵港澳大灣區合作', '助力推進大灣區建設']);
    expect(byNumber(18).headings).toEqual(['深化粵港澳大灣區合作', '建築業人才流動合作']);
    expect(byNumber(32).headings).toEqual(['深化粵港澳大灣區合作', '培育人才 擴大青年發展空間和機遇']);
  });

  it('keeps the bullet text without marker and bureaux, and parentheses inside the text', () => {
    expect(byNumber(7).text).toBe('在2025年展開興建大型建設計劃展覽館的工程。');
    expect(byNumber(12).text).toContain('粵港澳大灣區（大灣區）建設');
    expect(byNumber(12).text.endsWith('促進國家與香港特區的高質量發展。')).toBe(true);
    expect(byNumber(21).text).toBe(
      '擴展《粵港澳大灣區（內地、香港）個人信息跨境流動標準合同》便利措施至各行業，促進更多便民利企的跨境服務及大灣區數據流通。',
    );
  });

  it('never reads the background section as commitments', () => {
    expect(doc.commitments.some((c) => c.text.includes('習近平主席'))).toBe(false);
  });

  it('is stable across re-extraction', () => {
    expect(parseDocument(seed, { published: '2024-10-16', fileName: SEED_FILE })).toEqual(doc);
  });

  it('needs the publication date for 未來五年內, naming the line and phrase', () => {
    let caught: unknown;
    try {
      parseDocument(seed, { fileName: SEED_FILE });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DocumentError);
    expect(caught).toMatchObject({ file: SEED_FILE, line: 37 });
    expect((caught as DocumentError).message).toMatch(/^seeds\/policy-address-2024-ch7\.zh-Hant\.txt: line 37: .*未來五年內/);
  });
});

describe('parseDocument: layout', () => {
  it('joins wrapped bullets (no space between CJK, one space for English)', () => {
    const doc = parseDocument('標題\n\n- 在2025年展開\n興建展覽館的工程。(發展局)\n- Launch the\nscheme in 2025. (DEVB)\n', {
      published: '2024-10-16',
    });
    expect(doc.commitments.map((c) => c.text)).toEqual(['在2025年展開興建展覽館的工程。', 'Launch the scheme in 2025.']);
  });

  it('continues a bullet across a blank line and a page number until its bureaux', () => {
    const text = ['標題', '', '小標題', '', '- 在2024年年底前', '', '12', '', '公布初步發展建議。', '(發展局)', '', '- 繼續推動合作。(發展局)'].join('\n');
    const doc = parseDocument(text, { published: '2024-10-16' });
    expect(doc.commitments).toHaveLength(2);
    expect(doc.commitments[0]).toMatchObject({ text: '在2024年年底前公布初步發展建議。', bureaus: ['DEVB'], headings: ['小標題'] });
    expect(doc.commitments[0]!.milestones.map((m) => m.due)).toEqual(['2024-12-31']);
  });

  it('joins a hyphenated English line break without a space', () => {
    const doc = parseDocument('Title\n\n- Commence works by end-\n2024 with co-\noperation. (DEVB)', { published: '2024-10-16' });
    expect(doc.commitments[0]!.text).toBe('Commence works by end-2024 with co-operation.');
    expect(doc.commitments[0]!.milestones.map((m) => m.due)).toEqual(['2024-12-31']);
  });

  it('accepts • bullets and full-width parentheses', () => {
    const doc = parseDocument('標題\n\n• 推展計劃。（民政及青年事務局）\n•擴展試點。（醫務衞生局、相關政策局）', { published: '2024-10-16' });
    expect(doc.commitments.map((c) => [c.text, c.bureaus, c.withRelevantBureaux])).toEqual([
      ['推展計劃。', ['HYAB'], false],
      ['擴展試點。', ['HHB'], true],
    ]);
  });

  it('keeps an unknown bureau as written, with a warning on the right line', () => {
    const text = '標題\n\n小標題\n\n- 推展計劃。(發展局)\n- 加強漁業\n支援。(漁農自然護理署、發展局)\n';
    const doc = parseDocument(text, { published: '2024-10-16', fileName: 'x.txt' });
    expect(doc.commitments[1]!.bureaus).toEqual(['漁農自然護理署', 'DEVB']);
    expect(doc.warnings).toEqual([{ line: 7, message: 'unknown bureau "漁農自然護理署"' }]);
  });

  it('warns about a bullet without bureaux', () => {
    const doc = parseDocument('標題\n\n小標題\n\n- 推展計劃。\n', { published: '2024-10-16' });
    expect(doc.commitments[0]!.bureaus).toEqual([]);
    expect(doc.warnings).toEqual([{ line: 5, message: expect.stringContaining('no responsible bureau') }]);
  });

  it('keeps parentheses in the text and reads only the trailing ones as bureaux', () => {
    const doc = parseDocument('標題\n\n- 推動粵港澳大灣區（大灣區）建設（內地、香港）相關工作。（政制及內地事務局）', {
      published: '2024-10-16',
    });
    expect(doc.commitments[0]).toMatchObject({ text: '推動粵港澳大灣區（大灣區）建設（內地、香港）相關工作。', bureaus: ['CMAB'] });
  });

  it('reads English bureau names greedily, with commas and "and" inside them', () => {
    const doc = parseDocument(
      'Title\n\n- Do A. (Innovation, Technology and Industry Bureau and relevant bureaux)\n- Do B. (Development Bureau, Innovation, Technology and Industry Bureau)\n- Do C. (DEVB, HYAB and Home and Youth Affairs Bureau)',
      { published: '2024-10-16' },
    );
    expect(doc.commitments.map((c) => [c.bureaus, c.withRelevantBureaux])).toEqual([
      [['ITIB'], true],
      [['DEVB', 'ITIB'], false],
      [['DEVB', 'HYAB'], false],
    ]);
    expect(doc.warnings).toEqual([]);
  });

  it('skips page numbers and a repeated chapter title', () => {
    const text = ['', '3', '', '甲章標題', '乙部分', '', '背景', '', '政府在2020年推出計劃。', '', '5', '', '3', '', '甲章標題 乙部分', '', '甲小標題', '', '- 繼續推動合作。(發展局)', '', '6', '甲章標題', '乙部分', '', '- 繼續推動交流。(發展局)'].join('\n');
    const doc = parseDocument(text, { published: '2024-10-16' });
    expect(doc.document.title).toBe('甲章標題 乙部分');
    expect(doc.document.chapter).toBe('3');
    expect(doc.commitments.map((c) => [c.ref, c.text, c.headings])).toEqual([
      ['PA2024-3-01', '繼續推動合作。', ['甲小標題']],
      ['PA2024-3-02', '繼續推動交流。', ['甲小標題']],
    ]);
  });

  it('builds the heading hierarchy: runs are parent > child, a single heading is a sibling', () => {
    const text = ['標題', '', '甲', '', '- 一。(發展局)', '乙', '- 二。(發展局)', '', '丙', '丁', '- 三。(發展局)', '戊', '- 四。(發展局)', '己', '庚', '辛', '- 五。(發展局)', '壬', '- 六。(發展局)'].join('\n');
    const doc = parseDocument(text, { published: '2024-10-16' });
    expect(doc.commitments.map((c) => c.headings)).toEqual([
      ['甲'], ['乙'], ['丙', '丁'], ['丙', '戊'], ['己', '庚', '辛'], ['己', '庚', '壬'],
    ]);
  });

  it('treats a block that leads straight into bullets as headings, not the title', () => {
    const doc = parseDocument('甲小標題\n\n- 繼續推動合作。(發展局)', { published: '2024-10-16', fileName: 'notes/extra.txt' });
    expect(doc.document).toMatchObject({ title: 'extra', chapter: null });
    expect(doc.commitments[0]).toMatchObject({ ref: 'PA2024-01', headings: ['甲小標題'] });
  });

  it('accepts a Chinese chapter marker', () => {
    const doc = parseDocument('第十二章\n\n標題\n\n- 繼續推動合作。(發展局)', { published: '2023-10-25' });
    expect(doc.document.chapter).toBe('12');
    expect(doc.commitments[0]!.ref).toBe('PA2023-12-01');
  });
});

describe('parseDocument: refs, language and dates', () => {
  it('numbers refs without a publication date', () => {
    const doc = parseDocument('7\n\n標題\n\n- 繼續推動合作。(發展局)\n- 在2025年推出。(發展局)');
    expect(doc.commitments.map((c) => c.ref)).toEqual(['PA-7-01', 'PA-7-02']);
    expect(doc.document.published).toBeNull();
    expect(doc.commitments[1]!.milestones.map((m) => m.due)).toEqual(['2025-12-31']);
  });

  it('pads refs to three digits from 100 commitments', () => {
    const bullets = Array.from({ length: 120 }, (_, i) => `- 第${i}項。(發展局)`).join('\n');
    const doc = parseDocument(`7\n\n標題\n\n${bullets}`, { published: '2024-10-16' });
    expect(doc.commitments[0]!.ref).toBe('PA2024-7-001');
    expect(doc.commitments[119]!.ref).toBe('PA2024-7-120');
  });

  it('detects the language, and honours a given one', () => {
    expect(parseDocument('Title\n\n- Continue the work. (DEVB)').document.language).toBe('en');
    expect(parseDocument('標題\n\n- 繼續推動合作。(發展局)').document.language).toBe('zh-Hant');
    expect(parseDocument('標題\n\n- 繼續推動合作。(發展局)', { language: 'en' }).document.language).toBe('en');
  });
});

describe('parseDocument: errors', () => {
  it.each(['', '   \n\n  '])('rejects empty text %j', (text) => {
    expect(() => parseDocument(text, { fileName: 'x.txt' })).toThrow(new DocumentError({ file: 'x.txt', problem: 'the document is empty' }));
  });

  it('rejects a document without bullets', () => {
    let caught: unknown;
    try {
      parseDocument('標題\n\n背景\n\n政府會繼續推動合作。', { fileName: 'x.txt' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DocumentError);
    expect(caught).toMatchObject({ file: 'x.txt', line: null, problem: 'no bullets found', message: 'x.txt: no bullets found' });
  });

  it('names the continuation line of a relative phrase', () => {
    expect(() => parseDocument('Title\n\n- Complete the buildings\nwithin the next five years. (ITIB)')).toThrow(
      /^line 4: "within the next five years"/,
    );
  });

  it('rejects an invalid publication date', () => {
    expect(() => parseDocument('標題\n\n- 繼續。(發展局)', { published: '16/10/2024' })).toThrow(DocumentError);
  });
});
