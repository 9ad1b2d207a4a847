// What /healthz says, on a real database: ok only with the database, every configured platform and the
// last tick fine; a tick success clears an earlier error; dead letters and unconfigured targets counted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subscribe } from '../../../src/db/subscriptions.ts';
import { createPool } from '../../../src/db/createPool.ts';
import { checkHealth, type PlatformReachability, type ShardHealth, type TickRecord } from '../../../src/services/checkHealth.ts';
import { createTestDatabase, type TestDatabase } from '../../support/createTestDatabase.ts';
import { freePort } from '../../support/freePort.ts';

describe('checkHealth', () => {
  let db: TestDatabase;
  const at = new Date('2024-12-24T01:00:00Z');

  beforeAll(async () => {
    db = await createTestDatabase();
    await subscribe(db.pool, { target: 'console', all: true }, at);
    await subscribe(db.pool, { target: 'discord:123456789012345678', all: true }, at);
    const discord = await subscribe(db.pool, { target: 'discord:223456789012345678', all: true }, at);
    await db.pool.query(
      `INSERT INTO notifications (dedupe_key, kind, subscription_id, due, slot_at, target, state, available_at, created_at, updated_at)
       VALUES ('a', 'approaching', $1, '2024-12-31', $2, 'discord:223456789012345678', 'pending', $2, $2, $2),
              ('b', 'due', $1, '2024-12-31', $2, 'discord:223456789012345678', 'dead', $2, $2, $2)`,
      [discord.id, at],
    );
  });
  afterAll(async () => {
    await db.drop();
  });

  const tick = (record: Partial<TickRecord>): (() => TickRecord) => () => ({ at, ok: true, error: null, lastSuccessAt: at, ...record });

  it('is ok with the database, the platforms and the last tick fine; lists targets with no adapter', async () => {
    const report = await checkHealth({ pool: db.pool, platforms: { telegram: () => ({ state: 'ok' }) }, lastTick: tick({}), deliverableChannels: ['console', 'telegram', 'discord-webhook'] });
    expect(report).toEqual({
      status: 'ok',
      database: 'ok',
      platforms: { telegram: 'ok' },
      lastTick: { at: at.toISOString(), ok: true, error: null, lastSuccessAt: at.toISOString() },
      deadLetters: 1,
      unconfiguredTargets: { discord: { subscriptions: 2, queued: 1 } },
    });
  });

  it('an unreachable platform or a failed last tick degrade it; a later success clears the error', async () => {
    const unreachable: PlatformReachability = { state: 'unreachable', since: at, reason: 'refused' };
    const down = await checkHealth({ pool: db.pool, platforms: { telegram: () => unreachable }, lastTick: tick({}), deliverableChannels: ['console', 'discord'] });
    expect(down.status).toBe('degraded');
    expect(down.platforms).toEqual({ telegram: 'unreachable since 2024-12-24T01:00:00.000Z' });
    expect(down.unconfiguredTargets).toEqual({});

    const record: TickRecord = { at, ok: false, error: 'connection terminated', lastSuccessAt: null };
    const failed = await checkHealth({ pool: db.pool, platforms: {}, lastTick: () => record, deliverableChannels: ['console', 'discord'] });
    expect(failed).toMatchObject({ status: 'degraded', lastTick: { ok: false, error: 'connection terminated' } });
    // what runStart does on the next successful tick
    Object.assign(record, { at: new Date(), ok: true, error: null, lastSuccessAt: new Date() });
    expect((await checkHealth({ pool: db.pool, platforms: {}, lastTick: () => record, deliverableChannels: ['console', 'discord'] })).status).toBe('ok');

    // Gateway shards: listed with their state; one not ready degrades the service even if the platform says ok.
    const shard = (id: number, state: ShardHealth['state'], reason: string | null = null): ShardHealth => ({ id, state, since: at, reason });
    const sharded = (list: ShardHealth[]) =>
      checkHealth({ pool: db.pool, platforms: { discord: () => ({ state: 'ok' }) }, shards: { discord: () => list }, lastTick: tick({}), deliverableChannels: ['console', 'discord'] });
    const allReady = await sharded([shard(0, 'ready'), shard(1, 'ready')]);
    expect(allReady.status).toBe('ok');
    expect(allReady.shards).toEqual({ discord: [{ id: 0, state: 'ready', since: at.toISOString(), reason: null }, { id: 1, state: 'ready', since: at.toISOString(), reason: null }] });
    expect((await sharded([shard(0, 'ready'), shard(1, 'disconnected', 'code 4011')])).status).toBe('degraded');
    expect((await sharded([shard(0, 'reconnecting'), shard(1, 'ready')])).status).toBe('degraded');

    const before = await checkHealth({ pool: db.pool, platforms: {}, lastTick: () => ({ at: null, ok: null, error: null, lastSuccessAt: null }), deliverableChannels: ['console', 'discord'] });
    expect(before.status).toBe('ok'); // no tick yet is not a failure
  });

  it('a database that does not answer degrades it', async () => {
    const pool = createPool(`postgres://nobody@127.0.0.1:${await freePort()}/none`, { max: 1 });
    try {
      const report = await checkHealth({ pool, platforms: {}, lastTick: tick({}), deliverableChannels: ['console'] });
      expect(report.status).toBe('degraded');
      expect(report.database).toMatch(/^unreachable: /);
      expect(report.deadLetters).toBeNull();
    } finally {
      await pool.end();
    }
  });
});
