// What a failed Discord send means for delivery. Only the known-permanent refusals (the bot lost access, the
// channel or webhook is gone) disable the target, with the reason; missing permissions pause it until an
// administrator fixes them. Rate limits carry
// their retry-after. Everything else (5xx, network, timeouts, a body of ours Discord refused) is transient, so a
// fault on our side never unsubscribes a server.
import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import { DeliveryError } from '../ChannelAdapter.ts';

export const PERMANENT_DISCORD_CODES: ReadonlyMap<number, string> = new Map([
  [10003, 'Unknown Channel'],
  [10015, 'Unknown Webhook'],
  [50001, 'Missing Access'],
  [50007, 'Cannot send messages to this user'],
  [50027, 'Invalid Webhook Token'],
]);

// The channel exists but the bot may not post there now: a server administrator can fix it.
export const PAUSING_DISCORD_CODES: ReadonlyMap<number, string> = new Map([[50013, 'Missing Permissions']]);

export function classifyDiscordError(error: unknown, context: { deliveredIds?: readonly number[] } = {}): DeliveryError {
  const deliveredIds = context.deliveredIds?.length ? [...context.deliveredIds] : undefined;
  if (error instanceof DeliveryError) {
    if (!deliveredIds) return error;
    return new DeliveryError(error.kind, error.reason, { ...error.options, deliveredIds, cause: error.options.cause ?? error });
  }
  const base = { cause: error, deliveredIds };
  if (error instanceof RateLimitError) {
    const scope = error.global ? 'global' : error.scope;
    return new DeliveryError('transient', `discord 429: rate limited (${scope}) on ${error.method.toUpperCase()} ${error.route} for ${error.retryAfter} ms`, {
      ...base,
      retryAfterMs: error.retryAfter,
    });
  }
  if (error instanceof DiscordAPIError) {
    const code = typeof error.code === 'number' ? error.code : Number(error.code);
    const reason = `discord ${error.status} (${error.code}): ${error.message}`;
    const kind = PERMANENT_DISCORD_CODES.has(code) ? 'permanent' : PAUSING_DISCORD_CODES.has(code) ? 'paused' : 'transient';
    return new DeliveryError(kind, reason, base);
  }
  if (error instanceof HTTPError) return new DeliveryError('transient', `discord ${error.status}: ${error.message}`, base);
  const message = error instanceof Error ? (error.name === 'AbortError' ? 'request timed out' : error.message) : String(error);
  return new DeliveryError('transient', `discord unreachable: ${message}`, base);
}
