// The fake Discord with enforceLimits is as strict as Discord: 50 requests a second per bot, 5 messages per
// 5 s per channel, each refusal a 429 with Discord's headers and body, and real bucket state on every answer.
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../../fakes/discord/startFakeDiscord.ts';

let fake: FakeDiscord | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function startAt(clock: { at: number }): Promise<FakeDiscord> {
  fake = await startFakeDiscord({ enforceLimits: true, now: () => clock.at });
  return fake;
}

const post = (discord: FakeDiscord, channelId: string) =>
  fetch(`${discord.restApi}/v10/channels/${channelId}/messages`, {
    method: 'POST',
    headers: { authorization: `Bot ${discord.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ content: 'hello' }),
  });

describe('fake Discord rate limits', () => {
  it('refuses the sixth message to one channel within 5 s with a route 429, then lets it through', async () => {
    const clock = { at: 1_000_000 };
    const discord = await startAt(clock);
    const remaining: string[] = [];
    for (let i = 0; i < 5; i++) {
      const answer = await post(discord, discord.channelId);
      expect(answer.status).toBe(200);
      remaining.push(answer.headers.get('x-ratelimit-remaining')!);
      expect(answer.headers.get('x-ratelimit-limit')).toBe('5');
    }
    expect(remaining).toEqual(['4', '3', '2', '1', '0']);
    clock.at += 4_000;
    const refused = await post(discord, discord.channelId);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('x-ratelimit-global')).toBeNull();
    expect(refused.headers.get('x-ratelimit-scope')).toBe('user');
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(((await refused.json()) as { retry_after: number; global: boolean })).toMatchObject({ retry_after: 1, global: false });
    clock.at += 1_000;
    expect((await post(discord, discord.channelId)).status).toBe(200);
    expect(discord.rateLimited).toMatchObject({ total: 1, route: 1, global: 0 });
  });

  it('refuses the 51st request of a second across channels with a global 429', async () => {
    const clock = { at: 1_000_000 };
    const discord = await startAt(clock);
    const channels = Array.from({ length: 11 }, (_, i) => discord.addChannel({ name: `c${i}` }).id);
    const statuses: number[] = [];
    for (let i = 0; i < 51; i++) statuses.push((await post(discord, channels[Math.floor(i / 5)]!)).status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(50);
    expect(statuses.at(-1)).toBe(429);
    const last = discord.calls.at(-1)!;
    expect(last.response).toMatchObject({ global: true });
    clock.at += 1_000;
    expect((await post(discord, channels[10]!)).status).toBe(200);
    expect(discord.rateLimited).toMatchObject({ total: 1, global: 1, route: 0 });
  });
});
