// policywatch subscribe / unsubscribe / subscriptions
import { openDatabase } from '../services/database.ts';
import { listSubscriptions, subscribe, unsubscribe, changeSubscriptionSettings, type SubscriptionRow } from '../services/subscriptions.ts';
import { findBureau } from '../domain/bureaus.ts';
import { parseTarget } from '../domain/parseTarget.ts';
import { isDigestWeekday } from '../domain/resolveDigestSchedule.ts';
import { isLocalTime, isTimeZone } from '../domain/zonedTime.ts';
import { parseMilestoneRef } from '../services/parseMilestoneRef.ts';
import type { Command } from './CliContext.ts';
import { parseCommandArgs } from './parseCommandArgs.ts';
import { UsageError } from './UsageError.ts';

const SUBSCRIBE_USAGE =
  'policywatch subscribe <target> [--bureau CODE ...|--all] [--ref REF ...] [--watchdog] [--digest] [--no-deadlines] [--lang zh-HK|en]' +
  ' [--digest-day mon..sun] [--digest-time HH:MM] [--timezone ZONE] [--digest-skip-empty|--digest-keep-empty]';
const UNSUBSCRIBE_USAGE = 'policywatch unsubscribe <target> [--bureau CODE ...|--ref REF ...|--all]';
const LIST_USAGE = 'policywatch subscriptions [--json] [--all]';

function bureauCodes(names: readonly string[], usage: string): string[] {
  return names.map((name) => {
    const bureau = findBureau(name);
    if (!bureau) throw new UsageError(`unknown bureau "${name}" (a code such as DEVB, or its Chinese or English name)`, usage);
    return bureau.code;
  });
}

function refsOf(values: readonly string[]): string[] {
  return values.map((value) => parseMilestoneRef(value).ref);
}

function describe(row: SubscriptionRow): string {
  const scope = row.bureaus === null && row.refs === null ? 'all bureaus' : [...(row.bureaus ?? []), ...(row.refs ?? [])].join(',');
  const switches = [row.deadlines && 'deadlines', row.watchdog && 'watchdog', row.digest && 'digest'].filter(Boolean).join('+') || 'nothing';
  const extra = [
    row.language,
    row.digest && (row.digestDay || row.digestTime || row.timezone) ? `digest ${[row.digestDay, row.digestTime, row.timezone].filter(Boolean).join(' ')}` : null,
    row.digestSkipEmpty === true ? 'empty digests skipped' : null,
    row.mutedUntil ? `muted until ${row.mutedUntil.toISOString()}` : null,
    row.disabledAt ? `disabled: ${row.disabledReason}` : null,
  ].filter(Boolean);
  return `${row.id}\t${row.target}\t${scope}\t${switches}\t${extra.join(', ')}`;
}

