// Entry point of the `policywatch` command and of `npm start`. Resolves configuration, clock and logger
// once, dispatches to a command, and turns any failure into one line on stderr and a non-zero exit.
import { createClock } from './clock.ts';
import { loadConfig, type Config } from './config.ts';
import { createLogger, redactSecrets } from './logger.ts';
import type { CliContext, Command } from './cli/CliContext.ts';
import { UsageError } from './cli/UsageError.ts';

interface CommandEntry {
  name: string;
  summary: string;
  /** Long-running commands stop in order on SIGINT/SIGTERM; others just exit. */
  handlesSignals?: boolean;
  /** Commands that print machine-readable output log to stderr, and only warnings unless --verbose. */
  quiet?: boolean;
  load: () => Promise<Command>;
}

const COMMANDS: CommandEntry[] = [
  { name: 'start', summary: 'run the service: load seeds, schedule alerts, deliver, serve the public tracker and /healthz', handlesSignals: true, load: async () => (await import('./cli/runStart.ts')).runStart },
  { name: 'db migrate', summary: 'bring the database schema up to date', quiet: true, load: async () => (await import('./cli/runDbMigrate.ts')).runDbMigrate },
  { name: 'extract', summary: 'extract commitments and deadlines from a document (no database)', quiet: true, load: async () => (await import('./cli/runExtract.ts')).runExtract },
  { name: 'load', summary: 'load documents into the database (default: the seeds manifest)', quiet: true, load: async () => (await import('./cli/runLoad.ts')).runLoad },
  { name: 'documents', summary: 'list stored documents with their editions, counts and last load', quiet: true, load: async () => (await import('./cli/runDocuments.ts')).runDocuments },
  { name: 'withdraw', summary: 'withdraw a document (never deleted): no more alerts for its commitments', quiet: true, load: async () => (await import('./cli/runDocuments.ts')).runWithdraw },
  { name: 'show', summary: 'a commitment: texts, bureaux, milestones with status, provenance and history, carry-over links', quiet: true, load: async () => (await import('./cli/runShow.ts')).runShow },
  { name: 'status', summary: 'record a milestone status: met, claimed, rescheduled, dropped, pending', quiet: true, load: async () => (await import('./cli/runStatus.ts')).runStatus },
  { name: 'evidence', summary: 'evidence proposals: propose, list, approve, reject', quiet: true, load: async () => (await import('./cli/runEvidence.ts')).runEvidence },
  { name: 'carried-over', summary: 'commitments restated by a later document, with days slipped', quiet: true, load: async () => (await import('./cli/runCarriedOver.ts')).runCarriedOver },
  { name: 'link', summary: 'link remove <old-ref> <new-ref>: undo a carry-over link', quiet: true, load: async () => (await import('./cli/runCarriedOver.ts')).runLink },
  { name: 'subscribe', summary: 'subscribe a target to bureaus or refs', quiet: true, load: async () => (await import('./cli/runSubscribe.ts')).runSubscribe },
  { name: 'unsubscribe', summary: 'remove bureaus or refs from a target, or --all', quiet: true, load: async () => (await import('./cli/runSubscribe.ts')).runUnsubscribe },
  { name: 'subscriptions', summary: 'list subscriptions', quiet: true, load: async () => (await import('./cli/runSubscribe.ts')).runSubscriptions },
  { name: 'due', summary: 'milestones approaching, due or missed at an instant', quiet: true, load: async () => (await import('./cli/runDue.ts')).runDue },
  { name: 'digest', summary: 'preview the weekly digest of a subscription, bureaux or everything', quiet: true, load: async () => (await import('./cli/runDigest.ts')).runDigest },
  { name: 'dead', summary: 'list alerts that could not be delivered, with the reason', quiet: true, load: async () => (await import('./cli/runDeadLetters.ts')).runDead },
  { name: 'retry', summary: 'requeue dead alerts by id or --target', quiet: true, load: async () => (await import('./cli/runDeadLetters.ts')).runRetry },
  { name: 'why', summary: 'explain which alerts of a milestone a target gets, and why not the others', quiet: true, load: async () => (await import('./cli/runWhy.ts')).runWhy },
  { name: 'calendar', summary: 'the secret calendar URL of a subscription: url <target> or rotate <target>', quiet: true, load: async () => (await import('./cli/runCalendar.ts')).runCalendar },
  { name: 'tick', summary: 'one pass: queue alerts due up to now and deliver them', quiet: true, handlesSignals: true, load: async () => (await import('./cli/runTickCommand.ts')).runTickCommand },
];

