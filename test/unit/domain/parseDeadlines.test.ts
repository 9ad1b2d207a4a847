import { describe, it, expect } from 'vitest';
import { parseDeadlines } from '../../../src/domain/parseDeadlines.ts';
import { DeadlineError } from '../../../src/domain/DeadlineError.ts';
import type { DocumentLanguage, ExtractedMilestone } from '../../../src/domain/types.ts';

const PUBLISHED = '2024-10-16';

function zh(text: string, published: string | null = PUBLISHED): ExtractedMilestone[] {
  return parseDeadlines(text, { published, language: 'zh-Hant' });
}
function en(text: string, published: string | null = PUBLISHED): ExtractedMilestone[] {
  return parseDeadlines(text, { published, language: 'en' });
}
function dues(milestones: ExtractedMilestone[]): string[] {
  return milestones.map((m) => m.due);
}

// Each row of the grammar: [text, due, phrase]; kind is `deadline`, subject null.
const CHINESE: Array<[string, string, string]> = [
  ['在2024年年底前公布初步發展建議。', '2024-12-31', '2024年年底前'],
  ['2024年底完成。', '2024-12-31', '2024年底'],
  ['在2024年年底展開工程。', '2024-12-31', '2024年年底'],
  ['二〇二四年年底前公布。', '2024-12-31', '二〇二四年年底前'],
  ['在2025年年中展開工程。', '2025-06-30', '2025年年中'],
  ['2025年年中前完成。', '2025-06-30', '2025年年中前'],
  ['2025年第一季公布建議。', '2025-03-31', '2025年第一季'],
  ['2025年第二季前完成。', '2025-06-30', '2025年第二季前'],
  ['在2025年第三季推出。', '2025-09-30', '2025年第三季'],
  ['2025年第四季前推出。', '2025-12-31', '2025年第四季前'],
  ['在2025年上半年推出。', '2025-06-30', '2025年上半年'],
  ['在2025年下半年推出。', '2025-12-31', '2025年下半年'],
  ['在2025年初推出。', '2025-03-31', '2025年初'],
  ['在2025年年初推出。', '2025-03-31', '2025年年初'],
  ['在2025年公布研究結果。', '2025-12-31', '在2025年'],
  ['2025年內完成。', '2025-12-31', '2025年內'],
  ['在2025年或之前完成。', '2025-12-31', '2025年或之前'],
  ['在2025年3月推出。', '2025-03-31', '2025年3月'],
  ['在2025年2月推出。', '2025-02-28', '2025年2月'],
  ['在二〇二五年十二月推出。', '2025-12-31', '二〇二五年十二月'],
  ['在2025-26年度推出。', '2026-03-31', '2025-26年度'],
  ['在2025/26年度推出。', '2026-03-31', '2025/26年度'],
  ['由2025/26學年推行。', '2026-08-31', '2025/26學年'],
  ['二零二五年內完成。', '2025-12-31', '二零二五年內'],
  ['預計在未來五年內陸續落成。', '2029-10-16', '未來五年內'],
  ['三年內完成檢討。', '2027-10-16', '三年內'],
  ['在兩年內完成。', '2026-10-16', '兩年內'],
  ['18個月內完成。', '2026-04-16', '18個月內'],
];

