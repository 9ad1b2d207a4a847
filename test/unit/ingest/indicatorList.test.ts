// The indicator lists of the Policy Address (2022 onwards), in Chinese and English: golden tests over
// fixtures written from the layout's description (test/fixtures/indicators-2022.*.txt), then one test
// per layout rule on small texts.
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { parseDocument } from '../../../src/ingest/parseDocument.ts';
import type { ExtractedDocument } from '../../../src/domain/types.ts';

const PUBLISHED = '2022-10-19';
const read = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');
const zh = parseDocument(read('indicators-2022.zh-Hant.txt'), { published: PUBLISHED, fileName: 'indicators-2022.zh-Hant.txt' });
const en = parseDocument(read('indicators-2022.en.txt'), { published: PUBLISHED, fileName: 'indicators-2022.en.txt' });

const bureausOf = (doc: ExtractedDocument) =>
  doc.commitments.map((c) => `${c.bureaus.join('+')}${c.withRelevantBureaux ? '+relevant' : ''}`);
const datesOf = (doc: ExtractedDocument) =>
  doc.commitments.flatMap((c, i) => c.milestones.map((m) => [i + 1, m.due, m.kind] as const));

// Both editions say the same: 14 commitments, these bureaux and these dates.
const BUREAUS = [
  'CSO+LWB',
  'DSO+relevant', 'EEB', 'HB', 'TLB',
  'DSO+relevant',
  'DEVB', 'DEVB', 'DEVB',
  'DEVB', 'DEVB', 'DEVB',
  'HB+DEVB',
];
const DATES = [
  [2, '2023-12-31', 'deadline'],
  [3, '2023-06-30', 'deadline'],
  [5, '2023-12-31', 'deadline'],
  [6, '2022-12-31', 'deadline'],
  [6, '2023-06-30', 'deadline'],
  [7, '2033-03-31', 'deadline'],
  [8, '2028-03-31', 'deadline'],
  [10, '2024-12-31', 'deadline'],
  [11, '2027-03-31', 'deadline'],
  [12, '2023-12-31', 'start'],
  [12, '2024-12-31', 'deadline'],
  [13, '2023-12-31', 'deadline'],
  [13, '2025-12-31', 'deadline'],
  [14, '2024-03-31', 'deadline'],
];

describe.each([
  ['Chinese', zh, '食物環境衞生署'],
  ['English', en, 'Food and Environmental Hygiene Department'],
])('parseDocument: an indicator list (%s, golden)', (_name, doc, unknown) => {
  it('finds the 14 commitments: numbered items with their own bureaux and the bullets under numbered headings', () => {
    expect(doc.commitments).toHaveLength(14);
    expect(doc.commitments.map((c) => c.label ?? null)).toEqual([
      '1', '2.1', '2.2', '2.3', '2.4', '3', '4.1', '4.2', '4.3', '5.1', '5.2', '5.3', '6', '7',
    ]);
  });

  it('numbers the refs of an indicator list apart from the chapters of its year', () => {
    expect(zh.commitments.map((c) => c.ref).slice(0, 2)).toEqual(['PA2022-KPI-01', 'PA2022-KPI-02']);
    expect(en.commitments.map((c) => c.ref)).toEqual(zh.commitments.map((c) => c.ref));
  });

  it('reads the bureaux, a group\'s bureau written once applying to its bullets without their own', () => {
    expect(bureausOf(doc)).toEqual([...BUREAUS, `HB+${unknown}`]);
  });

  it('keeps an unknown bureau as written and reports it', () => {
    expect(doc.warnings).toEqual([{ line: 27, message: `unknown bureau "${unknown}"` }]);
  });

  it('finds exactly these dates', () => {
    expect(datesOf(doc)).toEqual(DATES);
  });

  it('reads the task forces and numbered headings as headings', () => {
    expect(doc.commitments.map((c) => c.headings.length)).toEqual([1, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 1, 1]);
    expect(doc.commitments[0]!.headings[0]).toMatch(/行動小組|Task Force/);
    expect(doc.commitments[5]!.headings).toEqual([doc.commitments[1]!.headings[0]]);
    expect(doc.commitments[12]!.headings[0]).toMatch(/工作組|Working Group/);
  });
});

describe('parseDocument: an indicator list, the Chinese text itself', () => {
  it('reads the title, headings without number or colon, and texts without markers', () => {
    expect(zh.document.title).toBe('指標');
    expect(zh.commitments[1]!.headings).toEqual(['社區環境改善工作組', '提升社區衞生及街道景觀']);
    expect(zh.commitments[6]!.headings).toEqual(['土地及房屋供應統籌組', '土地按時供應']);
    expect(zh.commitments[0]!.text).toMatch(/^參加「青年同行計劃」/);
    expect(zh.commitments[0]!.text).toMatch(/表現。$/);
  });

  it('keeps brackets and slashes inside the text', () => {
    expect(zh.commitments[3]!.text).toBe('香港房屋委員會（房委會）與屋邨持份者每年合辦約 400 次清潔日。');
    expect(zh.commitments[4]!.text).toBe('於 2023 年完成 95 條行人天橋的翻新/美化工程。');
    expect(zh.commitments[10]!.text).toContain('（當中逾 90% 位於北部都會區）');
  });
});

