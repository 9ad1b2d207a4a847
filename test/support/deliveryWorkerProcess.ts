// A delivery worker in its own process, for the multi-process and crash tests. Its adapter appends each
// message's alert ids to a file (synchronously, before the worker records the outcome) and can be slowed.
// env: DATABASE_URL, OUT_FILE, DELAY_MS, LEASE_MS, BATCH_SIZE, CONCURRENCY, UNTIL_EMPTY, START_FILE (wait for it to exist, so
// several workers start draining together rather than whenever their process finished loading)
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { createClock } from '../../src/clock.ts';
import { createPool } from '../../src/db/createPool.ts';
import { createLogger } from '../../src/logger.ts';
import { deliverNotifications } from '../../src/notify/deliverNotifications.ts';

const env = process.env;
const pool = createPool(env.DATABASE_URL!, { max: 4 });
const delay = Number(env.DELAY_MS ?? 0);
if (env.START_FILE) {
  writeFileSync(`${env.OUT_FILE}.ready`, '');
  while (!existsSync(env.START_FILE)) await new Promise((resolve) => setTimeout(resolve, 10));
}
const drain = () => deliverNotifications({
  pool,
  clock: createClock(env.CLOCK_AT ? new Date(env.CLOCK_AT) : null),
  logger: createLogger({ level: 'silent', pretty: false }),
  timezone: 'Asia/Hong_Kong',
  leaseMs: Number(env.LEASE_MS ?? 30_000),
  maxAttempts: 5,
  batchSize: Number(env.BATCH_SIZE ?? 50),
  concurrency: Number(env.CONCURRENCY ?? 4),
  adapters: [
    {
      channel: 'telegram',
      async send(message) {
        if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
        appendFileSync(env.OUT_FILE!, `${JSON.stringify({ pid: process.pid, ids: message.items.map((i) => i.notificationId) })}\n`);
      },
    },
  ],
});
let report = await drain();
// UNTIL_EMPTY: like the service's delivery loop, a claim that found nothing free while another worker still
// holds rows is not the end: try again until no alert is pending or in flight.
while (env.UNTIL_EMPTY) {
  const { rows } = await pool.query("SELECT count(*)::int AS n FROM notifications WHERE state IN ('pending', 'sending')");
  if (rows[0].n === 0) break;
  await new Promise((resolve) => setTimeout(resolve, 20));
  const more = await drain();
  report = { delivered: report.delivered + more.delivered, superseded: report.superseded + more.superseded, dead: report.dead + more.dead, retried: report.retried + more.retried };
}
process.stdout.write(`${JSON.stringify(report)}\n`);
await pool.end();