const ENGLISH: Array<[string, string, string]> = [
  ['Announce the proposals by end-2024.', '2024-12-31', 'by end-2024'],
  ['Commence the works in end-2024.', '2024-12-31', 'in end-2024'],
  ['Complete the study by mid-2025.', '2025-06-30', 'by mid-2025'],
  ['Commence the works in mid-2025.', '2025-06-30', 'in mid-2025'],
  ['Announce the proposal in the first quarter of 2025.', '2025-03-31', 'in the first quarter of 2025'],
  ['Launch it in the second quarter of 2025.', '2025-06-30', 'in the second quarter of 2025'],
  ['Launch it in the third quarter of 2025.', '2025-09-30', 'in the third quarter of 2025'],
  ['Launch it by the fourth quarter of 2025.', '2025-12-31', 'by the fourth quarter of 2025'],
  ['Launch it in the first half of 2025.', '2025-06-30', 'in the first half of 2025'],
  ['Launch it in the second half of 2025.', '2025-12-31', 'in the second half of 2025'],
  ['Launch it in early 2025.', '2025-03-31', 'in early 2025'],
  ['Announce the findings in 2025.', '2025-12-31', 'in 2025'],
  ['Complete the review in or before 2025.', '2025-12-31', 'in or before 2025'],
  ['Launch the scheme in March 2025.', '2025-03-31', 'in March 2025'],
  ['Launch the scheme in February 2028.', '2028-02-29', 'in February 2028'],
  ['Establish the platform in 2025-26.', '2026-03-31', 'in 2025-26'],
  ['Establish the platform in the 2025/26 financial year.', '2026-03-31', 'in the 2025/26 financial year'],
  ['Introduce it in the 2025/26 school year.', '2026-08-31', 'in the 2025/26 school year'],
  ['Complete the buildings within the next five years.', '2029-10-16', 'within the next five years'],
  ['Complete the review within three years.', '2027-10-16', 'within three years'],
  ['Complete the review in the next 18 months.', '2026-04-16', 'in the next 18 months'],
  ['Implement the arrangement by end-March 2025.', '2025-03-31', 'by end-March 2025'],
  ['Extend the measures by the end of 2025.', '2025-12-31', 'by the end of 2025'],
  ['Open the centre end 2025.', '2025-12-31', 'end 2025'],
  ['Launch the pilot in Q1 2025.', '2025-03-31', 'in Q1 2025'],
  ['Launch the pilot in 2025 Q3.', '2025-09-30', 'in 2025 Q3'],
  ['Launch the pilot by 31 March 2025.', '2025-03-31', 'by 31 March 2025'],
  ['Launch the pilot on or before June 15, 2025.', '2025-06-15', 'on or before June 15, 2025'],
  ['Complete it by the middle of 2025.', '2025-06-30', 'by the middle of 2025'],
  ['Complete it in late 2025.', '2025-12-31', 'in late 2025'],
  ['Report back at the beginning of 2026.', '2026-03-31', 'at the beginning of 2026'],
];

describe('parseDeadlines: the grammar in Chinese', () => {
  it.each(CHINESE)('%s -> %s', (text, due, phrase) => {
    expect(zh(text)).toEqual([{ due, kind: 'deadline', phrase, subject: null }]);
  });
});

describe('parseDeadlines: the grammar in English', () => {
  it.each(ENGLISH)('%s -> %s', (text, due, phrase) => {
    expect(en(text)).toEqual([{ due, kind: 'deadline', phrase, subject: null }]);
  });
});

describe('parseDeadlines: starts ("from", 起)', () => {
  it.each<[DocumentLanguage, string, string, string]>([
    ['zh-Hant', '在2024年年底起陸續建成首三座大樓。', '2024-12-31', '2024年年底起'],
    ['zh-Hant', '由2025年起推行。', '2025-12-31', '由2025年起'],
    ['zh-Hant', '由2025年3月起實施。', '2025-03-31', '由2025年3月起'],
    ['zh-Hant', '由2025/26學年開始推行。', '2026-08-31', '由2025/26學年開始'],
    ['en', 'Complete the buildings progressively from end-2024.', '2024-12-31', 'from end-2024'],
    ['en', 'Introduce the scheme starting from 2025.', '2025-12-31', 'starting from 2025'],
    ['en', 'Introduce it starting from the 2025/26 school year.', '2026-08-31', 'starting from the 2025/26 school year'],
    ['en', 'Provide the subsidy from March 2025 onwards.', '2025-03-31', 'from March 2025 onwards'],
  ])('%s %s -> start %s', (language, text, due, phrase) => {
    expect(parseDeadlines(text, { published: PUBLISHED, language })).toEqual([
      { due, kind: 'start', phrase, subject: null },
    ]);
  });

  it('keeps a deadline a deadline when 開始 follows 前', () => {
    expect(zh('在2024年年底前開始展開市場意向調查。')).toEqual([
      { due: '2024-12-31', kind: 'deadline', phrase: '2024年年底前', subject: null },
    ]);
  });

  it('reads a start and a counted deadline in one sentence', () => {
    expect(zh('在2024年年底起陸續建成首三座大樓，其餘五座大樓預計在未來五年內陸續落成。')).toEqual([
      { due: '2024-12-31', kind: 'start', phrase: '2024年年底起', subject: null },
      { due: '2029-10-16', kind: 'deadline', phrase: '未來五年內', subject: null },
    ]);
  });
});

