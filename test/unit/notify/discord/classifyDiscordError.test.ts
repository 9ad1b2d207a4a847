import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { DeliveryError } from '../../../../src/notify/ChannelAdapter.ts';
import { classifyDiscordError } from '../../../../src/notify/discord/classifyDiscordError.ts';

const URL_WITH_TOKEN = 'https://discord.com/api/v10/webhooks/1300000000000000300/secret-token';

function apiError(code: number, status: number, message: string): DiscordAPIError {
  return new DiscordAPIError({ code, message }, code, status, 'POST', URL_WITH_TOKEN, { body: {}, files: undefined });
}

describe('classifyDiscordError', () => {
  it.each([
    [50001, 403, 'Missing Access'],
    [10003, 404, 'Unknown Channel'],
    [10015, 404, 'Unknown Webhook'],
    [50027, 401, 'Invalid Webhook Token'],
  ])('treats %i (%s) as permanent, with the reason', (code, status, message) => {
    const failure = classifyDiscordError(apiError(code, status, message));
    expect(failure).toBeInstanceOf(DeliveryError);
    expect(failure.kind).toBe('permanent');
    expect(failure.reason).toBe(`discord ${status} (${code}): ${message}`);
    expect(failure.reason).not.toContain('secret-token');
  });

  it('pauses on 50013 Missing Permissions: an administrator can fix it, the subscription stays', () => {
    expect(classifyDiscordError(apiError(50013, 403, 'Missing Permissions'))).toMatchObject({ kind: 'paused', reason: 'discord 403 (50013): Missing Permissions' });
  });

  it('treats a body Discord refused (50035) and other API errors as transient: our fault must not disable a target', () => {
    expect(classifyDiscordError(apiError(50035, 400, 'Invalid Form Body')).kind).toBe('transient');
    expect(classifyDiscordError(apiError(0, 401, '401: Unauthorized')).kind).toBe('transient');
  });

  it('turns a rate limit into a transient failure with its retry-after', () => {
    const error = new RateLimitError({
      global: false,
      method: 'post',
      url: URL_WITH_TOKEN,
      route: '/channels/:id/messages',
      majorParameter: '1300000000000000200',
      hash: 'abc',
      limit: 5,
      timeToReset: 2050,
      retryAfter: 2050,
      sublimitTimeout: 0,
      scope: 'user',
    });
    const failure = classifyDiscordError(error);
    expect(failure.kind).toBe('transient');
    expect(failure.options.retryAfterMs).toBe(2050);
    expect(failure.reason).toBe('discord 429: rate limited (user) on POST /channels/:id/messages for 2050 ms');
  });

  it('treats 5xx, timeouts and network errors as transient', () => {
    const server = classifyDiscordError(new HTTPError(502, 'Bad Gateway', 'POST', URL_WITH_TOKEN, { body: {}, files: undefined }));
    expect(server).toMatchObject({ kind: 'transient', reason: 'discord 502: Bad Gateway' });
    const timeout = new Error('This operation was aborted');
    timeout.name = 'AbortError';
    expect(classifyDiscordError(timeout)).toMatchObject({ kind: 'transient', reason: 'discord unreachable: request timed out' });
    expect(classifyDiscordError(new TypeError('fetch failed'))).toMatchObject({ kind: 'transient', reason: 'discord unreachable: fetch failed' });
  });

  it('reports the alerts that earlier pages delivered', () => {
    expect(classifyDiscordError(apiError(50013, 403, 'Missing Permissions'), { deliveredIds: [1, 2] }).options.deliveredIds).toEqual([1, 2]);
    expect(classifyDiscordError(new TypeError('fetch failed'), { deliveredIds: [] }).options.deliveredIds).toBeUndefined();
    const earlier = new DeliveryError('transient', 'already classified');
    expect(classifyDiscordError(earlier)).toBe(earlier);
    expect(classifyDiscordError(earlier, { deliveredIds: [3] })).toMatchObject({ kind: 'transient', reason: 'already classified', options: { deliveredIds: [3] } });
  });
});
