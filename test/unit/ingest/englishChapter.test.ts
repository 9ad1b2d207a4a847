// Golden test over an English chapter written in the style of the Policy Address supplement
// (test/fixtures/policy-address-2024-ch7.en.txt): bureaux as codes and as full names, wrapped
// bullets (one across a page number), a "•" bullet, and a background section full of years.
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { parseDocument } from '../../../src/ingest/parseDocument.ts';

const text = readFileSync(new URL('../../fixtures/policy-address-2024-ch7.en.txt', import.meta.url), 'utf8');
const doc = parseDocument(text, { published: '2024-10-16', fileName: 'test/fixtures/policy-address-2024-ch7.en.txt' });
const byNumber = (n: number) => doc.commitments[n - 1]!;

describe('parseDocument: an English chapter (golden)', () => {
  it('reads the document facts', () => {
    expect(doc.document).toMatchObject({
      title: 'Promoting the Development Engine of the Northern Metropolis Deepening Co-operation in the Greater Bay Area',
      chapter: '7',
      language: 'en',
      published: '2024-10-16',
    });
    expect(doc.warnings).toEqual([]);
  });

  it('finds 22 commitments with refs PA2024-7-01..22', () => {
    expect(doc.commitments.map((c) => c.ref)).toEqual(
      Array.from({ length: 22 }, (_, i) => `PA2024-7-${String(i + 1).padStart(2, '0')}`),
    );
  });

  it('finds exactly these milestones', () => {
    const dated = doc.commitments.flatMap((c, i) => c.milestones.map((m) => [i + 1, m.due, m.kind, m.phrase]));
    expect(dated).toEqual([
      [1, '2024-12-31', 'deadline', 'in end-2024'],
      [1, '2025-06-30', 'deadline', 'mid-2025'],
      [2, '2025-12-31', 'deadline', 'in 2025'],
      [3, '2024-12-31', 'deadline', 'by end-2024'],
      [4, '2024-12-31', 'deadline', 'before end-2024'],
      [5, '2025-03-31', 'deadline', 'in the first quarter of 2025'],
      [6, '2024-12-31', 'deadline', 'by end-2024'],
      [7, '2025-12-31', 'deadline', 'in 2025'],
      [9, '2024-12-31', 'start', 'from end-2024'],
      [9, '2029-10-16', 'deadline', 'within the next five years'],
      [10, '2024-12-31', 'deadline', 'by end-2024'],
      [12, '2025-12-31', 'deadline', 'by the end of 2025'],
      [13, '2025-12-31', 'deadline', 'in the second half of 2025'],
      [14, '2025-03-31', 'deadline', 'in early 2025'],
      [15, '2025-03-31', 'deadline', 'by end-March 2025'],
      [16, '2026-03-31', 'deadline', 'in 2025-26'],
      [18, '2026-08-31', 'start', 'starting from the 2025/26 school year'],
      [19, '2025-12-31', 'deadline', 'in 2025'],
      [20, '2025-03-31', 'deadline', 'in March 2025'],
      [22, '2025-09-30', 'deadline', 'in Q3 2025'],
    ]);
  });

  it('pairs the "respectively" subjects', () => {
    expect(byNumber(1).milestones[0]!.subject).toContain('San Tin Technopole');
    expect(byNumber(1).milestones[1]!.subject).toContain('Yuen Long South');
  });

  it('reads bureaux written as codes and as full names', () => {
    expect(doc.commitments.map((c) => [c.bureaus.join('+'), c.withRelevantBureaux])).toEqual([
      ['DEVB', false], ['ITIB', false], ['DEVB', false], ['DEVB', false], ['DEVB', false],
      ['DEVB+ITIB', false], ['DEVB', false],
      ['ITIB', false], ['ITIB', false], ['ITIB', true],
      ['CMAB', true], ['ITIB', false],
      ['HHB', false], ['HHB', false],
      ['DoJ', false], ['DoJ', false],
      ['LWB', false], ['EDB', false], ['HYAB', false], ['HYAB', false], ['HYAB', false], ['TLB', false],
    ]);
  });

  it('reads the headings', () => {
    expect(byNumber(1).headings).toEqual(['Taking Forward the Development of the Northern Metropolis']);
    expect(byNumber(8).headings).toEqual(['Developing the Hong Kong Park of the Hetao Co-operation Zone']);
    expect(byNumber(11).headings).toEqual([
      'Deepening Co-operation in the Guangdong-Hong Kong-Macao Greater Bay Area',
      'Integrating into the Overall Development of the Country',
    ]);
    expect(byNumber(22).headings).toEqual([
      'Deepening Co-operation in the Guangdong-Hong Kong-Macao Greater Bay Area',
      'Nurturing Talent and Expanding Opportunities for Young People',
    ]);
  });

  it('joins wrapped lines, also across a page number, and keeps parentheses inside the text', () => {
    expect(byNumber(1).text).toBe(
      'Commence the site formation works for the San Tin Technopole and the second phase of the Yuen Long South New Development Area in end-2024 and mid-2025 respectively.',
    );
    expect(byNumber(6).text).toBe(
      'Commence the rezoning of a site in Sha Ling by end-2024, expanding the I&T land for data centres and related uses to 10 hectares.',
    );
    expect(byNumber(12).text).toContain('Within the Greater Bay Area (Mainland, Hong Kong) to all sectors');
    expect(byNumber(21).text).toBe('Support youth exchanges that promote the 2030 Agenda for Sustainable Development in the GBA.');
  });

  it('never reads the background section, and ignores amounts, ages and past years in bullets', () => {
    expect(doc.commitments.some((c) => c.text.includes('Northern Metropolis Action Agenda'))).toBe(false);
    expect(byNumber(17).milestones).toEqual([]); // 29, HK$12,000, "since 2019"
    expect(byNumber(21).milestones).toEqual([]); // the 2030 Agenda
  });
});
