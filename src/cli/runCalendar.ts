// policywatch calendar url|rotate <target>: the secret URL of a subscription's private calendar; rotate
// replaces it so the old URL stops working at once.
import { publicUrlOf } from '../config.ts';
import { openDatabase } from '../services/database.ts';
import { parseTarget } from '../domain/parseTarget.ts';
import { calendarUrlOf, CalendarTargetError, getCalendarToken, rotateCalendarToken } from '../services/tracker/calendarService.ts';
import type { Command } from './CliContext.ts';
import { parseCommandArgs } from './parseCommandArgs.ts';
import { UsageError } from './UsageError.ts';

const USAGE = 'policywatch calendar url|rotate <target>';

export const runCalendar: Command = async (args, { config, logger, clock, stdout }) => {
  const { values, positionals } = parseCommandArgs(args, { help: { type: 'boolean', short: 'h' } }, USAGE);
  if (values.help) {
    stdout.write(`${USAGE}\n  Prints the secret iCalendar URL of the target's subscription (rotate: a new one; the old one stops working).\n`);
    return 0;
  }
  const [action, targetText, extra] = positionals;
  if (action !== 'url' && action !== 'rotate') throw new UsageError(action ? `unknown action "${action}"` : 'say url or rotate', USAGE);
  if (!targetText) throw new UsageError('name the subscription target, e.g. telegram:-1001234', USAGE);
  if (extra) throw new UsageError(`unexpected argument "${extra}"`, USAGE);
  const target = parseTarget(targetText).key;
  const db = await openDatabase(config, logger);
  try {
    const token = action === 'url' ? await getCalendarToken(db.pool, target, clock.now()) : await rotateCalendarToken(db.pool, target, clock.now());
    stdout.write(`${calendarUrlOf(publicUrlOf(config), token)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof CalendarTargetError) throw new UsageError(error.message, USAGE);
    throw error;
  } finally {
    await db.close();
  }
};
