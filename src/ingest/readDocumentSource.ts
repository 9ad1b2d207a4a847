// A document given as a local file or an http(s) URL, read as validated UTF-8 text.
import { readDocumentFile } from './readDocumentFile.ts';
import { DocumentError } from './DocumentError.ts';

export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

export async function readDocumentSource(source: string): Promise<string> {
  if (!isUrl(source)) return readDocumentFile(source);
  let response: Response;
  try {
    response = await fetch(source, { signal: AbortSignal.timeout(30_000) });
  } catch (error) {
    throw new DocumentError({ file: source, problem: `cannot download (${(error as Error).message})` });
  }
  if (!response.ok) throw new DocumentError({ file: source, problem: `download failed with HTTP ${response.status}` });
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.includes(0)) throw new DocumentError({ file: source, problem: 'is binary, not text (a PDF must be converted to text first)' });
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    if (!text.trim()) throw new DocumentError({ file: source, problem: 'is empty' });
    return text;
  } catch (error) {
    if (error instanceof DocumentError) throw error;
    throw new DocumentError({ file: source, problem: 'is not UTF-8 text' });
  }
}
