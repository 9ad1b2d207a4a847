// Starts the test PostgreSQL server once per run and prepares a migrated template database.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { PROJECT_ROOT } from '../../src/config.ts';
import { createPool } from '../../src/db/createPool.ts';
import { runMigrations } from '../../src/db/runMigrations.ts';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/local/startEmbeddedPostgres.ts';
import { freePort } from './freePort.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string;
    templateDatabase: string;
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function dropLeftovers(adminUrl: string): Promise<void> {
  // Databases of earlier runs whose process is gone (a crashed run) are dropped; live runs are left alone.
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'pwtest\\_%'");
    for (const { datname } of rows) {
      const pid = Number(datname.split('_')[1]);
      let alive = false;
      try {
        process.kill(pid, 0);
        alive = true;
      } catch {
        alive = false;
      }
      if (!alive) await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(datname)} WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let embedded: EmbeddedPostgres | null = null;
  let tempDir: string | null = null;
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    tempDir = await mkdtemp(path.join(os.tmpdir(), 'policywatch-test-'));
    await chmod(tempDir, 0o755); // PostgreSQL may run as another user (when tests run as root)
    embedded = await startEmbeddedPostgres({ dataDir: path.join(tempDir, 'pg'), port: await freePort(), fast: true });
    adminUrl = embedded.adminUrl;
  }
  await dropLeftovers(adminUrl);
  const template = `pwtest_${process.pid}_template`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();
  const pool = createPool(withDatabase(adminUrl, template), { max: 1 });
  try {
    await runMigrations(pool, path.join(PROJECT_ROOT, 'migrations'));
  } finally {
    await pool.end();
  }
  project.provide('adminUrl', adminUrl);
  project.provide('templateDatabase', template);

  return async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`pwtest\\_${process.pid}\\_%`]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(datname)} WITH (FORCE)`);
    await client.end();
    await embedded?.stop();
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  };
}
