// The state of each gateway shard, for /healthz, and Discord's reachability from them: reachable once every
// shard of the client is ready, not while any is reconnecting or given up. discord.js emits shardDisconnect
// only for close codes it does not reconnect after (4010 Invalid shard, 4011 Sharding required, 4004, 4013,
// 4014), so a "disconnected" shard stays so until the bot logs in again: its guilds get no commands.
import type { ShardHealth, ShardState } from '../../services/checkHealth.ts';
import type { Reachability } from '../trackReachability.ts';

export interface ShardBoard {
  /** A new client: forget the shards of the previous one. */
  reset(): void;
  /** The client's shard ids, once it knows them ("auto" asks the gateway first); new ones start "connecting". */
  know(ids: Iterable<number>): void;
  ready(id: number): void;
  reconnecting(id: number): void;
  disconnected(id: number, code: number): void;
  list(): ShardHealth[];
}

export function trackShards(reachability: Reachability, now: () => Date = () => new Date()): ShardBoard {
  const shards = new Map<number, ShardHealth>();

  function set(id: number, state: ShardState, reason: string | null): void {
    const previous = shards.get(id);
    // "since" is when the shard entered this state, not when it was last told so.
    shards.set(id, { id, state, since: previous?.state === state ? previous.since : now(), reason });
    if (state === 'ready') {
      if ([...shards.values()].every((shard) => shard.state === 'ready')) reachability.reached();
    } else if (state !== 'connecting') {
      reachability.failed(new Error(`gateway shard ${id} ${state}${reason ? ` (${reason})` : ''}`));
    }
  }

  return {
    reset: () => shards.clear(),
    know(ids) {
      for (const id of ids) if (!shards.has(id)) shards.set(id, { id, state: 'connecting', since: now(), reason: null });
    },
    ready: (id) => set(id, 'ready', null),
    reconnecting: (id) => set(id, 'reconnecting', null),
    disconnected: (id, code) => set(id, 'disconnected', `code ${code}`),
    list: () => [...shards.values()].sort((a, b) => a.id - b.id).map((shard) => ({ ...shard })),
  };
}
