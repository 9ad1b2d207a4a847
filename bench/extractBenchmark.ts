// Extraction speed on a large input: the seed chapter's bullet section repeated 1000 times
// (32,000 commitments). Prints one JSON line: {"name":"extract","commitments":…,"ms":…,"rssMb":…}.
// Run: npx tsx bench/extractBenchmark.ts
import { readFileSync } from 'node:fs';
import { parseDocument } from '../src/ingest/parseDocument.ts';

const REPEAT = 1000;
// What Node plus the tsx loader take before any work, to read rssMb against.
const baselineRss = process.memoryUsage().rss;
const RUNS = 5;

const seed = readFileSync(new URL('../seeds/policy-address-2024-ch7.zh-Hant.txt', import.meta.url), 'utf8');
const lines = seed.split('\n');
// The bullet section starts at the heading above the first bullet (the last non-blank line before it).
const firstBullet = lines.findIndex((line) => line.startsWith('- '));
let sectionStart = firstBullet - 1;
while (sectionStart > 0 && lines[sectionStart]!.trim() === '') sectionStart--;
const header = lines.slice(0, sectionStart).join('\n');
const section = lines.slice(sectionStart).join('\n');
const text = `${header}\n${Array.from({ length: REPEAT }, () => section).join('\n\n')}\n`;

const options = { published: '2024-10-16', fileName: 'bench.txt' } as const;
// Warm-up (JIT, regex compilation); only the count is kept, so one result is alive at a time.
const commitments = parseDocument(text, options).commitments.length;
let peakRss = process.memoryUsage().rss;
const times: number[] = [];
// `npm run bench` runs this with --expose-gc: collecting between runs measures one extraction's memory
// rather than several finished results waiting for the collector.
const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
for (let run = 0; run < RUNS; run++) {
  collect();
  const started = performance.now();
  const count = parseDocument(text, options).commitments.length;
  times.push(performance.now() - started);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  if (count !== commitments) throw new Error('extraction is not deterministic');
}
times.sort((a, b) => a - b);
const round = (n: number) => Math.round(n * 10) / 10;
console.log(
  JSON.stringify({
    name: 'extract',
    commitments,
    ms: round(times[0]!),
    medianMs: round(times[Math.floor(times.length / 2)]!),
    rssMb: round(peakRss / 1024 / 1024),
    baselineRssMb: round(baselineRss / 1024 / 1024),
  }),
);
