// Each shard's state and Discord's reachability from them: reachable only with every known shard ready.
import { describe, expect, it } from 'vitest';
import { trackShards } from '../../../src/bots/discord/trackShards.ts';
import { trackReachability } from '../../../src/bots/trackReachability.ts';
import { buildShardOptions } from '../../../src/bots/discord/buildShardOptions.ts';
import { silentLogger } from '../../support/seedTestDatabase.ts';

describe('trackShards', () => {
  it('is reachable only once every known shard is ready, and not while one reconnects or is closed for good', () => {
    let now = new Date('2024-12-24T01:00:00Z');
    const reachability = trackReachability('discord', silentLogger, () => now);
    const shards = trackShards(reachability, () => now);
    shards.know([0, 1]);
    shards.ready(0);
    expect(reachability.current()).toEqual({ state: 'connecting' });
    expect(shards.list().map((shard) => shard.state)).toEqual(['ready', 'connecting']);
    shards.ready(1);
    expect(reachability.current()).toEqual({ state: 'ok' });

    now = new Date('2024-12-24T01:05:00Z');
    shards.reconnecting(1);
    expect(reachability.current()).toMatchObject({ state: 'unreachable', reason: 'gateway shard 1 reconnecting' });
    shards.ready(1);
    expect(reachability.current()).toEqual({ state: 'ok' });

    now = new Date('2024-12-24T01:10:00Z');
    shards.disconnected(0, 4011);
    now = new Date('2024-12-24T01:11:00Z');
    shards.disconnected(0, 4011); // told again: still disconnected since the first time
    expect(shards.list()[0]).toEqual({ id: 0, state: 'disconnected', since: new Date('2024-12-24T01:10:00Z'), reason: 'code 4011' });
    expect(reachability.current()).toMatchObject({ state: 'unreachable', reason: 'gateway shard 0 disconnected (code 4011)' });

    shards.reset();
    expect(shards.list()).toEqual([]);
  });
});

describe('buildShardOptions', () => {
  it('passes "auto" through and turns a count into every shard id of that count', () => {
    expect(buildShardOptions('auto')).toEqual({ shards: 'auto' });
    expect(buildShardOptions(1)).toEqual({ shards: [0], shardCount: 1 });
    expect(buildShardOptions(3)).toEqual({ shards: [0, 1, 2], shardCount: 3 });
  });
});