describe('parseDeadlines: "respectively"', () => {
  it('gives each date its own subject (A及B分別…X及Y)', () => {
    expect(zh('在2024年年底及2025年年中分別展開新田科技城及元朗南新發展區第二期的土地平整工程。')).toEqual([
      { due: '2024-12-31', kind: 'deadline', phrase: '2024年年底', subject: '新田科技城' },
      { due: '2025-06-30', kind: 'deadline', phrase: '2025年年中', subject: '元朗南新發展區第二期的土地平整工程' },
    ]);
  });

  it('reads subjects written before 分別 (X及Y分別在A及B…)', () => {
    expect(zh('A中心及B基地分別在2025年及2026年落成。')).toEqual([
      { due: '2025-12-31', kind: 'deadline', phrase: '在2025年', subject: 'A中心' },
      { due: '2026-12-31', kind: 'deadline', phrase: '2026年', subject: 'B基地' },
    ]);
  });

  it('gives each date its own subject (X and Y in A and B respectively)', () => {
    const milestones = en(
      'Commence site formation works for the San Tin Technopole and Yuen Long South in end-2024 and mid-2025 respectively.',
    );
    expect(milestones.map((m) => [m.due, m.phrase, m.subject])).toEqual([
      ['2024-12-31', 'in end-2024', 'Commence site formation works for the San Tin Technopole'],
      ['2025-06-30', 'mid-2025', 'Yuen Long South'],
    ]);
  });

  it('handles three dates', () => {
    expect(en('Open A, B and C in 2025, 2026 and 2027 respectively.').map((m) => [m.due, m.subject])).toEqual([
      ['2025-12-31', 'Open A'],
      ['2026-12-31', 'B'],
      ['2027-12-31', 'C'],
    ]);
  });

  it('leaves subjects null when the dates are not "respectively"', () => {
    expect(zh('在2024年年底及2025年年中展開工程。').map((m) => m.subject)).toEqual([null, null]);
    expect(en('Consult the trade in end-2024 and mid-2025.').map((m) => m.subject)).toEqual([null, null]);
  });
});

describe('parseDeadlines: no date at all (ongoing commitments)', () => {
  it.each([
    '繼續深化與內地各省市的合作，在現有合作平台推展更多項目。',
    '研究在河套合作區試行專屬的創新便利措施。',
    '推展新一輪的「粵港澳大灣區青年創業資助計劃」，為香港青年提供支援。',
    '支持青年內地實習，擴大青年發展空間。',
  ])('zh: %s', (text) => {
    expect(zh(text)).toEqual([]);
  });

  it.each([
    'Continue to deepen co-operation with Mainland provinces and municipalities.',
    'Study the feasibility of a dedicated facilitation regime in the Hetao Co-operation Zone.',
    'Continue to promote the GBA as a world-class city cluster.',
  ])('en: %s', (text) => {
    expect(en(text)).toEqual([]);
  });
});

