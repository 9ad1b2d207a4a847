import { describe, it, expect } from 'vitest';
import { displayWidth, renderExtractionTable } from '../../../src/ingest/renderExtractionTable.ts';
import { parseDocument } from '../../../src/ingest/parseDocument.ts';

describe('renderExtractionTable', () => {
  const doc = parseDocument(
    '7\n\n標題\n\n小標題\n\n- 在2024年年底及2025年年中分別展開甲工程及乙工程。(發展局)\n- 在2024年年底起陸續建成大樓，預計在未來五年內落成。(創新科技及工業局、相關政策局)\n- 繼續推動一項非常非常非常非常非常非常非常非常非常非常非常非常長的合作。(漁農自然護理署)',
    { published: '2024-10-16' },
  );
  const table = renderExtractionTable(doc);

  it('shows the document, refs, bureaux, due dates with kind, and warnings', () => {
    expect(table).toContain('標題 (chapter 7, zh-Hant, published 2024-10-16)');
    expect(table).toContain('3 commitments, 4 dated milestones, 1 warning');
    expect(table).toMatch(/PA2024-7-01 +DEVB +2024-12-31 +在2024年/);
    expect(table).toMatch(/\n +2025-06-30 +\(乙工程\)/);
    expect(table).toMatch(/PA2024-7-02 +ITIB \+ relevant +from 2024-12-31/);
    expect(table).toMatch(/PA2024-7-03 +漁農自然護理署 +ongoing/);
    expect(table).toContain('Warnings:\n  line 9: unknown bureau "漁農自然護理署"');
  });

  it('truncates long text to the column, counting CJK as two columns', () => {
    const row = table.split('\n').find((line) => line.startsWith('PA2024-7-03'))!;
    expect(row.endsWith('…')).toBe(true);
    expect(displayWidth(row)).toBeLessThanOrEqual(120);
  });

  it('aligns the due column whatever the script of the bureau names', () => {
    const rows = table.split('\n').filter((line) => line.startsWith('PA2024'));
    const dueColumns = rows.map((row) => displayWidth(row.slice(0, row.search(/ongoing|from|\d{4}-\d{2}-\d{2}/))));
    expect(new Set(dueColumns).size).toBe(1);
  });

  it('counts display width', () => {
    expect(displayWidth('DEVB')).toBe(4);
    expect(displayWidth('發展局')).toBe(6);
    expect(displayWidth('（ａ）')).toBe(6);
  });

  it('renders 200,000 commitments without overflowing the call stack', () => {
    const commitment = doc.commitments[0]!;
    const many = { ...doc, commitments: Array.from({ length: 200_000 }, (_, i) => ({ ...commitment, ref: `PA2024-7-${i}` })) };
    expect(renderExtractionTable(many)).toContain('200000 commitments');
  });
});
