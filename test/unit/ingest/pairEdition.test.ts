// Pairing an edition with the stored commitments: what both editions state alike (order, heading groups,
// dates, bureaux) must agree; the first commitment that differs is named.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pairEdition, type PairableCommitment } from '../../../src/ingest/pairEdition.ts';
import { parseDocument } from '../../../src/ingest/parseDocument.ts';

const seed = (name: string) => readFileSync(new URL(`../../../seeds/${name}`, import.meta.url), 'utf8');
const zh = parseDocument(seed('policy-address-2024-ch7.zh-Hant.txt'), { published: '2024-10-16' });
const enText = seed('policy-address-2024-ch7.en.txt');
const en = (text = enText) => parseDocument(text, { published: '2024-10-16' }).commitments;

const stored: PairableCommitment[] = zh.commitments.map((c, i) => ({
  id: 100 + i,
  ref: c.ref,
  headings: c.headings,
  bureaus: c.bureaus,
  withRelevantBureaux: c.withRelevantBureaux,
  dates: c.milestones.map((m) => `${m.kind}:${m.due}`),
}));

describe('pairEdition', () => {
  it('pairs the English seed with the Chinese one, commitment by commitment', () => {
    const result = pairEdition(stored, en());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pairs).toHaveLength(32);
    expect(result.pairs[4]).toMatchObject({ commitmentId: 104, ref: 'PA2024-7-05', text: expect.stringMatching(/^Explore selecting pilot industry parks/) });
  });

  it('names the first commitment whose bureaux differ', () => {
    const result = pairEdition(stored, en(enText.replace('Commence the construction of a Major Projects Exhibition Gallery in 2025. (DEVB)', 'Commence the construction of a Major Projects Exhibition Gallery in 2025. (ITIB)')));
    expect(result).toMatchObject({ ok: false, position: 7, ref: 'PA2024-7-07', problem: 'commitment 7 (PA2024-7-07) has different bureaux (DEVB vs ITIB)' });
  });

  it('names the first commitment under a different heading group', () => {
    // Two adjacent groups merged: commitment 8 no longer starts a group.
    const result = pairEdition(stored, en(enText.replace('\nDeveloping the Hong Kong-Shenzhen Innovation and Technology Park in the Loop\n', '\n')));
    expect(result).toMatchObject({ ok: false, position: 8, ref: 'PA2024-7-08' });
    expect(result.ok === false && result.problem).toMatch(/under different headings/);
  });

  it('names an extra commitment of the edition', () => {
    const result = pairEdition(stored, en(`${enText}- Review the arrangements every year. (HYAB)\n`));
    expect(result).toMatchObject({ ok: false, position: 33, ref: null });
    expect(result.ok === false && result.problem).toMatch(/^commitment 33 of the edition \("Review the arrangements every year\.?"?.*has no counterpart: the document has 32/);
  });
});