const HELP = `policywatch — deadlines from government commitments, with alerts on Telegram and Discord

Usage: policywatch <command> [options]        (in a checkout: npm run -s cli -- <command> [options])

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(16)}${c.summary}`).join('\n')}

Global options:
  --help, -h      show help (also: policywatch <command> --help)
  --verbose       log more, and print stack traces on errors

Configuration: config/default.json, overridden by environment variables (see README).
Without DATABASE_URL an embedded PostgreSQL is started with its data under .data/pg.`;

function findCommand(args: string[]): { entry: CommandEntry; rest: string[] } | null {
  for (const entry of COMMANDS) {
    const words = entry.name.split(' ');
    if (words.every((word, i) => args[i] === word)) return { entry, rest: args.slice(words.length) };
  }
  return null;
}

function createStopSignal(handlesSignals: boolean, onFirst: (signal: string) => void): Promise<string> {
  return new Promise((resolve) => {
    let received = 0;
    const handler = (signal: NodeJS.Signals): void => {
      received += 1;
      if (!handlesSignals || received > 1) process.exit(130);
      onFirst(signal);
      resolve(signal);
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
  });
}

export async function main(argv: string[]): Promise<number> {
  const verbose = argv.includes('--verbose');
  const args = argv.filter((arg) => arg !== '--verbose');
  if (args.length === 0 || args[0] === '--help' || args[0] === '-h' || args[0] === 'help') {
    process.stdout.write(`${HELP}\n`);
    return args.length === 0 ? 2 : 0;
  }
  const found = findCommand(args);
  let config: Config | null = null;
  try {
    if (!found) throw new UsageError(`unknown command "${args.join(' ')}"`, 'policywatch --help lists the commands');
    config = loadConfig();
    const clock = createClock(config.now);
    const quiet = found.entry.quiet && !verbose;
    const logger = createLogger({
      level: verbose ? 'debug' : quiet ? 'warn' : config.log.level,
      secrets: [config.telegram.token, config.telegram.webhookSecret, config.discord.token, config.database.url],
      // Machine-readable commands keep stdout for their output.
      ...(found.entry.quiet ? { destination: process.stderr, pretty: false } : {}),
    });
    let stopping = false;
    const context: CliContext = {
      config,
      clock,
      logger,
      stdout: process.stdout,
      stderr: process.stderr,
      verbose,
      stopSignal: createStopSignal(Boolean(found.entry.handlesSignals), (signal) => {
        stopping = true;
        logger.info({ signal }, 'stopping');
      }),
    };
    const command = await found.entry.load();
    const code = await command(found.rest, context);
    return stopping ? 0 : code;
  } catch (error) {
    reportError(error, verbose, config);
    return error instanceof UsageError ? 2 : 1;
  }
}

function reportError(error: unknown, verbose: boolean, config: Config | null): void {
  const message = error instanceof Error ? error.message : String(error);
  const secrets = [config?.telegram.token, config?.telegram.webhookSecret, config?.discord.token, config?.database.url];
  process.stderr.write(`policywatch: ${redactSecrets(message, secrets)}\n`);
  if (error instanceof UsageError && error.usage) process.stderr.write(`usage: ${error.usage}\n`);
  if (verbose && error instanceof Error && error.stack) process.stderr.write(`${redactSecrets(error.stack, secrets)}\n`);
}

const code = await main(process.argv.slice(2));
// Let streams flush; an explicit exit also ends any timers a library left behind.
process.stdout.write('', () => process.exit(code));
