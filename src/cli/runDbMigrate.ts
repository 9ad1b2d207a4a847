// policywatch db migrate
import path from 'node:path';
import { openDatabase, runMigrations } from '../services/database.ts';
import type { Command } from './CliContext.ts';
import { parseCommandArgs } from './parseCommandArgs.ts';
import { UsageError } from './UsageError.ts';

const USAGE = 'policywatch db migrate';

export const runDbMigrate: Command = async (args, { config, logger, stdout }) => {
  const { positionals, values } = parseCommandArgs(args, { help: { type: 'boolean', short: 'h' } }, USAGE);
  if (values.help) {
    stdout.write(`${USAGE}\n  Applies pending migrations from migrations/ (each in its own transaction).\n`);
    return 0;
  }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`, USAGE);
  const db = await openDatabase(config, logger, { migrate: false });
  try {
    const result = await runMigrations(db.pool, path.join(config.root, 'migrations'));
    stdout.write(
      result.applied.length
        ? `applied ${result.applied.join(', ')}; schema version ${result.current}\n`
        : `schema is up to date (version ${result.current})\n`,
    );
    return 0;
  } finally {
    await db.close();
  }
};
