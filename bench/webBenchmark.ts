// The public tracker under load: 10,000 commitments and 15,000 milestones (generated in SQL), the real
// Fastify server on loopback, and autocannon as the load generator. Reports p95 latency and requests/s for
// the overview, a bureau page and the API list, and — without the rendered-answer memory — the time each
// use case takes on its own, including the trigram search.
import autocannon from 'autocannon';
import { syncBureaus } from '../src/db/bureaus.ts';
import { BUREAUS } from '../src/domain/bureaus.ts';
import { createWebServer } from '../src/web/createWebServer.ts';
import { getBureauView } from '../src/services/tracker/getBureauView.ts';
import { getOverview } from '../src/services/tracker/getOverview.ts';
import { listCommitmentPage } from '../src/services/tracker/listApiPages.ts';
import { searchTracker } from '../src/services/tracker/searchTracker.ts';
import { openBenchDatabase } from './openBenchDatabase.ts';

const COMMITMENTS = 10_000;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const NOW = new Date('2025-06-15T10:00:00+08:00');

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const round = (n: number): number => Math.round(n * 10) / 10;

async function main(): Promise<void> {
  const db = await openBenchDatabase();
  try {
    await syncBureaus(db.pool, BUREAUS);
    const codes = BUREAUS.map((b) => b.code);
    // Ten documents, alternately Chinese and English; texts of random CJK characters or words.
    await db.pool.query(
      `INSERT INTO documents (key, title, chapter, language, published, source_url, sha256)
       SELECT 'bench-' || i, 'Bench document ' || i, i::text, CASE WHEN i % 2 = 0 THEN 'en' ELSE 'zh-Hant' END, '2024-10-16', 'https://example.org/' || i, md5(i::text)
       FROM generate_series(1, 10) AS i`,
    );
    await db.pool.query(
      `INSERT INTO commitments (document_id, ref, position, headings, text, bureaus)
       SELECT d.id, 'PB' || lpad(i::text, 5, '0'), i, ARRAY['Heading ' || (i % 40)],
              CASE WHEN d.language = 'en'
                THEN 'We will ' || (ARRAY['develop','launch','complete','review','build'])[1 + i % 5] || ' the ' ||
                     (ARRAY['northern metropolis','harbour park','innovation hub','transport link','housing estate'])[1 + (i / 5) % 5] ||
                     ' programme number ' || i || ' with the relevant parties by the end of the year'
                ELSE (SELECT string_agg(chr(19968 + ((i * 7919 + g * 104729) % 3000)), '') FROM generate_series(1, 40 + i % 30) AS g)
              END,
              ARRAY[($1::text[])[1 + i % array_length($1::text[], 1)]] || CASE WHEN i % 4 = 0 THEN ARRAY[($1::text[])[1 + (i / 4 + 3) % array_length($1::text[], 1)]] ELSE '{}'::text[] END
       FROM generate_series(1, ${COMMITMENTS}) AS i JOIN documents d ON d.key = 'bench-' || (1 + i % 10)`,
      [codes],
    );
    // 15,000 milestones: one per commitment, a second for every other one; due dates 2023–2028.
    await db.pool.query(
      `INSERT INTO milestones (commitment_id, seq, kind, phrase, due, extracted_due, status, status_changed_at)
       SELECT c.id, s, 'deadline', 'by the end of ' || (2023 + (c.id * 7 + s) % 6),
              DATE '2023-01-01' + ((c.id * 37 + s * 101) % 2190)::int, DATE '2023-01-01' + ((c.id * 37 + s * 101) % 2190)::int,
              CASE WHEN (c.id + s) % 5 = 0 THEN 'met' WHEN (c.id + s) % 11 = 0 THEN 'claimed' WHEN (c.id + s) % 13 = 0 THEN 'rescheduled' ELSE 'pending' END,
              '2024-10-16'
       FROM commitments c CROSS JOIN generate_series(1, 2) AS s WHERE s = 1 OR c.id % 2 = 0`,
    );
    await db.pool.query(
      `INSERT INTO milestone_status_history (milestone_id, status, due, previous_status, actor, source, changed_at)
       SELECT id, 'pending', due, NULL, 'bench', 'loader', '2024-10-16' FROM milestones
       UNION ALL
       SELECT id, status, due, 'pending', 'bench', 'cli', TIMESTAMPTZ '2024-11-01' + (id % 200) * interval '1 day' FROM milestones WHERE status <> 'pending'`,
    );
    await db.pool.query('ANALYZE');
    const { rows: counts } = await db.pool.query<{ c: number; m: number }>('SELECT (SELECT count(*) FROM commitments)::int AS c, (SELECT count(*) FROM milestones)::int AS m');

    const deps = { pool: db.pool, now: () => NOW, timezone: 'Asia/Hong_Kong' };
    // Each use case on its own, straight from the database (no rendered-answer memory).
    const direct: Record<string, { p50: number; p95: number }> = {};
    const time = async (name: string, run: (i: number) => Promise<unknown>, times = 40): Promise<void> => {
      await run(0);
      const samples: number[] = [];
      for (let i = 1; i <= times; i++) {
        const start = performance.now();
        await run(i);
        samples.push(performance.now() - start);
      }
      direct[name] = { p50: round(percentile(samples, 50)), p95: round(percentile(samples, 95)) };
    };
    const words = ['programme', 'harbour', '北部', '發展', 'innovation', '一丁', 'number 77', 'PB00042'];
    await time('overview', () => getOverview(deps));
    await time('bureau DEVB', () => getBureauView(deps, 'DEVB'));
    await time('API commitments (100)', () => listCommitmentPage(deps, {}, null, 100));
    await time('search', (i) => searchTracker(deps, words[i % words.length]!, 1, 50));

    const app = await createWebServer({
      ...deps,
      publicUrl: 'http://127.0.0.1',
      leadDays: [30, 7, 1],
      rateLimitPerMinute: 10_000_000,
      health: async () => ({ statusCode: 200, body: {} }),
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const load: Record<string, { p95: number; p90: number; p97_5: number; p99: number; requestsPerSecond: number; errors: number; non2xx: number }> = {};
    try {
      for (const [name, path] of [
        ['overview', '/en/'],
        ['bureau DEVB', '/en/bureaux/DEVB'],
        ['API commitments (100)', '/api/v1/commitments?limit=100'],
        ['search (varied queries)', '/zh/search?q=%E5%8C%97'],
      ] as const) {
        const latencies: number[] = [];
        let instance!: autocannon.Instance;
        const done = new Promise<autocannon.Result>((resolve, reject) => {
          instance = autocannon({
          url: `${base}${path}`,
          // The load generator runs in a worker thread, not on the server's event loop.
          workers: process.env.BENCH_WORKERS === '0' || name.startsWith('search') ? undefined : 1,
          connections: CONNECTIONS,
          duration: DURATION,
          // Different search words per request, so answers cannot all come from memory.
          ...(name.startsWith('search') ? { requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, path: `/zh/search?q=${encodeURIComponent(words[Math.floor(Math.random() * words.length)]! + (Math.random() < 0.5 ? '' : String(Math.floor(Math.random() * 100))))}` }) }] } : {}),
          }, (error, result) => (error ? reject(error) : resolve(result)));
        });
        instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
        const result = await done;
        // With a worker, autocannon reports percentiles itself (p90 and p97.5 bracket p95).
        load[name] = {
          p95: latencies.length ? round(percentile(latencies, 95)) : NaN,
          p90: result.latency.p90,
          p97_5: result.latency.p97_5,
          p99: result.latency.p99,
          requestsPerSecond: Math.round(result.requests.average),
          errors: result.errors,
          non2xx: result.non2xx,
        };
        process.stderr.write(`${name}: ${JSON.stringify(load[name])}\n`);
      }
    } finally {
      await app.close();
    }
    process.stdout.write(
      `${JSON.stringify({ benchmark: 'web', commitments: counts[0]!.c, milestones: counts[0]!.m, connections: CONNECTIONS, seconds: DURATION, load, directMs: direct })}\n`,
    );
  } finally {
    await db.close();
  }
}

await main();
