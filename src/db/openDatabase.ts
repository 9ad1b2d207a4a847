// Connects to DATABASE_URL when it is set, otherwise starts (or attaches to) the embedded server; then checks
// the connection and brings the schema up to date. Returns one handle that closes everything it opened.
import path from 'node:path';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { checkConnection, createPool, describeDatabaseUrl, type Pool } from './createPool.ts';
import { runMigrations } from './runMigrations.ts';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../local/startEmbeddedPostgres.ts';

export interface Database {
  pool: Pool;
  url: string;
  embedded: EmbeddedPostgres | null;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  migrate?: boolean;
}

export async function openDatabase(config: Config, logger: Logger, options: OpenDatabaseOptions = {}): Promise<Database> {
  let embedded: EmbeddedPostgres | null = null;
  let url = config.database.url;
  if (!url) {
    embedded = await startEmbeddedPostgres({
      dataDir: config.database.embeddedDataDir,
      port: config.database.embeddedPort,
      log: (line) => logger.debug({ component: 'postgres' }, line),
    });
    url = embedded.url;
    if (embedded.portSource === 'chosen') {
      logger.warn(
        { dataDir: config.database.embeddedDataDir, port: embedded.port, portFile: embedded.portFile },
        `port ${config.database.embeddedPort} is taken by another program: the embedded PostgreSQL of this data directory uses port ${embedded.port} from now on`,
      );
    } else if (embedded.portSource === 'remembered') {
      logger.info(
        { dataDir: config.database.embeddedDataDir, port: embedded.port, portFile: embedded.portFile },
        `the embedded PostgreSQL uses port ${embedded.port}, remembered for this data directory (port ${config.database.embeddedPort} was taken)`,
      );
    }
    logger.info(
      { dataDir: config.database.embeddedDataDir, port: embedded.port, attached: embedded.attached },
      embedded.attached ? 'using the embedded PostgreSQL of a running policywatch' : 'embedded PostgreSQL started',
    );
  }
  const pool = createPool(url, {
    max: config.database.poolSize,
    onError: (error) => logger.warn({ err: error }, 'idle database connection failed'),
  });
  const close = async (): Promise<void> => {
    await pool.end().catch(() => undefined);
    await embedded?.stop();
  };
  try {
    await checkConnection(pool, url);
    if (options.migrate !== false) {
      const result = await runMigrations(pool, path.join(config.root, 'migrations'));
      if (result.applied.length) logger.info({ applied: result.applied, version: result.current }, 'database migrated');
    }
  } catch (error) {
    await close();
    throw error;
  }
  logger.debug({ database: describeDatabaseUrl(url) }, 'database ready');
  return { pool, url, embedded, close };
}
