// Which format a document's bytes are in, from the content itself (magic bytes, markup), never only the
// file name: a chapter saved from the web as ".txt" is still HTML, a PDF named ".dat" is still a PDF.
export type DocumentFormat = 'text' | 'html' | 'pdf' | 'docbook';

const HEAD_BYTES = 8192;
const DOCBOOK_ROOTS = /^<(?:[\w-]+:)?(?:book|article|chapter|part|section|sect1|appendix|preface)\b/i;

/** The leading markup of a text with comments, processing instructions and the doctype stripped. */
function firstElement(head: string): string {
  return head
    .replace(/^\uFEFF/, '')
    .replace(/<\?[\s\S]*?\?>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>/gi, '')
    .trimStart();
}

export function detectDocumentFormat(bytes: Uint8Array): DocumentFormat {
  const headBytes = bytes.subarray(0, HEAD_BYTES);
  // "%PDF-" may follow a little junk (some generators prepend bytes); readers look within the first KB.
  const latin = Buffer.from(headBytes.subarray(0, 1024)).toString('latin1');
  if (latin.includes('%PDF-')) return 'pdf';
  const head = new TextDecoder('utf-8').decode(headBytes);
  const start = head.replace(/^\uFEFF/, '').trimStart();
  if (!start.startsWith('<')) return 'text';
  if (/<!DOCTYPE\s+html/i.test(start)) return 'html';
  if (/docbook/i.test(start.slice(0, 2000)) || DOCBOOK_ROOTS.test(firstElement(start))) return 'docbook';
  if (/<(?:html|head|body|main|article|div|p|ul|ol|h[1-6]|meta|title)[\s>/]/i.test(start)) return 'html';
  return 'text';
}
