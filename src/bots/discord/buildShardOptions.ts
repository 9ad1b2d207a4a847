// discord.js internal sharding: one Client holds every shard of the bot in this process, and its caches,
// events and REST are shared by all of them, so a command or an alert works whichever shard holds the guild.
// "auto" lets discord.js ask the gateway (GET /gateway/bot) for Discord's recommended count at each login.
import type { ClientOptions } from 'discord.js';

export function buildShardOptions(shards: 'auto' | number): Pick<ClientOptions, 'shards' | 'shardCount'> {
  if (shards === 'auto') return { shards: 'auto' };
  return { shards: Array.from({ length: shards }, (_, id) => id), shardCount: shards };
}
