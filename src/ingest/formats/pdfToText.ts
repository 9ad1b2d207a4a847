// A PDF of a chapter (the supplement as published) -> the plain-text layout the parser reads. PDF text
// is positioned glyph runs, so the reader rebuilds lines from the runs' baselines, drops page furniture
// (page numbers, and running headers/footers: lines repeated at the top or bottom of several pages), and
// joins the lines wrapped inside one paragraph or bullet, across a page break too.
// unpdf (a bundled pdf.js) is large: imported only when a PDF is read, so start-up and text loads stay fast.

interface Run {
  str: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

interface Line {
  text: string;
  x: number;
  y: number;
  size: number;
}

const BULLET = /^(?:[•●▪・]|[-–]\s)/;
const CJK_EDGE = /[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;
// A paragraph or bullet that ends with these is complete; anything else continues on the next line.
const COMPLETE = /[。．.！!？?；;：:)）]$/;

function joinText(left: string, right: string): string {
  if (!left) return right;
  if (!right) return left;
  const a = left.at(-1)!;
  const b = right[0]!;
  if (CJK_EDGE.test(a) || CJK_EDGE.test(b) || /\s/.test(a) || /\s/.test(b)) return left + right;
  // A line broken after the hyphen of a compound ("Hong Kong-" / "Macao") joins without a space.
  if (/[A-Za-z]-$/.test(left) && /^[A-Za-z]/.test(right)) return left + right;
  return `${left} ${right}`;
}

/** Groups a page's runs into lines by baseline, top to bottom. */
function linesOf(runs: readonly Run[]): Line[] {
  const sorted = runs.filter((r) => r.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { runs: Run[]; y: number }[] = [];
  for (const run of sorted) {
    const line = lines.find((l) => Math.abs(l.y - run.y) <= Math.max(1, run.fontSize * 0.3));
    if (line) line.runs.push(run);
    else lines.push({ runs: [run], y: run.y });
  }
  return lines
    .sort((a, b) => b.y - a.y)
    .map(({ runs: lineRuns, y }) => {
      lineRuns.sort((a, b) => a.x - b.x);
      let text = '';
      let end = -Infinity;
      for (const run of lineRuns) {
        // A visible gap between runs is a space (PDFs often draw words as separate runs).
        text = run.x - end > run.fontSize * 0.2 && end !== -Infinity ? joinText(text, run.str) : text + run.str;
        end = run.x + run.width;
      }
      return { text: text.replace(/\s+/g, ' ').trim(), x: lineRuns[0]!.x, y, size: Math.max(...lineRuns.map((r) => r.fontSize)) };
    });
}

const EDGE_LINES = 2;

function furnitureKey(text: string): string {
  return text.replace(/\d+/g, '#').replace(/\s+/g, '');
}

/**
 * Lines at a page's top or bottom that repeat (digits aside) at the same edge of other pages: running
 * headers and footers, page numbers. A chapter number alone at the top of its first page is kept.
 */
function dropFurniture(pages: Line[][]): Line[][] {
  if (pages.length < 2) return pages;
  const keyOf = (page: Line[], i: number): string | null => {
    if (i < EDGE_LINES) return `top:${furnitureKey(page[i]!.text)}`;
    if (i >= page.length - EDGE_LINES) return `bottom:${furnitureKey(page[i]!.text)}`;
    return null;
  };
  const seen = new Map<string, number>();
  for (const page of pages) {
    const keys = new Set(page.map((_, i) => keyOf(page, i)).filter((k): k is string => k !== null));
    for (const key of keys) seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return pages.map((page) =>
    page.filter((_, i) => {
      const key = keyOf(page, i);
      return key === null || (seen.get(key) ?? 0) < 2;
    }),
  );
}

/** Joins wrapped lines into paragraphs: a new one at a bullet or a gap wider than the line spacing. */
function paragraphsOf(pages: readonly Line[][]): string[] {
  const paragraphs: string[] = [];
  let open: { text: string; bullet: boolean } | null = null;
  let previous: Line | null = null;
  const close = (): void => {
    if (open) paragraphs.push(open.text);
    open = null;
  };
  for (const page of pages) {
    for (const [i, line] of page.entries()) {
      const bullet = BULLET.test(line.text);
      const gap = previous && i > 0 ? previous.y - line.y : null;
      // Across a page break only an unfinished bullet or sentence goes on.
      const continues =
        open !== null &&
        !bullet &&
        (gap === null ? i === 0 && !COMPLETE.test((open as { text: string }).text) && (open as { bullet: boolean }).bullet : gap <= line.size * 1.6);
      if (continues) open!.text = joinText(open!.text, line.text);
      else {
        close();
        open = { text: line.text, bullet };
      }
      previous = line;
    }
    previous = null;
  }
  close();
  return paragraphs;
}

export async function pdfToText(bytes: Uint8Array): Promise<string> {
  const { extractTextItems, getDocumentProxy } = await import('unpdf');
  // pdf.js takes ownership of (detaches) the buffer it is given.
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 } as never);
  try {
    const { items } = await extractTextItems(pdf);
    const pages = items.map((runs) => linesOf(runs as Run[]));
    return `${paragraphsOf(dropFurniture(pages)).map((p) => p.replace(/^([•●▪・])\s*/, '- ')).join('\n\n')}\n`;
  } finally {
    await pdf.destroy();
  }
}
