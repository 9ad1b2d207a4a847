// A document given as a local file or an http(s) URL, read in whatever format it is in.
import { checkSize, decodeDocument, DEFAULT_MAX_BYTES, type DecodedDocument } from './decodeDocument.ts';
import { readDocument, type ReadDocumentOptions } from './readDocumentFile.ts';
import { DocumentError } from './DocumentError.ts';

export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

async function download(source: string, maxBytes: number): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(source, { signal: AbortSignal.timeout(30_000) });
  } catch (error) {
    throw new DocumentError({ file: source, problem: `cannot download (${(error as Error).message})` });
  }
  if (!response.ok) throw new DocumentError({ file: source, problem: `download failed with HTTP ${response.status}` });
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared)) checkSize(declared, maxBytes, source);
  const bytes = new Uint8Array(await response.arrayBuffer());
  checkSize(bytes.length, maxBytes, source);
  return bytes;
}

export async function readDocumentSourceAs(source: string, options: ReadDocumentOptions = {}): Promise<DecodedDocument> {
  if (!isUrl(source)) return readDocument(source, options);
  return decodeDocument(await download(source, options.maxBytes ?? DEFAULT_MAX_BYTES), source);
}

export async function readDocumentSource(source: string, options: ReadDocumentOptions = {}): Promise<string> {
  return (await readDocumentSourceAs(source, options)).text;
}
