// What /healthz reports: the service is "ok" only when the database answers, every configured platform is
// reachable and the last tick succeeded. A success after an outage clears the tick's error, so an old
// failure never keeps the service "degraded". Targets on channels with no bot token are listed (they wait
// in the queue until a token is configured) but do not degrade the service: nothing is wrong with it. A platform
// connected through several gateway shards (Discord) lists each, and is fine only with every one ready.
import type { Pool } from '../db/createPool.ts';
import { countDeadLetters, countUndeliverableTargets, type ChannelBacklog } from '../db/healthCounts.ts';

export type PlatformReachability =
  | { state: 'connecting' }
  | { state: 'ok' }
  | { state: 'unreachable'; since: Date; reason: string };

export type ShardState = 'connecting' | 'ready' | 'reconnecting' | 'disconnected';

export interface ShardHealth {
  id: number;
  state: ShardState;
  /** When the shard entered this state. */
  since: Date;
  /** Why it is not ready, when known (e.g. "code 4011"). */
  reason: string | null;
}

export interface TickRecord {
  /** When the last tick finished, successfully or not. */
  at: Date | null;
  /** null before the first tick. */
  ok: boolean | null;
  /** The last tick's error; null once a tick succeeds. */
  error: string | null;
  lastSuccessAt: Date | null;
}

export interface HealthSources {
  pool: Pool;
  /** The configured platforms (a bot token is set), each read on every request. */
  platforms: Readonly<Record<string, () => PlatformReachability>>;
  /** Gateway shards per platform that has them, each read on every request. */
  shards?: Readonly<Record<string, () => readonly ShardHealth[]>>;
  lastTick: () => TickRecord;
  /** Channels this process delivers to; targets on any other channel are "unconfigured". */
  deliverableChannels: readonly string[];
  /** How long the database may take to answer before it counts as unreachable. */
  timeoutMs?: number;
}

export interface HealthReport {
  status: 'ok' | 'degraded';
  database: string;
  platforms: Record<string, string>;
  /** Present when a platform has shards: each shard's state, ready or not, and since when. */
  shards?: Record<string, Array<{ id: number; state: ShardState; since: string; reason: string | null }>>;
  lastTick: { at: string | null; ok: boolean | null; error: string | null; lastSuccessAt: string | null };
  deadLetters: number | null;
  unconfiguredTargets: Record<string, { subscriptions: number; queued: number }>;
}

export function describeReachability(reachability: PlatformReachability): string {
  if (reachability.state === 'unreachable') return `unreachable since ${reachability.since.toISOString()}`;
  return reachability.state;
}

class HealthTimeoutError extends Error {
  constructor(readonly ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = 'HealthTimeoutError';
  }
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([work, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new HealthTimeoutError(ms)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** Targets per channel that nothing in this process can deliver to. */
export function listUnconfiguredTargets(pool: Pool, deliverableChannels: readonly string[]): Promise<ChannelBacklog[]> {
  return countUndeliverableTargets(pool, deliverableChannels);
}

export async function checkHealth(sources: HealthSources): Promise<HealthReport> {
  const timeoutMs = sources.timeoutMs ?? 3_000;
  let database = 'ok';
  let deadLetters: number | null = null;
  let backlog: ChannelBacklog[] = [];
  try {
    [deadLetters, backlog] = await withTimeout(
      Promise.all([countDeadLetters(sources.pool), countUndeliverableTargets(sources.pool, sources.deliverableChannels)]),
      timeoutMs,
    );
  } catch (error) {
    database = `unreachable: ${(error as Error).message}`;
  }
  const platforms = Object.fromEntries(Object.entries(sources.platforms).map(([name, read]) => [name, read()]));
  const shards = sources.shards ? Object.fromEntries(Object.entries(sources.shards).map(([name, read]) => [name, read()])) : null;
  const shardsReady = Object.values(shards ?? {}).every((list) => list.every((shard) => shard.state === 'ready'));
  const tick = sources.lastTick();
  const healthy = database === 'ok' && Object.values(platforms).every((p) => p.state === 'ok') && shardsReady && tick.ok !== false;
  return {
    status: healthy ? 'ok' : 'degraded',
    database,
    platforms: Object.fromEntries(Object.entries(platforms).map(([name, p]) => [name, describeReachability(p)])),
    ...(shards
      ? {
          shards: Object.fromEntries(
            Object.entries(shards).map(([name, list]) => [name, list.map((shard) => ({ ...shard, since: shard.since.toISOString() }))]),
          ),
        }
      : {}),
    lastTick: {
      at: tick.at?.toISOString() ?? null,
      ok: tick.ok,
      error: tick.error,
      lastSuccessAt: tick.lastSuccessAt?.toISOString() ?? null,
    },
    deadLetters,
    unconfiguredTargets: Object.fromEntries(backlog.map((b) => [b.channel, { subscriptions: b.subscriptions, queued: b.queued }])),
  };
}
