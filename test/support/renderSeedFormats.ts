// Renders a chapter's plain text (the seed) into the other published formats, in the tests, so format
// readers are checked against the seed without network or stored binaries: an HTML page, a DocBook XML
// edition, and a PDF laid out like the supplement (CJK font from an npm package, running header with the
// chapter number and title on every page, page numbers, bullets wrapped over several lines and pages).
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';

export interface ChapterBlock {
  kind: 'chapter' | 'title' | 'heading' | 'para' | 'bullet';
  text: string;
}

const BULLET = /^(?:[-–]\s+|[•●▪・]\s*)/;

/** Splits the seed's text into blocks: chapter number, title lines, headings, paragraphs and bullets. */
export function splitChapter(text: string): { chapter: string; title: string[]; blocks: ChapterBlock[] } {
  const lines = text.split('\n').map((l) => l.trim());
  let i = 0;
  while (lines[i] === '') i++;
  const chapter = lines[i++]!;
  while (lines[i] === '') i++;
  const title: string[] = [];
  while (lines[i]) title.push(lines[i++]!);
  const blocks: ChapterBlock[] = [];
  const rest = lines.slice(i);
  for (const [n, line] of rest.entries()) {
    if (!line) continue;
    // The seed repeats the chapter number and title as a page header: the other formats leave it out.
    if (line === chapter || line === title.join(' ')) continue;
    if (BULLET.test(line)) blocks.push({ kind: 'bullet', text: line.replace(BULLET, '') });
    else {
      const next = rest.slice(n + 1).find((l) => l !== '');
      const short = line.length <= 80 && !/[。.；;]$/.test(line);
      blocks.push({ kind: short && next !== undefined ? 'heading' : 'para', text: line });
    }
  }
  return { chapter, title, blocks };
}

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function renderHtml(text: string): string {
  const { chapter, title, blocks } = splitChapter(text);
  const body: string[] = [];
  let list = false;
  for (const block of blocks) {
    if (block.kind === 'bullet' && !list) body.push('<ul class="bullets">');
    if (block.kind !== 'bullet' && list) body.push('</ul>');
    list = block.kind === 'bullet';
    if (block.kind === 'bullet') body.push(`  <li>${escape(block.text)}</li>`);
    else if (block.kind === 'heading') body.push(`<h2>${escape(block.text)}</h2>`);
    else body.push(`<p>${escape(block.text)}</p>`);
  }
  if (list) body.push('</ul>');
  return `<!DOCTYPE html>
<html lang="zh-HK"><head><meta charset="utf-8"><title>${escape(title.join(' '))}</title>
<style>li { margin: 0.5em 0 }</style><script>window.analytics = { page: "chapter 7" };</script></head>
<body>
<header><nav><a href="/">首頁</a> | <a href="/en/">English</a> | 2025年1月1日更新</nav></header>
<main>
<p class="chapter-number">${escape(chapter)}</p>
<h1>${title.map(escape).join('<br>\n')}</h1>
${body.join('\n')}
</main>
<footer>© 2024 香港特別行政區政府 | 最後修訂日期: 2024年10月16日</footer>
</body></html>
`;
}

export function renderDocBook(text: string): string {
  const { chapter, title, blocks } = splitChapter(text);
  const out: string[] = [];
  let list = false;
  let section = false;
  const closeList = () => {
    if (list) out.push('    </itemizedlist>');
    list = false;
  };
  for (const [i, block] of blocks.entries()) {
    if (block.kind === 'heading') {
      closeList();
      if (section) out.push('  </section>');
      const parentOnly = blocks[i + 1]?.kind === 'heading';
      out.push(`  <section>\n    <title>${escape(block.text)}</title>`);
      if (parentOnly) out.push('  </section>');
      section = !parentOnly;
    } else if (block.kind === 'bullet') {
      if (!list) out.push('    <itemizedlist>');
      list = true;
      out.push(`      <listitem><para>${escape(block.text)}</para></listitem>`);
    } else {
      closeList();
      out.push(`    <para>${escape(block.text)}</para>`);
    }
  }
  closeList();
  if (section) out.push('  </section>');
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE chapter PUBLIC "-//OASIS//DTD DocBook XML V4.5//EN" "http://www.oasis-open.org/docbook/xml/4.5/docbookx.dtd">
<chapter label="${escape(chapter)}" lang="zh-Hant">
  <info><releaseinfo>open data edition, 2024-10-16</releaseinfo></info>
  <title>${escape(title.join(' '))}</title>
${out.join('\n')}
</chapter>
`;
}

const require = createRequire(import.meta.url);

/** A CJK font shipped by an npm package (Noto Sans Hant), so no system font or network is needed. */
export function cjkFontPath(): string {
  // The package exports only its index; its fonts lie beside package.json.
  // The package exports only its index (dist/), with the font files listed; the fonts lie beside dist/.
  return path.join(path.dirname(require.resolve('@embedpdf/fonts-tc')), '..', 'fonts', 'NotoSansHant-Regular.otf');
}

export async function renderPdf(text: string, options: { width?: number } = {}): Promise<Uint8Array> {
  const { chapter, title, blocks } = splitChapter(text);
  // A narrow page, so that bullets wrap over several lines and some across pages.
  const doc = new PDFDocument({ size: [options.width ?? 360, 420], margins: { top: 48, bottom: 48, left: 40, right: 40 }, autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.registerFont('cjk', cjkFontPath());
  let page = 0;
  doc.on('pageAdded', () => {
    page++;
    // Running header and page number, drawn outside the text frame.
    const { x, y } = doc;
    doc.font('cjk').fontSize(8);
    doc.text(`${chapter}    ${title.join(' ')}`, 40, 20, { lineBreak: false });
    doc.text(String(page + 10), doc.page.width / 2 - 6, doc.page.height - 32, { lineBreak: false });
    doc.fontSize(10);
    doc.x = x;
    doc.y = y;
  });
  doc.addPage();
  doc.font('cjk').fontSize(16).text(chapter);
  doc.moveDown(0.5);
  for (const line of title) doc.text(line).moveDown(0.5);
  doc.fontSize(10).moveDown(0.5);
  for (const block of blocks) {
    if (block.kind === 'heading') doc.moveDown(0.6).text(block.text);
    else if (block.kind === 'bullet') doc.text(`•  ${block.text}`, { indent: 0 });
    else doc.text(block.text);
    doc.moveDown(0.5);
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
