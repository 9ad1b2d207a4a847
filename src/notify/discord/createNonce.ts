// The nonce of one page of one group of alerts. Discord returns the earlier message instead of posting again
// when the same author repeats a nonce within a few minutes (enforce_nonce), so a send retried after a lost
// answer or a timeout is posted once. Discord checks nonces per author across channels, hence the channel in
// the key; it allows 25 characters, hence the hash.
import { createHash } from 'node:crypto';
import { DISCORD_LIMITS } from './discordLimits.ts';

export function createNonce(channelId: string, groupKey: string, page: number): string {
  return createHash('sha256').update(`${channelId}\n${groupKey}\n${page}`).digest('base64url').slice(0, DISCORD_LIMITS.nonce);
}
