// Reads a chapter's text file and refuses, with the file named, anything that is not UTF-8 text:
// a wrong path, a folder, an empty file, a PDF or other binary, a Big5 export.
import { readFile, stat } from 'node:fs/promises';
import { DocumentError } from './DocumentError.ts';

export async function readDocumentFile(path: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new DocumentError({ file: path, problem: 'is a directory, not a text file' });
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof DocumentError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new DocumentError({ file: path, problem: 'file not found' });
    if (code === 'EACCES' || code === 'EPERM') throw new DocumentError({ file: path, problem: 'permission denied' });
    if (code === 'EISDIR') throw new DocumentError({ file: path, problem: 'is a directory, not a text file' });
    throw new DocumentError({ file: path, problem: `cannot be read (${(error as Error).message})` });
  }
  if (bytes.length === 0) throw new DocumentError({ file: path, problem: 'is empty' });
  if (bytes.includes(0)) {
    throw new DocumentError({ file: path, problem: 'is binary, not text (a PDF must be converted to text first)' });
  }
  let text: string;
  try {
    // The decoder drops a leading BOM itself (ignoreBOM is false by default).
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DocumentError({ file: path, problem: 'is not UTF-8 text (save it as UTF-8, e.g. convert from Big5)' });
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw new DocumentError({ file: path, problem: 'is empty' });
  return text;
}
