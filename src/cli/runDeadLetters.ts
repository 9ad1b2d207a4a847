// policywatch dead [--target T] [--json]   and   policywatch retry <id …> | --target T
import { openDatabase } from '../services/database.ts';
import { listDeadLetters, retryDeadLetters } from '../services/deadLetters.ts';
import type { Command } from './CliContext.ts';
import { parseCommandArgs } from './parseCommandArgs.ts';
import { UsageError } from './UsageError.ts';

const DEAD_USAGE = 'policywatch dead [--target TARGET] [--json]';
const RETRY_USAGE = 'policywatch retry <id …> | --target TARGET';

export const runDead: Command = async (args, { config, logger, stdout }) => {
  const { values, positionals } = parseCommandArgs(
    args,
    { target: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    DEAD_USAGE,
  );
  if (values.help) {
    stdout.write(`${DEAD_USAGE}\n  Alerts and digests that could not be delivered, newest first, with the reason.\n`);
    return 0;
  }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`, DEAD_USAGE);
  const db = await openDatabase(config, logger);
  try {
    const dead = await listDeadLetters(db.pool, { target: values.target ?? null });
    if (values.json) {
      stdout.write(`${JSON.stringify(dead.map((d) => ({ ...d, updatedAt: d.updatedAt.toISOString() })), null, 2)}\n`);
    } else if (!dead.length) {
      stdout.write('no dead alerts\n');
    } else {
      const lines = dead.map((d) => [d.id, d.kind, d.target, d.ref ? `${d.ref}/${d.seq}` : '-', d.due ?? '-', d.attempts, d.reason ?? ''].join('\t'));
      stdout.write(`id\tkind\ttarget\tmilestone\tdue\tattempts\treason\n${lines.join('\n')}\n`);
    }
    return 0;
  } finally {
    await db.close();
  }
};

export const runRetry: Command = async (args, { config, logger, clock, stdout }) => {
  const { values, positionals } = parseCommandArgs(args, { target: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, RETRY_USAGE);
  if (values.help) {
    stdout.write(`${RETRY_USAGE}\n  Puts dead alerts back in the queue with fresh attempts (by id, or every dead alert of a target).\n`);
    return 0;
  }
  if (!positionals.length && !values.target) throw new UsageError('name the dead alerts to retry: ids, or --target', RETRY_USAGE);
  if (positionals.length && values.target) throw new UsageError('give ids or --target, not both', RETRY_USAGE);
  const ids = positionals.map((text) => {
    if (!/^\d+$/.test(text)) throw new UsageError(`"${text}" is not an alert id (see policywatch dead)`, RETRY_USAGE);
    return Number(text);
  });
  const db = await openDatabase(config, logger);
  try {
    const requeued = await retryDeadLetters(db.pool, values.target ? { target: values.target } : { ids }, clock.now());
    const missing = ids.filter((id) => !requeued.includes(id));
    if (missing.length) process.stderr.write(`not dead (or no such alert): ${missing.join(', ')}\n`);
    stdout.write(`requeued ${requeued.length} alert${requeued.length === 1 ? '' : 's'}${requeued.length ? ': a running service sends them now, or run policywatch tick' : ''}\n`);
    return requeued.length || !ids.length ? 0 : 1;
  } finally {
    await db.close();
  }
};
