// Plain SQL migrations, forward-only. Each file runs in its own transaction and is recorded in
// schema_migrations; an advisory lock lets two processes start at once without colliding, and a database
// that has seen a newer migration than this code knows refuses to run rather than guess.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Pool } from './createPool.ts';
import { MigrationError } from './DatabaseError.ts';
import { withClient } from './withClient.ts';

// Any fixed 64-bit number; it only has to differ from other advisory locks the application takes.
const MIGRATION_LOCK_ID = 7_244_031_001;
const FILE_NAME = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export interface Migration {
  version: number;
  name: string;
  file: string;
  sql: string;
  checksum: string;
}

export async function readMigrations(dir: string): Promise<Migration[]> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (error) {
    throw new MigrationError(null, `cannot read ${dir}: ${(error as Error).message}`, { cause: error });
  }
  const migrations: Migration[] = [];
  for (const entry of entries.sort()) {
    if (!entry.endsWith('.sql')) continue;
    const match = FILE_NAME.exec(entry);
    if (!match) throw new MigrationError(entry, 'file name must look like NNNN_name.sql');
    const sql = await readFile(path.join(dir, entry), 'utf8');
    const version = Number(match[1]);
    if (migrations.some((m) => m.version === version)) throw new MigrationError(entry, `version ${version} is used twice`);
    migrations.push({ version, name: match[2]!, file: entry, sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  return migrations;
}

function lineOf(sql: string, position: string | undefined): string {
  if (!position) return '';
  const offset = Number(position);
  return ` (line ${sql.slice(0, offset).split('\n').length})`;
}

export interface MigrationResult {
  applied: string[];
  current: number;
}

export async function runMigrations(pool: Pool, dir: string): Promise<MigrationResult> {
  const migrations = await readMigrations(dir);
  const latest = migrations.at(-1)?.version ?? 0;
  return withClient(pool, 'migrating the database', async (client) => {
    try {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        checksum text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
      const { rows } = await client.query<{ version: number; name: string; checksum: string }>(
        'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
      );
      const newest = rows.at(-1)?.version ?? 0;
      if (newest > latest) {
        throw new MigrationError(
          null,
          `the database is at schema version ${newest} but this code only knows up to ${latest}; upgrade policywatch before running it against this database`,
        );
      }
      const applied = new Map(rows.map((row) => [row.version, row]));
      for (const migration of migrations) {
        const done = applied.get(migration.version);
        if (done && done.checksum !== migration.checksum) {
          throw new MigrationError(migration.file, 'was edited after it was applied; add a new migration instead');
        }
      }
      const result: MigrationResult = { applied: [], current: newest };
      for (const migration of migrations) {
        if (applied.has(migration.version)) continue;
        try {
          await client.query('BEGIN');
          await client.query(migration.sql);
          await client.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
            migration.version,
            migration.name,
            migration.checksum,
          ]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          const pgError = error as { message?: string; position?: string };
          throw new MigrationError(migration.file, `${pgError.message ?? String(error)}${lineOf(migration.sql, pgError.position)}`, {
            cause: error,
          });
        }
        result.applied.push(migration.file);
        result.current = migration.version;
      }
      return result;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    }
  });
}
