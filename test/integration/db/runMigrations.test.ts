import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../src/config.ts';
import { MigrationError } from '../../../src/db/DatabaseError.ts';
import { runMigrations } from '../../../src/db/runMigrations.ts';
import { createTestDatabase, type TestDatabase } from '../../support/createTestDatabase.ts';

const MIGRATIONS = path.join(PROJECT_ROOT, 'migrations');

describe('runMigrations', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  it('finds the template already migrated and applies nothing twice', async () => {
    const first = await runMigrations(db.pool, MIGRATIONS);
    expect(first.applied).toEqual([]);
    expect(first.current).toBeGreaterThanOrEqual(1);
    const { rows } = await db.pool.query('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toContain(1);
  });

  it('lets two runners start at once without colliding', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pw-mig-'));
    await writeFile(path.join(dir, '0001_initial.sql'), await import('node:fs/promises').then((fs) => fs.readFile(path.join(MIGRATIONS, '0001_initial.sql'), 'utf8')));
    await writeFile(path.join(dir, '9001_extra.sql'), 'CREATE TABLE extra_table (id int); SELECT pg_sleep(0.2);');
    const results = await Promise.all([runMigrations(db.pool, dir), runMigrations(db.pool, dir)]);
    const applied = results.flatMap((r) => r.applied);
    expect(applied).toEqual(['9001_extra.sql']);
  });

  it('refuses a database that is newer than the code', async () => {
    await expect(runMigrations(db.pool, MIGRATIONS)).rejects.toThrow(/schema version 9001 but this code only knows up to \d+; upgrade policywatch/);
  });

  it('rolls a failing migration back and names the file and line', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pw-mig-'));
    const fs = await import('node:fs/promises');
    await writeFile(path.join(dir, '0001_initial.sql'), await fs.readFile(path.join(MIGRATIONS, '0001_initial.sql'), 'utf8'));
    await writeFile(path.join(dir, '9001_extra.sql'), 'CREATE TABLE extra_table (id int); SELECT pg_sleep(0.2);');
    await writeFile(path.join(dir, '9002_broken.sql'), 'CREATE TABLE half_done (id int);\nSELECT * FROM\n  no_such_table;');
    const error = await runMigrations(db.pool, dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).message).toMatch(/9002_broken\.sql: relation "no_such_table" does not exist \(line 3\)/);
    const { rows } = await db.pool.query("SELECT to_regclass('half_done') AS t");
    expect(rows[0].t).toBeNull();
  });
});
