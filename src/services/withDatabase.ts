// A command's database session: opened (embedded or DATABASE_URL, migrated) for the work, always closed.
// Command-line front-ends use this instead of reaching into src/db.
import type { Config } from '../config.ts';
import type { Pool } from '../db/createPool.ts';
import { openDatabase } from '../db/openDatabase.ts';
import type { Logger } from '../logger.ts';

export type { Pool } from '../db/createPool.ts';

export async function withDatabase<T>(config: Config, logger: Logger, work: (pool: Pool) => Promise<T>): Promise<T> {
  const db = await openDatabase(config, logger);
  try {
    return await work(db.pool);
  } finally {
    await db.close();
  }
}
