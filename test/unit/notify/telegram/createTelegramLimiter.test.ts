import { describe, expect, it } from 'vitest';
import { createTelegramLimiter } from '../../../../src/notify/telegram/createTelegramLimiter.ts';
import { createVirtualTimers } from './createVirtualTimers.ts';

function setup() {
  const timers = createVirtualTimers(0);
  const limiter = createTelegramLimiter({ timers });
  const started: { chat: number | string; at: number; label: string }[] = [];
  const send = (chat: number | string, label = '', answerAfterMs = 0) =>
    limiter.schedule(chat, () => {
      started.push({ chat, at: timers.now(), label });
      return answerAfterMs ? new Promise<string>((resolve) => timers.setTimer(() => resolve(label), answerAfterMs)) : Promise.resolve(label);
    });
  return { timers, limiter, started, send };
}

describe('createTelegramLimiter', () => {
  it('sends at most one message a second to one chat', async () => {
    const { timers, started, send } = setup();
    const all = Promise.all([send(501, 'a'), send(501, 'b'), send(501, 'c')]);
    await timers.runAll();
    expect(await all).toEqual(['a', 'b', 'c']);
    expect(started.map((s) => [s.label, s.at])).toEqual([['a', 0], ['b', 1000], ['c', 2000]]);
  });

  it('sends 20 a minute to a group, the 21st when the first leaves the window', async () => {
    const { timers, started, send } = setup();
    const all = Promise.all(Array.from({ length: 25 }, (_, i) => send(-100900, String(i))));
    await timers.runAll();
    await all;
    const times = started.map((s) => s.at);
    expect(times.slice(0, 20)).toEqual(Array.from({ length: 20 }, (_, i) => i * 1000));
    expect(times.slice(20)).toEqual([60_000, 61_000, 62_000, 63_000, 64_000]);
    // No 60-second window holds more than 20 sends.
    for (const at of times) expect(times.filter((t) => t >= at && t < at + 60_000).length).toBeLessThanOrEqual(20);
  });

  it('sends 30 a second overall and lets the 31st wait for the window', async () => {
    const { timers, started, send } = setup();
    const all = Promise.all(Array.from({ length: 65 }, (_, i) => send(1000 + i)));
    await timers.runAll();
    await all;
    const times = started.map((s) => s.at);
    expect(times.filter((t) => t === 0)).toHaveLength(30);
    expect(times.filter((t) => t === 1000)).toHaveLength(30);
    expect(times.filter((t) => t === 2000)).toHaveLength(5);
  });

  it('keeps a slot until the answer arrives, so slow answers never squeeze the window', async () => {
    const { timers, started, send } = setup();
    const all = Promise.all([send(7, 'slow', 400), send(7, 'next')]);
    await timers.runAll();
    await all;
    // The first answer came at 400 ms; Telegram may have seen it as late as that.
    expect(started.map((s) => s.at)).toEqual([0, 1400]);
  });

  it('lets other chats go while one waits, and keeps the order within a chat', async () => {
    const { timers, started, send } = setup();
    const all = Promise.all([send(1, 'a1'), send(1, 'a2'), send(2, 'b1'), send(1, 'a3'), send(2, 'b2')]);
    await timers.runAll();
    await all;
    expect(started.map((s) => `${s.label}@${s.at}`)).toEqual(['a1@0', 'b1@0', 'a2@1000', 'b2@1000', 'a3@2000']);
  });

  it('holds a chat for a retry-after without slowing the others', async () => {
    const { timers, started, limiter, send } = setup();
    await Promise.all([send(5, 'first'), timers.runAll()]);
    limiter.hold(5, 3000);
    limiter.hold(5, 1000); // a shorter hold never shortens the longer one
    const all = Promise.all([send(5, 'held'), send(6, 'free')]);
    await timers.runAll();
    await all;
    expect(started.map((s) => `${s.label}@${s.at}`)).toEqual(['first@0', 'free@0', 'held@3000']);
  });

  it('passes a failure through and still counts the attempt', async () => {
    const { timers, limiter, started } = setup();
    const failing = limiter.schedule(9, () => {
      started.push({ chat: 9, at: timers.now(), label: 'boom' });
      return Promise.reject(new Error('boom'));
    }).catch((error: unknown) => error);
    const next = limiter.schedule(9, async () => {
      started.push({ chat: 9, at: timers.now(), label: 'after' });
      return 'ok';
    });
    await timers.runAll();
    expect(await failing).toEqual(new Error('boom'));
    await expect(next).resolves.toBe('ok');
    expect(started.map((s) => s.at)).toEqual([0, 1000]);
    expect(limiter.pending()).toEqual({ queued: 0, inFlight: 0 });
  });

  it('treats @channel usernames and numeric strings as the same chats as their ids', async () => {
    const { timers, started, send } = setup();
    const all = Promise.all([send('-100900'), send(-100900), send('@PolicyNews'), send('@policynews')]);
    await timers.runAll();
    await all;
    expect(started.map((s) => s.at)).toEqual([0, 0, 1000, 1000]);
  });
});
