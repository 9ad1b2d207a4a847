import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it, expect } from 'vitest';
import { readDocumentFile } from '../../../src/ingest/readDocumentFile.ts';
import { DocumentError } from '../../../src/ingest/DocumentError.ts';

const dir = mkdtempSync(join(tmpdir(), 'policywatch-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, bytes: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

async function problemOf(path: string): Promise<DocumentError> {
  try {
    await readDocumentFile(path);
  } catch (error) {
    expect(error).toBeInstanceOf(DocumentError);
    return error as DocumentError;
  }
  throw new Error(`expected ${path} to be refused`);
}

describe('readDocumentFile', () => {
  it('reads UTF-8 text', async () => {
    const path = write('ok.txt', '7\n\n標題\n\n- 繼續推動合作。(發展局)\n');
    expect(await readDocumentFile(path)).toBe('7\n\n標題\n\n- 繼續推動合作。(發展局)\n');
  });

  it('strips a BOM and normalises CRLF and CR line ends', async () => {
    const path = write('bom.txt', '\uFEFF標題\r\n\r\n- 繼續。(發展局)\rend');
    expect(await readDocumentFile(path)).toBe('標題\n\n- 繼續。(發展局)\nend');
  });

  it('refuses a missing file', async () => {
    const path = join(dir, 'missing.txt');
    const error = await problemOf(path);
    expect(error).toMatchObject({ file: path, line: null, problem: 'file not found' });
    expect(error.message).toBe(`${path}: file not found`);
  });

  it('refuses a directory', async () => {
    const path = join(dir, 'folder');
    mkdirSync(path);
    expect(await problemOf(path)).toMatchObject({ file: path, problem: expect.stringContaining('directory') });
  });

  it('refuses an empty file, and one with only whitespace', async () => {
    expect(await problemOf(write('empty.txt', ''))).toMatchObject({ problem: 'is empty' });
    expect(await problemOf(write('blank.txt', '\uFEFF \n\n'))).toMatchObject({ problem: 'is empty' });
  });

  it('refuses Big5 bytes as not UTF-8', async () => {
    // "發展局" in Big5.
    const path = write('big5.txt', Uint8Array.from([0xb5, 0x6f, 0xae, 0x69, 0xa7, 0xbd, 0x0a]));
    expect(await problemOf(path)).toMatchObject({ file: path, problem: expect.stringContaining('not UTF-8') });
  });

  it('refuses binary content (NUL bytes), and a PDF it cannot read', async () => {
    const blob = write('doc.txt', Uint8Array.from([0x01, 0x50, 0x00, 0x01, 0x02]));
    expect(await problemOf(blob)).toMatchObject({ file: blob, problem: expect.stringContaining('binary') });
    const path = write('doc.pdf', Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x00, 0x01, 0x02]));
    expect(await problemOf(path)).toMatchObject({ file: path, problem: expect.stringContaining('not a readable PDF') });
  });

  it('refuses a file over the size limit with the limit in the message', async () => {
    const path = write('big.txt', `7\n\n標題\n\n${'- 繼續推動合作。(發展局)\n'.repeat(2000)}`);
    await expect(readDocumentFile(path, { maxBytes: 1024 * 1024 })).resolves.toContain('繼續推動合作');
    await expect(readDocumentFile(path, { maxBytes: 10 * 1024 })).rejects.toThrow(new RegExp(`^${path}: is \\d+ KB, over the 10 KB limit`));
  });
});
