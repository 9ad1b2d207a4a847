// The ledger against a peer: graphile-worker (its batched settings: a local queue of 500 jobs and batched
// completion) drains N no-op jobs, and policywatch's delivery worker drains the N alerts of one busy tick
// (leases, staleness re-check against the milestones, grouping per target, fenced outcomes) to a no-op
// adapter — on the same PostgreSQL, graphile-worker in a schema of its own, in alternating rounds. Prints the
// median rate of each and their ratio per alert (policywatch ÷ graphile-worker) as one JSON line.
// BENCH_PEER_ROUNDS (default 3) rounds each; BENCH_QUICK=1 seeds a tenth of the subscriptions (about 10,000 alerts).
// BENCH_PEER_BEFORE=<dir> also drains with the worker of another checkout (e.g. `git archive` of an earlier
// commit, with node_modules linked), in the same rounds, to measure a change side by side.
import { makeWorkerUtils, run, runMigrations as runGraphileMigrations, type WorkerUtils } from 'graphile-worker';
import path from 'node:path';
import { createFixedClock } from '../src/clock.ts';
import { createLogger } from '../src/logger.ts';
import { deliverNotifications } from '../src/notify/deliverNotifications.ts';
import { openBenchDatabase } from './openBenchDatabase.ts';
import { LEDGER_NOW, LEDGER_POLICY, restoreAlertLedger, seedAlertLedger } from './seedAlertLedger.ts';

const QUICK = process.env.BENCH_QUICK === '1';
const ROUNDS = Number(process.env.BENCH_PEER_ROUNDS ?? 3);
const MILESTONES = 100_000;
// The tick benchmark's shape with more subscriptions: on this tree 10,000 give 55,254 alerts, 18,250 about 100,000.
const SUBSCRIPTIONS = Number(process.env.BENCH_PEER_SUBSCRIPTIONS ?? (QUICK ? 1_800 : 18_250));
const GRAPHILE_SCHEMA = 'graphile_worker_bench';
// graphile-worker's performance guide: batched fetch into a local queue, completions written in batches.
const GRAPHILE_SETTINGS = { concurrentJobs: 24, maxPoolSize: 25, localQueue: { size: 500 }, completeJobBatchDelay: 0, failJobBatchDelay: 0 };
// The tick benchmark's drain settings (the production defaults for a no-op channel).
const DRAIN_SETTINGS = { leaseMs: 600_000, maxAttempts: 5, batchSize: 2000, concurrency: 32 };

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const silent = { level: 'silent' as const, pretty: false };

async function drainGraphile(url: string, utils: WorkerUtils, jobs: number): Promise<number> {
  const spec = Array.from({ length: 10_000 }, () => ({ identifier: 'noop', payload: {} }));
  for (let added = 0; added < jobs; added += spec.length) await utils.addJobs(spec.slice(0, Math.min(spec.length, jobs - added)));
  await utils.withPgClient((client) => client.query(`VACUUM ANALYZE ${GRAPHILE_SCHEMA}._private_jobs`));
  let done = 0;
  let finish!: () => void;
  const allDone = new Promise<void>((resolve) => (finish = resolve));
  const started = performance.now();
  const runner = await run({
    noHandleSignals: true,
    logger: quietGraphileLogger,
    preset: { worker: { connectionString: url, schema: GRAPHILE_SCHEMA, ...GRAPHILE_SETTINGS } },
    taskList: {
      noop: async () => {
        if (++done === jobs) finish();
      },
    },
  });
  await allDone;
  // Drained when the last completion is written (completions are batched), not when the last task ran.
  const countLeft = async (): Promise<number> =>
    (await utils.withPgClient((client) => client.query(`SELECT count(*)::int AS left FROM ${GRAPHILE_SCHEMA}._private_jobs`))).rows[0].left;
  while ((await countLeft()) > 0) await new Promise((resolve) => setTimeout(resolve, 5));
  const seconds = (performance.now() - started) / 1000;
  await runner.stop();
  return jobs / seconds;
}

