// Every published format of the seed chapter gives exactly the seed's commitments and milestones. The
// fixtures are rendered here from the seed text (HTML page, DocBook XML, PDF with a CJK font from an npm
// package, running headers, page numbers and wrapped bullets), so the test needs no network.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeDocument } from '../../../../src/ingest/decodeDocument.ts';
import { detectDocumentFormat } from '../../../../src/ingest/formats/detectDocumentFormat.ts';
import { parseDocument } from '../../../../src/ingest/parseDocument.ts';
import { renderDocBook, renderHtml, renderPdf } from '../../../support/renderSeedFormats.ts';

const seedUrl = (name: string) => new URL(`../../../../seeds/${name}`, import.meta.url);
const zh = readFileSync(seedUrl('policy-address-2024-ch7.zh-Hant.txt'), 'utf8');
const en = readFileSync(seedUrl('policy-address-2024-ch7.en.txt'), 'utf8');
const utf8 = (text: string) => new TextEncoder().encode(text);

function extract(text: string) {
  return parseDocument(text, { published: '2024-10-16' });
}

function summary(text: string) {
  const doc = extract(text);
  return {
    chapter: doc.document.chapter,
    language: doc.document.language,
    commitments: doc.commitments.map((c) => ({ ref: c.ref, text: c.text, headings: c.headings, bureaus: c.bureaus, relevant: c.withRelevantBureaux, milestones: c.milestones })),
  };
}

describe('the seed in every format', () => {
  const expected = summary(zh);

  it('the plain text gives 32 commitments and 11 milestones', () => {
    expect(expected.commitments).toHaveLength(32);
    expect(expected.commitments.flatMap((c) => c.milestones)).toHaveLength(11);
  });

  it('an HTML page (navigation, script and footer around the chapter) gives the same', async () => {
    const html = renderHtml(zh);
    const decoded = await decodeDocument(utf8(html), 'chapter7.txt');
    expect(decoded.format).toBe('html');
    expect(summary(decoded.text)).toEqual(expected);
  });

  it('DocBook XML gives the same', async () => {
    const decoded = await decodeDocument(utf8(renderDocBook(zh)), 'chapter7.dat');
    expect(decoded.format).toBe('docbook');
    expect(summary(decoded.text)).toEqual(expected);
  });

  it('a PDF with running headers, page numbers and wrapped bullets gives the same', async () => {
    const pdf = await renderPdf(zh);
    const decoded = await decodeDocument(pdf, 'chapter7.bin');
    expect(decoded.format).toBe('pdf');
    // The furniture is gone and no bullet is split: the running header never reaches a commitment.
    expect(decoded.text).not.toContain('7    推動');
    expect(summary(decoded.text)).toEqual(expected);
  }, 60_000);

  it('the English edition as a PDF gives the same as its text (Latin words rejoined with spaces)', async () => {
    const decoded = await decodeDocument(await renderPdf(en), 'chapter7-en.pdf');
    expect(summary(decoded.text)).toEqual(summary(en));
  }, 60_000);
});

describe('detectDocumentFormat', () => {
  it('reads the format from the content, not the name', () => {
    expect(detectDocumentFormat(utf8('%PDF-1.7\n…'))).toBe('pdf');
    expect(detectDocumentFormat(utf8('\uFEFF<!doctype html><p>x</p>'))).toBe('html');
    expect(detectDocumentFormat(utf8('<div><ul><li>x</li></ul></div>'))).toBe('html');
    expect(detectDocumentFormat(utf8('<?xml version="1.0"?>\n<chapter label="7"><title>t</title></chapter>'))).toBe('docbook');
    expect(detectDocumentFormat(utf8('<article xmlns="http://docbook.org/ns/docbook" version="5.0"/>'))).toBe('docbook');
    expect(detectDocumentFormat(utf8('7\n\n標題\n\n- 繼續推動合作。(發展局)\n'))).toBe('text');
  });

  it('refuses a broken PDF and a binary that is no PDF with the file named', async () => {
    await expect(decodeDocument(utf8('%PDF-1.7\nnot really'), 'bad.pdf')).rejects.toThrow(/^bad\.pdf: is not a readable PDF/);
    await expect(decodeDocument(Uint8Array.from([1, 0, 2, 3]), 'blob.txt')).rejects.toThrow(/^blob\.txt: is binary/);
  });
});
