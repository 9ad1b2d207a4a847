// A document's bytes -> the plain text the parser reads, whatever format they are in (picked from the
// content by detectDocumentFormat). Every failure is a DocumentError naming the file and the problem.
import { DocumentError } from './DocumentError.ts';
import { detectDocumentFormat, type DocumentFormat } from './formats/detectDocumentFormat.ts';
import { docbookToText } from './formats/docbookToText.ts';
import { htmlToText } from './formats/htmlToText.ts';
import { pdfToText } from './formats/pdfToText.ts';

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export interface DecodedDocument {
  format: DocumentFormat;
  text: string;
}

function decodeUtf8(bytes: Uint8Array, file: string): string {
  if (bytes.includes(0)) throw new DocumentError({ file, problem: 'is binary, not text, HTML, DocBook or PDF' });
  let text: string;
  try {
    // The decoder drops a leading BOM itself (ignoreBOM is false by default).
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DocumentError({ file, problem: 'is not UTF-8 text (save it as UTF-8, e.g. convert from Big5)' });
  }
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

export function describeSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

export function checkSize(size: number, maxBytes: number, file: string): void {
  if (size > maxBytes) {
    throw new DocumentError({ file, problem: `is ${describeSize(size)}, over the ${describeSize(maxBytes)} limit (ingest.maxFileMegabytes)` });
  }
}

export async function decodeDocument(bytes: Uint8Array, file: string): Promise<DecodedDocument> {
  if (bytes.length === 0) throw new DocumentError({ file, problem: 'is empty' });
  const format = detectDocumentFormat(bytes);
  let text: string;
  if (format === 'pdf') {
    try {
      text = await pdfToText(bytes);
    } catch (error) {
      throw new DocumentError({ file, problem: `is not a readable PDF (${(error as Error).message})` });
    }
    if (!text.trim()) throw new DocumentError({ file, problem: 'is a PDF without a text layer (a scan?); nothing to read' });
  } else {
    const raw = decodeUtf8(bytes, file);
    text = format === 'html' ? htmlToText(raw) : format === 'docbook' ? docbookToText(raw) : raw;
  }
  if (text.trim() === '') throw new DocumentError({ file, problem: 'is empty' });
  return { format, text };
}
