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
  { name: 'start', summary: 'run the service: load seeds, schedule alerts, deliver, serve /healthz', handlesSignals: true, load: async () => (await import('./cli/runStart.ts')).runStart },
  { name: 'db migrate', summary: 'bring the database schema up to date', quiet: true, load: async () => (await import('./cli/runDbMigrate.ts')).runDbMigrate },
  { name: 'extract', summary: 'extract commitments and deadlines from a document (no database)', quiet: true, load: async () => (await import('./cli/runExtract.ts')).runExtract },
  { name: 'load', summary: 'load documents into the database (default: the seeds manifest)', quiet: true, load: async () => (await import('./cli/runLoad.ts')).runLoad },
  { name: 'status', summary: 'record a milestone status: met, claimed, rescheduled, dropped, pending', quiet: true, load: async () => (await import('./cli/runStatus.ts')).runStatus },
  { name: 'subscribe', summary: 'subscribe a target to bureaus or refs', quiet: true, load: async () => (await import('./cli/runSubscribe.ts')).runSubscribe },
  { name: 'unsubscribe', summary: 'remove bureaus or refs from a target, or --all', quiet: true, load: async () => (await import('./cli/runSubscribe.ts')).runUnsubscribe },
  { name: 'subscriptions', summary: 'list subscriptions', quiet: true, load: async () => (await import('./cli/runSubscribe.ts')).runSubscriptions },
  { name: 'due', summary: 'milestones approaching, due or missed at an instant', quiet: true, load: async () => (await import('./cli/runDue.ts')).runDue },
  { name: 'digest', summary: 'preview the weekly digest of a subscription, bureaux or everything', quiet: true, load: async () => (await import('./cli/runDigest.ts')).runDigest },
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
      secrets: [config.telegram.token, config.discord.token, config.database.url],
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
  const secrets = [config?.telegram.token, config?.discord.token, config?.database.url];
  process.stderr.write(`policywatch: ${redactSecrets(message, secrets)}\n`);
  if (error instanceof UsageError && error.usage) process.stderr.write(`usage: ${error.usage}\n`);
  if (verbose && error instanceof Error && error.stack) process.stderr.write(`${redactSecrets(error.stack, secrets)}\n`);
}

const code = await main(process.argv.slice(2));
// Let streams flush; an explicit exit also ends any timers a library left behind.
process.stdout.write('', () => process.exit(code));
