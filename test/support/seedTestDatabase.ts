// Loads the real seed chapter into a test database, as `npm start` would.
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config.ts';
import type { Pool } from '../../src/db/createPool.ts';
import { loadSeeds } from '../../src/ingest/loadSeeds.ts';
import { createLogger } from '../../src/logger.ts';

export const SEED_MANIFEST = path.join(PROJECT_ROOT, 'seeds', 'manifest.yaml');
export const silentLogger = createLogger({ level: 'silent', pretty: false });

export async function seedTestDatabase(pool: Pool, now = new Date('2024-10-16T12:00:00+08:00')): Promise<void> {
  await loadSeeds(pool, SEED_MANIFEST, { now, logger: silentLogger });
}
