// Discord's sharding formula: a guild's events go to shard (guild_id >> 22) % num_shards, i.e. its snowflake's
// creation time in milliseconds modulo the shard count. Events with no guild (direct messages) go to shard 0.
const DISCORD_EPOCH = 1_420_070_400_000n;

export function shardOfGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** A snowflake for a guild whose events go to shardId of shardCount; nth tells several such ids apart. */
export function pickGuildIdOnShard(shardId: number, shardCount: number, nth = 0): string {
  if (!Number.isInteger(shardId) || shardId < 0 || shardId >= shardCount) throw new RangeError(`no shard ${shardId} of ${shardCount}`);
  // A fixed instant (2024-11-01) rounded down to a multiple of shardCount, then moved to the wanted shard.
  const base = BigInt(Date.UTC(2024, 10, 1)) - DISCORD_EPOCH;
  const count = BigInt(shardCount);
  const milliseconds = base - (base % count) + BigInt(shardId) + count * BigInt(nth);
  return String((milliseconds << 22n) | (1n << 17n) | BigInt(nth & 0xfff));
}
