// A service process for the digest tests: one tick (enqueue alerts and digests, then deliver) at a fixed
// instant, through a Telegram adapter that appends each digest it is asked to send to a file (synchronously,
// before the worker records the outcome).
// env: DATABASE_URL, OUT_FILE, CLOCK_AT, DELAY_MS
import { appendFileSync } from 'node:fs';
import { createFixedClock } from '../../src/clock.ts';
import { createPool } from '../../src/db/createPool.ts';
import { createLogger } from '../../src/logger.ts';
import { runTick } from '../../src/schedule/runTick.ts';

const env = process.env;
const pool = createPool(env.DATABASE_URL!, { max: 4 });
const delay = Number(env.DELAY_MS ?? 0);
const report = await runTick({
  pool,
  clock: createFixedClock(new Date(env.CLOCK_AT!)),
  logger: createLogger({ level: 'silent', pretty: false }),
  policy: { timezone: 'Asia/Hong_Kong', leadDays: [30, 7, 1], sendAt: '09:00', missedGraceDays: 0, overdueEveryDays: 7 },
  leaseMs: 30_000,
  maxAttempts: 5,
  adapters: [
    {
      channel: 'telegram',
      async send(message) {
        if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
        if (message.digest) appendFileSync(env.OUT_FILE!, `${JSON.stringify({ pid: process.pid, subscription: message.digest.subscriptionId, week: message.digest.week })}\n`);
      },
    },
  ],
});
process.stdout.write(`${JSON.stringify(report)}\n`);
await pool.end();