describe('parseDeadlines: numbers and history that are not dates', () => {
  it.each([
    '上調向企業發放津貼的上限至每月12,000元。',
    '提供2,025個名額。',
    '放寬參加資格至29歲或以下。',
    '以三個分別佔地約10至20公頃的片區作為試點。',
    '興建約1 800個單位。',
    '已於2024年完成第一期工程。',
    '計劃已在2025年推出。',
    '自2022年以來一直推行。',
    '配合「香港2030+」的規劃。',
    '推動落實2030年議程的理念。',
    '參考2023年的數據。',
    '在條例生效後三年內完成檢討。',
    '每年年底前提交報告。',
  ])('zh: %s', (text) => {
    expect(zh(text)).toEqual([]);
  });

  it.each([
    'Raise the monthly allowance ceiling to HK$12,000.',
    'Provide 2,025 additional places.',
    'Relax the age limit to 29 or below.',
    'Designate pilot areas of 10 to 20 hectares.',
    'Build some 1 800 flats.',
    'The first phase was completed in 2023.',
    'Build on the first phase, completed in 2026.',
    'The scheme has been running since 2022.',
    'The scheme has been extended in 2025.',
    'Support the 2030 Agenda for Sustainable Development.',
    'Pursue Vision 2035 for the Northern Metropolis.',
    'Implement the measures in 2030 Agenda projects.',
    'Complete the review within six months of the enactment of the Bill.',
    'Review the 2025-26 Budget measures.',
  ])('en: %s', (text) => {
    expect(en(text)).toEqual([]);
  });

  it('keeps a future passive ("to be completed in 2026")', () => {
    expect(dues(en('The remaining buildings are to be completed in 2026.'))).toEqual(['2026-12-31']);
    expect(dues(en('The platform will be launched in 2025.'))).toEqual(['2025-12-31']);
    expect(dues(en('The results are expected in 2025.'))).toEqual(['2025-12-31']);
  });

  it('drops a date before publication as history', () => {
    expect(zh('在2024年第一季推出。')).toEqual([]);
    expect(en('In 2023, the Government set up the committee.')).toEqual([]);
    expect(dues(zh('在2024年第一季推出。', null))).toEqual(['2024-03-31']);
  });

  it('needs a lead for a bare year ("2025年的數據" is not a date)', () => {
    expect(zh('參考2025年的預測。')).toEqual([]);
    expect(en('Adopt the 2025 targets.')).toEqual([]);
  });

  it('reads full-width digits', () => {
    expect(zh('在２０２５年第一季公布。')).toEqual([
      { due: '2025-03-31', kind: 'deadline', phrase: '２０２５年第一季', subject: null },
    ]);
  });
});

describe('parseDeadlines: the publication date', () => {
  it('throws DeadlineError with the phrase when a counted period has no publication date', () => {
    let caught: unknown;
    try {
      zh('其餘五座大樓預計在未來五年內陸續落成。', null);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DeadlineError);
    expect(caught).toMatchObject({ phrase: '未來五年內', index: 9 });
    expect(() => en('Complete it within the next five years.', null)).toThrow(DeadlineError);
    expect(() => en('Launch it later this year.', null)).toThrow(/this year/);
  });

  it('does not need the publication date for absolute dates', () => {
    expect(dues(zh('在2024年年底前公布。', null))).toEqual(['2024-12-31']);
    expect(dues(en('Announce it by end-2024.', null))).toEqual(['2024-12-31']);
  });

  it('counts this year and next year from publication', () => {
    expect(dues(zh('在今年年底前公布，明年推出。'))).toEqual(['2024-12-31']);
    expect(dues(zh('在明年上半年推出。'))).toEqual(['2025-06-30']);
    expect(dues(en('Launch it later this year and consult next year.'))).toEqual(['2024-12-31', '2025-12-31']);
  });

  it('keeps the day when counting years, clamping 29 February', () => {
    expect(dues(zh('三年內完成。', '2024-02-29'))).toEqual(['2027-02-28']);
  });

  it('rejects an invalid publication date', () => {
    expect(() => zh('在2025年推出。', '2024-02-30')).toThrow(DeadlineError);
  });
});

describe('parseDeadlines: lists of dates', () => {
  it('shares a lead across a list of bare years', () => {
    expect(dues(zh('分別在2025年及2026年推出。'))).toEqual(['2025-12-31', '2026-12-31']);
    expect(dues(en('Launch the phases in 2025, 2026 and 2027.'))).toEqual(['2025-12-31', '2026-12-31', '2027-12-31']);
  });

  it('treats a date listed after a past one as past', () => {
    expect(zh('已於2024年年底及2025年年中分別完成甲工程及乙工程。', null)).toEqual([]);
    expect(en('The phases were completed in mid-2025 and end-2025.', null)).toEqual([]);
  });
});