type Deliver = typeof deliverNotifications;

async function drainPolicywatch(deliver: Deliver, pool: Parameters<Deliver>[0]['pool'], alerts: number): Promise<{ perSecond: number; messages: number }> {
  await restoreAlertLedger(pool);
  let messages = 0;
  const started = performance.now();
  const report = await deliver({
    pool,
    clock: createFixedClock(new Date(LEDGER_NOW.getTime() + 120_000)),
    logger: createLogger(silent),
    timezone: LEDGER_POLICY.timezone,
    ...DRAIN_SETTINGS,
    adapters: [{ channel: 'telegram', send: async () => void messages++ }],
  });
  const seconds = (performance.now() - started) / 1000;
  if (report.delivered !== alerts) throw new Error(`policywatch delivered ${report.delivered} of ${alerts}`);
  return { perSecond: alerts / seconds, messages };
}

// graphile-worker logs each start and stop at info; only its warnings and errors are worth seeing here.
const { Logger } = await import('graphile-worker');
const quietGraphileLogger = new Logger(() => (level: string, message: string) => {
  if (level === 'error' || level === 'warning') process.stderr.write(`graphile-worker ${level}: ${message}\n`);
});

const db = await openBenchDatabase();
try {
  const alerts = await seedAlertLedger(db.pool, { milestones: MILESTONES, subscriptions: SUBSCRIPTIONS });
  await runGraphileMigrations({ connectionString: db.url, schema: GRAPHILE_SCHEMA, logger: quietGraphileLogger });
  const utils = await makeWorkerUtils({ connectionString: db.url, schema: GRAPHILE_SCHEMA, logger: quietGraphileLogger });
  const graphile: number[] = [];
  const policywatch: number[] = [];
  const before: number[] = [];
  const beforeDir = process.env.BENCH_PEER_BEFORE;
  const deliverBefore: Deliver | null = beforeDir
    ? ((await import(path.resolve(beforeDir, 'src/notify/deliverNotifications.ts'))) as { deliverNotifications: Deliver }).deliverNotifications
    : null;
  let messages = 0;
  try {
    for (let round = 0; round < ROUNDS; round++) {
      // The order rotates each round, so none always meets a warmer cache or a quieter machine.
      const contenders = deliverBefore ? ['graphile', 'policywatch', 'before'] : ['graphile', 'policywatch'];
      const order = contenders.map((_, i) => contenders[(i + round) % contenders.length]!);
      for (const which of order) {
        let rate: number;
        if (which === 'graphile') graphile.push((rate = await drainGraphile(db.url, utils, alerts)));
        else if (which === 'before') before.push((rate = (await drainPolicywatch(deliverBefore!, db.pool, alerts)).perSecond));
        else {
          const drained = await drainPolicywatch(deliverNotifications, db.pool, alerts);
          policywatch.push((rate = drained.perSecond));
          messages = drained.messages;
        }
        process.stderr.write(`peer round ${round + 1} ${which}: ${Math.round(rate)}/s\n`);
      }
    }
  } finally {
    await utils.release();
  }
  const graphileMedian = median(graphile);
  const policywatchMedian = median(policywatch);
  process.stdout.write(
    `${JSON.stringify({
      name: 'peer-ledger',
      n: alerts,
      messages,
      rounds: ROUNDS,
      graphileJobsPerSecond: Math.round(graphileMedian),
      policywatchAlertsPerSecond: Math.round(policywatchMedian),
      ratio: Number((policywatchMedian / graphileMedian).toFixed(2)),
      graphileRounds: graphile.map(Math.round),
      policywatchRounds: policywatch.map(Math.round),
      ...(before.length
        ? { beforeAlertsPerSecond: Math.round(median(before)), beforeRatio: Number((median(before) / graphileMedian).toFixed(2)), beforeRounds: before.map(Math.round) }
        : {}),
      graphileVersion: (await import('graphile-worker/package.json', { with: { type: 'json' } })).default.version,
    })}\n`,
  );
} finally {
  await db.close();
}
