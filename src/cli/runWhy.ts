// policywatch why <target> <ref>[/<n>] [--at ISO] [--json]: the alert slots of a milestone up to an instant,
// whether the target gets each one and, if not, why (the tick's own rules plus what the outbox holds).
import { parseTarget } from '../domain/parseTarget.ts';
import { shortenText } from '../domain/shortenText.ts';
import { toLocalDate } from '../domain/zonedTime.ts';
import { alertPolicyOf } from '../schedule/alertPolicyOf.ts';
import { openDatabase } from '../services/database.ts';
import { explainAlerts, type AlertExplanation } from '../services/explainAlerts.ts';
import type { Command } from './CliContext.ts';
import { parseCommandArgs } from './parseCommandArgs.ts';
import { parseInstant } from './parseInstant.ts';
import { UsageError } from './UsageError.ts';

const USAGE = 'policywatch why <target> <ref>[/<n>] [--at ISO] [--json]';

export const runWhy: Command = async (args, { config, logger, clock, stdout }) => {
  const { values, positionals } = parseCommandArgs(args, { at: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, USAGE);
  if (values.help) {
    stdout.write(`${USAGE}\n  The alert slots of a milestone (every milestone of the ref without /n) up to now or --at: which the target\n  gets, and why not the others (switches, bureaus, mute, active since, status, superseded, sent, dead).\n`);
    return 0;
  }
  if (positionals.length !== 2) throw new UsageError('name a target and a ref', USAGE);
  const target = parseTarget(positionals[0]!).key;
  const at = values.at ? parseInstant(values.at, '--at', USAGE) : clock.now();
  const policy = alertPolicyOf(config);
  const db = await openDatabase(config, logger);
  try {
    const explanation = await explainAlerts(db.pool, { target, ref: positionals[1]! }, at, policy);
    stdout.write(values.json ? `${JSON.stringify(explanation, null, 2)}\n` : renderExplanation(explanation, policy.timezone));
    return 0;
  } finally {
    await db.close();
  }
};

function renderExplanation(explanation: AlertExplanation, timeZone: string): string {
  const clock = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const lines = [`alerts for ${explanation.target} up to ${explanation.at.toISOString()} (the tick has covered up to ${explanation.coveredUntil?.toISOString() ?? 'nothing yet'})`];
  for (const { milestone, slots } of explanation.milestones) {
    const state = milestone.withdrawn ? `${milestone.status}, withdrawn` : milestone.status;
    lines.push('', `${milestone.ref}/${milestone.seq} due ${milestone.due} (${state}): ${shortenText(milestone.phrase, 60)}`);
    if (!slots.length) {
      lines.push('  no alert slots yet in its current cycle');
      continue;
    }
    for (const slot of slots) {
      const kind = slot.leadDays === null ? slot.kind : `${slot.kind} (${slot.leadDays}d)`;
      const when = `${toLocalDate(slot.at, timeZone)} ${clock.format(slot.at)}`;
      lines.push(`  ${when}  ${kind.padEnd(17)} ${(slot.gets ? 'yes' : 'no').padEnd(3)}  ${slot.verdict}: ${slot.reason}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
