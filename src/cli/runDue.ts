// policywatch due [--at ISO] [--bureau CODE] [--json]
import { openDatabase } from '../services/database.ts';
import { findBureau } from '../domain/bureaus.ts';
import { alertPolicyOf } from '../schedule/alertPolicyOf.ts';
import { listDueMilestones } from '../services/listDueMilestones.ts';
import type { Command } from './CliContext.ts';
import { parseCommandArgs } from './parseCommandArgs.ts';
import { parseInstant } from './parseInstant.ts';
import { UsageError } from './UsageError.ts';

const USAGE = 'policywatch due [--at ISO] [--bureau CODE] [--lang zh|en] [--json]';

export const runDue: Command = async (args, { config, logger, clock, stdout }) => {
  const { values, positionals } = parseCommandArgs(
    args,
    { at: { type: 'string' }, bureau: { type: 'string', multiple: true }, lang: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    USAGE,
  );
  if (values.help) {
    stdout.write(`${USAGE}\n  Milestones approaching (within the longest lead time), due today or missed at that instant.\n`);
    return 0;
  }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`, USAGE);
  if (values.lang !== undefined && !['zh', 'zh-Hant', 'zh-HK', 'en'].includes(values.lang)) {
    throw new UsageError(`--lang must be zh or en, not "${values.lang}"`, USAGE);
  }
  const at = values.at ? parseInstant(values.at, '--at', USAGE) : clock.now();
  const bureaus = (values.bureau ?? []).map((name) => {
    const bureau = findBureau(name);
    if (!bureau) throw new UsageError(`unknown bureau "${name}"`, USAGE);
    return bureau.code;
  });
  const db = await openDatabase(config, logger);
  try {
    const due = await listDueMilestones(db.pool, { at, policy: alertPolicyOf(config), bureaus, language: values.lang ?? 'zh' });
    const rows = due.map((m) => ({
      ref: m.ref, seq: m.seq, due: m.due, state: m.state, bureaus: m.bureaus, text: m.text,
      texts: { 'zh-Hant': m.texts['zh-Hant'] ?? null, en: m.texts.en ?? null },
      kind: m.kind, status: m.status, daysLeft: m.daysLeft,
    }));
    if (values.json) stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    else if (!rows.length) stdout.write('nothing approaching, due or missed\n');
    else stdout.write(`${due.map((m) => `${m.due}\t${m.state}\t${m.daysLeft}\t${m.ref}/${m.seq}\t${m.bureaus.join(',')}\t${m.text.slice(0, 60)}`).join('\n')}\n`);
    return 0;
  } finally {
    await db.close();
  }
};