// The forms of the indicator lists (2022 onwards) and of their English editions.
describe('parseDeadlines: indicator-list forms', () => {
  const P2022 = '2022-10-19';
  const row = (m: ExtractedMilestone) => [m.due, m.kind, m.phrase];

  it.each<[string, string, string]>([
    ['以期在2024年或之前改劃首批用地。', '2024-12-31', '2024年或之前'],
    ['在2023年內公布首批選址。', '2023-12-31', '2023年內'],
    ['於2025年啟動入伙安排。', '2025-12-31', '於2025年'],
    ['衞生黑點於 2023 年底前減少至少 70%。', '2023-12-31', '2023 年底前'],
    ['並在 2023 年中完成檢討。', '2023-06-30', '2023 年中'],
    ['於　2023　年第一季推出。', '2023-03-31', '2023　年第一季'],
    ['在2023-24至2032-33年度提供土地。', '2033-03-31', '2023-24至2032-33年度'],
    ['（2023-24 至 2032-33 年度）提供土地。', '2033-03-31', '2023-24 至 2032-33 年度'],
    ['於2023-24年度至2027-28年度分批推出。', '2028-03-31', '2023-24年度至2027-28年度'],
    ['由2023/24至2025/26學年推行。', '2026-08-31', '2023/24至2025/26學年'],
    ['在二○二三至二四年度至二○三二至三三年度提供土地。', '2033-03-31', '二○二三至二四年度至二○三二至三三年度'],
    ['未來五年（即2023-24至2027-28年度）的建屋量約為10萬個單位。', '2028-03-31', '未來五年（即2023-24至2027-28年度）'],
  ])('%s -> %s', (text, due, phrase) => {
    expect(zh(text, P2022).map(row)).toEqual([[due, 'deadline', phrase]]);
  });

  it('reads a counted span by the financial years in its brackets, not by the publication date', () => {
    expect(zh('在未來十年（2023-24 至 2032-33 年度）提供約 3,300 公頃土地。', P2022).map(row)).toEqual([
      ['2033-03-31', 'deadline', '未來十年（2023-24 至 2032-33 年度）'],
    ]);
    expect(zh('在5年內(2022-23至2026-27年度)收回約 600 公頃私人土地。', P2022).map(row)).toEqual([
      ['2027-03-31', 'deadline', '5年內(2022-23至2026-27年度)'],
    ]);
    expect(zh('在未來五年(2023-24至2027-28年度)，備妥土地。', null).map(row)).toEqual([
      ['2028-03-31', 'deadline', '未來五年(2023-24至2027-28年度)'],
    ]);
  });

  it('does not take horizons and past spans for deadlines', () => {
    expect(zh('每年公布未來十年可供發展土地的預測。', P2022)).toEqual([]);
    expect(zh('每年公布未來十年（2023-24至2032-33年度）的土地供應預測。', P2022)).toEqual([]);
    expect(zh('比過去5年(2017-18至2021-22年度)收回的土地多四倍。', null)).toEqual([]);
    expect(zh('較以往五年的數字為高。', P2022)).toEqual([]);
  });

  it('reads "X至Y" as a start at the end of X and a deadline at the end of Y', () => {
    expect(zh('在2023年下半年至2024年分階段提交申請。', P2022).map(row)).toEqual([
      ['2023-12-31', 'start', '2023年下半年'],
      ['2024-12-31', 'deadline', '2024年'],
    ]);
    expect(zh('在2023年第三季至2024年第一季分批推出。', P2022).map(row)).toEqual([
      ['2023-09-30', 'start', '2023年第三季'],
      ['2024-03-31', 'deadline', '2024年第一季'],
    ]);
    expect(zh('在2025至2027年分階段推行。').map(row)).toEqual([
      ['2025-12-31', 'start', '2025'],
      ['2027-12-31', 'deadline', '2027年'],
    ]);
    // A span ("during") stays one deadline; "至今" is history.
    expect(zh('在2025至2027年間推行。').map(row)).toEqual([['2027-12-31', 'deadline', '在2025至2027年間']]);
    expect(zh('由2021年至今一直推行。', null)).toEqual([]);
  });

  it('does not read thousands separators, spaced or not, as years', () => {
    expect(zh('提供約 3,300 公頃土地，當中不少於 1,300 公頃位於北部都會區。', P2022)).toEqual([]);
    expect(zh('興建 2,025 個單位。', P2022)).toEqual([]);
  });

  it.each<[string, string, 'deadline' | 'start', string]>([
    ['Announce the proposals by end-2024.', '2024-12-31', 'deadline', 'by end-2024'],
    ['By end-2024, announce the proposals.', '2024-12-31', 'deadline', 'By end-2024'],
    ['Set up the platform in mid-2025.', '2025-06-30', 'deadline', 'in mid-2025'],
    ['Complete the study, with proposals announced in the first quarter of 2025.', '2025-03-31', 'deadline', 'in the first quarter of 2025'],
    ['Review the scheme with the findings released in mid-2025.', '2025-06-30', 'deadline', 'in mid-2025'],
    ['Complete the buildings progressively from end-2024.', '2024-12-31', 'start', 'from end-2024'],
    ['Complete the remaining buildings within the next five years.', '2029-10-16', 'deadline', 'within the next five years'],
    ['Provide 3,300 hectares of land in the next ten years (2023-24 to 2032-33).', '2033-03-31', 'deadline', 'in the next ten years (2023-24 to 2032-33)'],
    ['Resume 600 hectares of land within five years (2022-23 to 2026-27).', '2027-03-31', 'deadline', 'within five years (2022-23 to 2026-27)'],
    ['Provide the land from 2023-24 to 2032-33.', '2033-03-31', 'deadline', 'from 2023-24 to 2032-33'],
    ['Provide 100 000 units in the next five years (i.e. 2023-24 to 2027-28).', '2028-03-31', 'deadline', 'in the next five years (i.e. 2023-24 to 2027-28)'],
    ['Provide the land in 2023-24 to 2032-33.', '2033-03-31', 'deadline', 'in 2023-24 to 2032-33'],
  ])('en: %s -> %s', (text, due, kind, phrase) => {
    expect(en(text).map(row)).toEqual([[due, kind, phrase]]);
  });

  it('en: a noun\'s participle before a period that began before publication is still history', () => {
    expect(en('Build on the proposals announced in 2024.')).toEqual([]);
    expect(en('Build on the first phase, completed in 2026.')).toEqual([]);
  });

  it('en: "between X and Y" is a start and a deadline', () => {
    expect(en('Complete the works in phases between 2025 and 2027.').map(row)).toEqual([
      ['2025-12-31', 'start', 'between 2025'],
      ['2027-12-31', 'deadline', '2027'],
    ]);
  });

  it('en: "from X to Y" is a start and a deadline', () => {
    expect(en('Submit applications in phases from the second half of 2023 to 2024.', '2022-10-19').map(row)).toEqual([
      ['2023-12-31', 'start', 'from the second half of 2023'],
      ['2024-12-31', 'deadline', '2024'],
    ]);
  });

  it('en: horizons and past spans are not deadlines', () => {
    expect(en('Publish annually the forecast of land supply for the next ten years.')).toEqual([]);
    expect(en('Publish each year the land supply in the next ten years.')).toEqual([]);
    expect(en('Four times the area resumed in the past five years (2017-18 to 2021-22).', null)).toEqual([]);
  });

  it('en: "respectively" pairs each date with its subject', () => {
    expect(
      en('Commence the works for Site A and Site B at end-2024 and in mid-2025 respectively.').map((m) => [m.due, m.phrase, m.subject]),
    ).toEqual([
      ['2024-12-31', 'at end-2024', 'Commence the works for Site A'],
      ['2025-06-30', 'in mid-2025', 'Site B'],
    ]);
  });
});
