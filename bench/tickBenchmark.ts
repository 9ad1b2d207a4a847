// Tick and drain benchmark: 100,000 milestones and 10,000 subscriptions with mixed filters on a real
// PostgreSQL (an embedded one unless BENCH_DATABASE_URL names a server). Measures one 09:00 tick (compute
// and enqueue a day's alerts), a quiet tick a minute later, and the ledger draining to a no-op adapter.
// Prints one JSON line.
import pg from 'pg';
import { createFixedClock } from '../src/clock.ts';
import { createLogger } from '../src/logger.ts';
import { deliverNotifications } from '../src/notify/deliverNotifications.ts';
import { enqueueAlerts } from '../src/schedule/enqueueAlerts.ts';
import { openBenchDatabase } from './openBenchDatabase.ts';
import { LEDGER_POLICY, seedTickShape } from './seedAlertLedger.ts';
import { trackPeakRss } from './trackPeakRss.ts';

const MILESTONES = Number(process.env.BENCH_MILESTONES ?? 100_000);
const SUBSCRIPTIONS = Number(process.env.BENCH_SUBSCRIPTIONS ?? 10_000);
const policy = LEDGER_POLICY;
// Shape of the data: the share of past milestones still open (overdue) and of subscriptions to everything.
// BENCH_HEAVY=1 is a stress shape (10% overdue, 2% everything) far beyond real Policy Address data.
const HEAVY = process.env.BENCH_HEAVY === '1';
const OVERDUE_EVERY = HEAVY ? 10 : 50; // 1 in N past milestones still open
const ALL_EVERY = HEAVY ? 50 : 200; // 1 in N subscriptions watches everything
// A Monday: no overdue reminder is due (they share one weekly rhythm, on Wednesdays since 2025-01-01), so
// the tick queues the day's approaching and due alerts (55,254). BENCH_NOW=2025-06-04T09:30:00+08:00 is the
// reminder day, when every open overdue milestone's reminder goes out at once.
const NOW = new Date(process.env.BENCH_NOW ?? '2025-06-02T09:30:00+08:00');

const rss = trackPeakRss();

async function prepare(pool: pg.Pool): Promise<void> {
  await seedTickShape(pool, { milestones: MILESTONES, subscriptions: SUBSCRIPTIONS, overdueEvery: OVERDUE_EVERY, allEvery: ALL_EVERY, now: NOW });
}

async function main(): Promise<void> {
  const db = await openBenchDatabase();
  const { pool } = db;
  try {
    await prepare(pool);
    rss.reset();

    let started = performance.now();
    const busy = await enqueueAlerts(pool, NOW, policy);
    const busyMs = performance.now() - started;
    const tickPeakRssMb = rss.peakMb();

    started = performance.now();
    const quiet = await enqueueAlerts(pool, new Date(NOW.getTime() + 60_000), policy);
    const quietMs = performance.now() - started;

    const clock = createFixedClock(new Date(NOW.getTime() + 120_000));
    started = performance.now();
    const drained = await deliverNotifications({
      pool,
      clock,
      logger: createLogger({ level: 'silent', pretty: false }),
      timezone: policy.timezone,
      leaseMs: 600_000,
      maxAttempts: 5,
      batchSize: 2000,
      concurrency: 32,
      adapters: [{ channel: 'telegram', send: async () => undefined }],
    });
    const drainSeconds = (performance.now() - started) / 1000;
    process.stdout.write(
      `${JSON.stringify({
        name: HEAVY ? 'tick-heavy' : 'tick',
        milestones: MILESTONES,
        subscriptions: SUBSCRIPTIONS,
        tickEnqueued: busy.enqueued,
        tickSuperseded: busy.superseded,
        tickMs: Math.round(busyMs),
        tickPeakRssMb,
        quietTickMs: Math.round(quietMs),
        quietTickEnqueued: quiet.enqueued,
        drained: drained.delivered,
        drainSeconds: Number(drainSeconds.toFixed(2)),
        drainPerSecond: Math.round(drained.delivered / drainSeconds),
        peakRssMb: rss.peakMb(),
      })}\n`,
    );
  } finally {
    rss.stop();
    await db.close();
  }
}

await main();