const parse = (text: string) => parseDocument(text, { published: PUBLISHED });

describe('parseDocument: indicator-list layout rules', () => {
  it('takes a numbered item with bureaux as a commitment, with its number as label', () => {
    const doc = parse('指標\n\n1. 在2023年內完成檢討。（政務司司長辦公室/勞工及福利局）\n2．推出計劃。(發展局)\n（3）研究方案。（房屋局）');
    expect(doc.commitments.map((c) => [c.label, c.text, c.bureaus])).toEqual([
      ['1', '在2023年內完成檢討。', ['CSO', 'LWB']],
      ['2', '推出計劃。', ['DEVB']],
      ['3', '研究方案。', ['HB']],
    ]);
    expect(doc.warnings).toEqual([]);
  });

  it('takes a numbered item ending with a colon, full- or half-width, as the heading of the bullets under it', () => {
    for (const colon of ['：', ':']) {
      const doc = parse(`指標\n\n甲工作組\n1. 改善環境${colon}\n- 甲。(發展局)\n- 乙。(房屋局)\n2. 丙。(發展局)`);
      expect(doc.commitments.map((c) => [c.text, c.headings])).toEqual([
        ['甲。', ['甲工作組', '改善環境']],
        ['乙。', ['甲工作組', '改善環境']],
        ['丙。', ['甲工作組']],
      ]);
    }
  });

  it('takes a numbered item without bureaux directly above bullets as their heading', () => {
    const doc = parse('指標\n\n土地統籌組\n1. 確保土地供應\n- 甲。(發展局)\n2. 乙。(發展局)');
    expect(doc.commitments.map((c) => [c.text, c.headings])).toEqual([
      ['甲。', ['土地統籌組', '確保土地供應']],
      ['乙。', ['土地統籌組']],
    ]);
  });

  it('applies a bureau written once after the last bullet to the group\'s bullets without their own', () => {
    const doc = parse('指標\n\n1. 甲：\n- 一。\n- 二。(房屋局)\n- 三。\n- 四。（發展局、相關政策局）\n2. 乙：\n- 五。\n- 六。(運輸及物流局)');
    expect(doc.commitments.map((c) => [c.text, c.bureaus, c.withRelevantBureaux])).toEqual([
      ['一。', ['DEVB'], true],
      ['二。', ['HB'], false],
      ['三。', ['DEVB'], true],
      ['四。', ['DEVB'], true],
      ['五。', ['TLB'], false],
      ['六。', ['TLB'], false],
    ]);
    expect(doc.warnings).toEqual([]);
  });

  it('reads a bureau on a line of its own after the last bullet, also after a blank line', () => {
    for (const gap of ['\n', '\n\n']) {
      const doc = parse(`指標\n\n1. 甲：\n- 一。\n- 二。${gap}（發展局）\n2. 乙。(房屋局)`);
      expect(doc.commitments.map((c) => [c.text, c.bureaus])).toEqual([
        ['一。', ['DEVB']],
        ['二。', ['DEVB']],
        ['乙。', ['HB']],
      ]);
    }
  });

  it('does not carry a bureau across groups, and warns about a group without one', () => {
    const doc = parse('指標\n\n1. 甲：\n- 一。\n- 二。\n2. 乙：\n- 三。(發展局)');
    expect(doc.commitments.map((c) => c.bureaus)).toEqual([[], [], ['DEVB']]);
    expect(doc.warnings.map((w) => w.line)).toEqual([4, 5]);
  });

  it('reads a task force\'s name as a heading, even right after a bullet still waiting for its bureau', () => {
    const doc = parse('指標\n\n甲行動小組\n1. 甲：\n- 一。\n- 二。(發展局)\n乙統籌組\n2. 乙：\n- 三。\n丙工作組\n3. 丁。(房屋局)');
    expect(doc.commitments.map((c) => [c.text, c.headings])).toEqual([
      ['一。', ['甲行動小組', '甲']],
      ['二。', ['甲行動小組', '甲']],
      ['三。', ['乙統籌組', '乙']],
      ['丁。', ['丙工作組']],
    ]);
  });

  it('separates bureaux with /, ／, 、 and full- or half-width commas', () => {
    const doc = parse('指標\n\n1. 甲。(發展局/房屋局)\n2. 乙。（發展局／房屋局）\n3. 丙。（發展局、房屋局）\n4. 丁。（發展局，房屋局）\n5. 戊。(發展局, 房屋局)');
    expect(doc.commitments.map((c) => c.bureaus)).toEqual(Array.from({ length: 5 }, () => ['DEVB', 'HB']));
  });

  it('reads 相關政策局 anywhere in the list', () => {
    const doc = parse('指標\n\n1. 甲。(相關政策局/發展局)\n2. 乙。(政務司副司長辦公室/相關政策局)\n3. 丙。(相關政策局)');
    expect(doc.commitments.map((c) => [c.bureaus, c.withRelevantBureaux])).toEqual([
      [['DEVB'], true],
      [['DSO'], true],
      [[], true],
    ]);
  });

  it('reads a bureau line after an item whose trailing brackets are text', () => {
    const doc = parse('指標\n\n1. 收回約 600 公頃土地（當中逾 90% 位於北部都會區）\n（發展局）\n2. 乙。(房屋局)');
    expect(doc.commitments.map((c) => [c.text, c.bureaus])).toEqual([
      ['收回約 600 公頃土地（當中逾 90% 位於北部都會區）', ['DEVB']],
      ['乙。', ['HB']],
    ]);
  });

  it('does not read brackets that end a bullet but are not a bureau list as bureaux', () => {
    const doc = parse('指標\n\n1. 甲：\n- 收回約 600 公頃土地（當中逾 90% 位於北部都會區）\n- 乙。(發展局)');
    expect(doc.commitments[0]).toMatchObject({ text: '收回約 600 公頃土地（當中逾 90% 位於北部都會區）', bureaus: ['DEVB'] });
  });

  it('keeps a trailing name that reads like a body\'s as an unknown bureau', () => {
    const doc = parse('指標\n\n1. 甲。（漁農自然護理署）\n2. Do it. (HKMA)');
    expect(doc.commitments.map((c) => c.bureaus)).toEqual([['漁農自然護理署'], ['HKMA']]);
    expect(doc.warnings.map((w) => w.message)).toEqual(['unknown bureau "漁農自然護理署"', 'unknown bureau "HKMA"']);
  });

  it('does not take a decimal or a year at the start of a wrapped line for a numbered item', () => {
    const doc = parse('指標\n\n- 在2025年提供約\n1.5 公頃土地。(發展局)\n- 在\n2026年完成。(發展局)');
    expect(doc.commitments.map((c) => c.text)).toEqual(['在2025年提供約1.5 公頃土地。', '在2026年完成。']);
  });

  it('reads English bureau forms', () => {
    const doc = parse(
      'Indicators\n\n1. Do A by end-2024. (DEVB)\n2. Do B. (DEVB, ITIB)\n3. Do C. (CMAB, relevant bureaux)\n4. Do D. (Development Bureau)\n5. Do E. (CSO/LWB)\n6. Do F. (DSO/relevant bureaux)',
    );
    expect(doc.commitments.map((c) => [c.bureaus, c.withRelevantBureaux])).toEqual([
      [['DEVB'], false],
      [['DEVB', 'ITIB'], false],
      [['CMAB'], true],
      [['DEVB'], false],
      [['CSO', 'LWB'], false],
      [['DSO'], true],
    ]);
  });

  it('reads English task forces and numbered headings', () => {
    const doc = parse('Indicators\n\nDistrict Matters Co-ordination Task Force\n1. Improve hygiene:\n- Do A by end-2023.\nTask Force on Land Supply\n2. Do B. (DEVB)');
    expect(doc.commitments.map((c) => [c.text, c.headings])).toEqual([
      ['Do A by end-2023.', ['District Matters Co-ordination Task Force', 'Improve hygiene']],
      ['Do B.', ['Task Force on Land Supply']],
    ]);
  });
});

describe('parseDocument: bullet signs and punctuation of other editions', () => {
  it('accepts ‧, －, ■ and ◆ bullets, and a number alone on its line', () => {
    const doc = parse('指標\n\n甲工作組\n1.\n檢討計劃。（發展局）\n2. 乙：\n‧ 一。（房屋局）\n－二。（房屋局）\n■ 三。（房屋局）\n◆ 四。（房屋局）');
    expect(doc.commitments.map((c) => [c.text, c.bureaus])).toEqual([
      ['檢討計劃。', ['DEVB']],
      ['一。', ['HB']],
      ['二。', ['HB']],
      ['三。', ['HB']],
      ['四。', ['HB']],
    ]);
  });

  it('reads bureaux followed by a full stop', () => {
    const doc = parse('Indicators\n\n1. Do A by end-2024 (DEVB).\n2. 乙。（房屋局）。');
    expect(doc.commitments.map((c) => [c.text, c.bureaus])).toEqual([
      ['Do A by end-2024', ['DEVB']],
      ['乙。', ['HB']],
    ]);
  });
});
