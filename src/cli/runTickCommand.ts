// policywatch tick [--at ISO] [--wait SECONDS] [--json]
import { createClock } from '../clock.ts';
import { openDatabase } from '../services/database.ts';
import { createAdapters } from '../notify/createAdapters.ts';
import { alertPolicyOf } from '../schedule/alertPolicyOf.ts';
import { digestSettingsOf } from '../schedule/digestSettingsOf.ts';
import { runTick } from '../schedule/runTick.ts';
import type { Command } from './CliContext.ts';
import { parseCommandArgs } from './parseCommandArgs.ts';
import { parseInstant } from './parseInstant.ts';
import { UsageError } from './UsageError.ts';

const USAGE = 'policywatch tick [--at ISO] [--wait SECONDS] [--json]';

export const runTickCommand: Command = async (args, context) => {
  const { config, logger, stdout, stderr } = context;
  const { values, positionals } = parseCommandArgs(
    args,
    { at: { type: 'string' }, wait: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    USAGE,
  );
  if (values.help) {
    stdout.write(`${USAGE}\n  One pass: queue every alert due up to now and deliver it; wait up to --wait seconds (default 60) for retries.\n`);
    return 0;
  }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`, USAGE);
  const waitSeconds = values.wait === undefined ? 60 : Number(values.wait);
  if (!Number.isFinite(waitSeconds) || waitSeconds < 0) throw new UsageError(`--wait must be a number of seconds, not "${values.wait}"`, USAGE);
  const clock = values.at ? createClock(parseInstant(values.at, '--at', USAGE)) : context.clock;
  const db = await openDatabase(config, logger);
  // With --json, stdout carries only the summary; console alerts go to stderr.
  const adapters = await createAdapters(config, logger, { consoleStream: values.json ? stderr : stdout, pool: db.pool });
  const stop = { stopped: false };
  void context.stopSignal.then(() => {
    stop.stopped = true;
  });
  try {
    const report = await runTick({
      pool: db.pool,
      clock,
      logger,
      policy: alertPolicyOf(config),
      digest: digestSettingsOf(config),
      adapters,
      leaseMs: config.tick.leaseSeconds * 1000,
      maxAttempts: config.tick.maxAttempts,
      waitMs: waitSeconds * 1000,
      stop,
    });
    if (report.coveredUntil.getTime() > clock.now().getTime()) {
      // A rehearsal at an earlier instant than a previous tick: say why nothing was owed.
      stderr.write(`note: an earlier tick already covered alerts up to ${report.coveredUntil.toISOString()}; nothing before that is sent again\n`);
    }
    const summary = { enqueued: report.enqueued, delivered: report.delivered, superseded: report.superseded, failed: report.failed };
    if (values.json) stdout.write(`${JSON.stringify(summary)}\n`);
    else stdout.write(`enqueued ${summary.enqueued}, delivered ${summary.delivered}, superseded ${summary.superseded}, failed ${summary.failed}${report.waiting ? `, ${report.waiting} waiting for a retry` : ''}\n`);
    return 0;
  } finally {
    for (const adapter of adapters) await adapter.close?.();
    await db.close();
  }
};
