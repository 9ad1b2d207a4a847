// Reads a chapter file in any supported format (plain text, HTML, DocBook XML, PDF) and refuses, with the
// file named, anything it cannot read: a wrong path, a folder, an empty or oversized file, a binary that is
// not a PDF, a Big5 export.
import { readFile, stat } from 'node:fs/promises';
import { checkSize, decodeDocument, DEFAULT_MAX_BYTES, type DecodedDocument } from './decodeDocument.ts';
import { DocumentError } from './DocumentError.ts';

export interface ReadDocumentOptions {
  /** Files larger than this are refused before they are read (default 20 MB). */
  maxBytes?: number;
}

export async function readDocumentBytes(path: string, options: ReadDocumentOptions = {}): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new DocumentError({ file: path, problem: 'is a directory, not a text file' });
    checkSize(info.size, options.maxBytes ?? DEFAULT_MAX_BYTES, path);
    return await readFile(path);
  } catch (error) {
    if (error instanceof DocumentError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new DocumentError({ file: path, problem: 'file not found' });
    if (code === 'EACCES' || code === 'EPERM') throw new DocumentError({ file: path, problem: 'permission denied' });
    if (code === 'EISDIR') throw new DocumentError({ file: path, problem: 'is a directory, not a text file' });
    throw new DocumentError({ file: path, problem: `cannot be read (${(error as Error).message})` });
  }
}

export async function readDocument(path: string, options: ReadDocumentOptions = {}): Promise<DecodedDocument> {
  return decodeDocument(await readDocumentBytes(path, options), path);
}

export async function readDocumentFile(path: string, options: ReadDocumentOptions = {}): Promise<string> {
  return (await readDocument(path, options)).text;
}
