// policywatch status <ref>[/<n>] <met|claimed|rescheduled|dropped|pending> [--evidence URL] [--note TEXT] [--due YYYY-MM-DD]
import os from 'node:os';
import { openDatabase } from '../services/database.ts';
import { changeMilestoneStatus } from '../services/changeMilestoneStatus.ts';
import type { Command } from './CliContext.ts';
import { parseCommandArgs } from './parseCommandArgs.ts';
import { UsageError } from './UsageError.ts';

const USAGE = 'policywatch status <ref>[/<n>] <met|claimed|rescheduled|dropped|pending> [--evidence URL] [--note TEXT] [--due YYYY-MM-DD] [--actor NAME]';

export const runStatus: Command = async (args, { config, logger, clock, stdout }) => {
  const { values, positionals } = parseCommandArgs(
    args,
    { evidence: { type: 'string' }, note: { type: 'string' }, due: { type: 'string' }, actor: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    USAGE,
  );
  if (values.help) {
    stdout.write(`${USAGE}\n  Records a milestone's status in its history. "met" needs --evidence; "rescheduled" needs --due.\n`);
    return 0;
  }
  if (positionals.length !== 2) throw new UsageError('give a ref and a status', USAGE);
  const [ref, status] = positionals as [string, string];
  const db = await openDatabase(config, logger);
  try {
    const outcome = await changeMilestoneStatus(
      db.pool,
      ref,
      { to: status, evidenceUrl: values.evidence ?? null, due: values.due ?? null },
      { actor: values.actor ?? `cli:${os.userInfo().username}`, source: 'cli', note: values.note ?? null, at: clock.now() },
    );
    stdout.write(
      `${outcome.ref}/${outcome.seq}: ${outcome.previousStatus} -> ${outcome.status}` +
        `${outcome.due !== outcome.previousDue ? `, due ${outcome.previousDue} -> ${outcome.due}` : `, due ${outcome.due}`}\n`,
    );
    return 0;
  } finally {
    await db.close();
  }
};