export const runSubscribe: Command = async (args, { config, logger, clock, stdout }) => {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      bureau: { type: 'string', multiple: true },
      ref: { type: 'string', multiple: true },
      all: { type: 'boolean' },
      watchdog: { type: 'boolean' },
      digest: { type: 'boolean' },
      'no-deadlines': { type: 'boolean' },
      lang: { type: 'string' },
      'digest-day': { type: 'string' },
      'digest-time': { type: 'string' },
      timezone: { type: 'string' },
      'digest-skip-empty': { type: 'boolean' },
      'digest-keep-empty': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    SUBSCRIBE_USAGE,
  );
  if (values.help) {
    stdout.write(`${SUBSCRIBE_USAGE}\n  target: console | telegram:<chat>[:<thread>] | discord:<channel> | discord-webhook:<url>\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('give exactly one target', SUBSCRIBE_USAGE);
  const target = parseTarget(positionals[0]!);
  const bureaus = bureauCodes((values.bureau ?? []).flatMap((v) => v.split(',')).filter(Boolean), SUBSCRIBE_USAGE);
  const refs = refsOf(values.ref ?? []);
  if (!values.all && !bureaus.length && !refs.length) throw new UsageError('say what to watch: --bureau CODE, --ref REF or --all', SUBSCRIBE_USAGE);
  if (values.all && (bureaus.length || refs.length)) throw new UsageError('--all cannot be combined with --bureau or --ref', SUBSCRIBE_USAGE);
  if (values.lang !== undefined && values.lang !== 'zh-HK' && values.lang !== 'en') throw new UsageError(`--lang must be zh-HK or en, not "${values.lang}"`, SUBSCRIBE_USAGE);
  const digestDay = values['digest-day']?.toLowerCase();
  if (digestDay !== undefined && !isDigestWeekday(digestDay)) throw new UsageError(`--digest-day must be one of mon … sun, not "${values['digest-day']}"`, SUBSCRIBE_USAGE);
  const digestTime = values['digest-time'];
  if (digestTime !== undefined && !isLocalTime(digestTime)) throw new UsageError(`--digest-time must be a local time HH:MM, not "${digestTime}"`, SUBSCRIBE_USAGE);
  if (values.timezone !== undefined && !isTimeZone(values.timezone)) throw new UsageError(`--timezone must be an IANA time zone such as Asia/Hong_Kong, not "${values.timezone}"`, SUBSCRIBE_USAGE);
  if (values['digest-skip-empty'] && values['digest-keep-empty']) throw new UsageError('--digest-skip-empty and --digest-keep-empty exclude each other', SUBSCRIBE_USAGE);
  const digestSkipEmpty = values['digest-skip-empty'] ? true : values['digest-keep-empty'] ? false : undefined;
  const db = await openDatabase(config, logger);
  try {
    let row = await subscribe(
      db.pool,
      {
        target: target.key,
        all: values.all,
        bureaus,
        refs,
        watchdog: values.watchdog ? true : undefined,
        digest: values.digest ? true : undefined,
        deadlines: values['no-deadlines'] ? false : undefined,
        language: values.lang as 'zh-HK' | 'en' | undefined,
      },
      clock.now(),
    );
    if (digestDay !== undefined || digestTime !== undefined || values.timezone !== undefined || digestSkipEmpty !== undefined) {
      row = (await changeSubscriptionSettings(db.pool, target.key, { digestDay, digestTime, timezone: values.timezone, digestSkipEmpty }, clock.now())) ?? row;
    }
    stdout.write(`subscribed: ${describe(row)}\n`);
    return 0;
  } finally {
    await db.close();
  }
};

export const runUnsubscribe: Command = async (args, { config, logger, clock, stdout }) => {
  const { values, positionals } = parseCommandArgs(
    args,
    { bureau: { type: 'string', multiple: true }, ref: { type: 'string', multiple: true }, all: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    UNSUBSCRIBE_USAGE,
  );
  if (values.help) {
    stdout.write(`${UNSUBSCRIBE_USAGE}\n  Removing the last bureau (or --all) disables the subscription; its history is kept.\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('give exactly one target', UNSUBSCRIBE_USAGE);
  const target = parseTarget(positionals[0]!);
  const bureaus = bureauCodes((values.bureau ?? []).flatMap((v) => v.split(',')).filter(Boolean), UNSUBSCRIBE_USAGE);
  const refs = refsOf(values.ref ?? []);
  if (!values.all && !bureaus.length && !refs.length) throw new UsageError('say what to stop watching: --bureau CODE, --ref REF or --all', UNSUBSCRIBE_USAGE);
  const db = await openDatabase(config, logger);
  try {
    const row = await unsubscribe(db.pool, target.key, { all: values.all, bureaus, refs }, clock.now());
    if (!row) {
      stdout.write(`no subscription for ${target.key}\n`);
      return 1;
    }
    if (!values.all && row.bureaus === null && row.refs === null && !row.disabledAt) {
      throw new UsageError(`${target.key} watches every bureau; unsubscribe --all, then subscribe to the bureaus you want`, UNSUBSCRIBE_USAGE);
    }
    stdout.write(`${row.disabledAt ? 'unsubscribed' : 'updated'}: ${describe(row)}\n`);
    return 0;
  } finally {
    await db.close();
  }
};

export const runSubscriptions: Command = async (args, { config, logger, stdout }) => {
  const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' }, all: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, LIST_USAGE);
  if (values.help) {
    stdout.write(`${LIST_USAGE}\n  Lists active subscriptions (--all includes disabled ones).\n`);
    return 0;
  }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`, LIST_USAGE);
  const db = await openDatabase(config, logger);
  try {
    const rows = await listSubscriptions(db.pool, { includeDisabled: values.all });
    if (values.json) stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    else stdout.write(rows.length ? `${rows.map(describe).join('\n')}\n` : 'no subscriptions\n');
    return 0;
  } finally {
    await db.close();
  }
};
