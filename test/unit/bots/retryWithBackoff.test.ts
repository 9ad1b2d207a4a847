// The background connection loop: bounded exponential waits, ended at once by shutdown, and a log line
// per change (unreachable, a new retry interval, reachable again) rather than per retry.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { retryWithBackoff } from '../../../src/bots/retryWithBackoff.ts';
import { trackReachability } from '../../../src/bots/trackReachability.ts';
import { createLogger } from '../../../src/logger.ts';

function captureLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger({ level: 'info', destination, pretty: false }), messages: () => lines.map((line) => (JSON.parse(line) as { msg: string }).msg) };
}

describe('retryWithBackoff', () => {
  it('doubles the wait after each failure up to the bound, and stops at the first success', async () => {
    const waits: number[] = [];
    let calls = 0;
    const ok = await retryWithBackoff(
      async () => {
        calls += 1;
        if (calls < 6) throw new Error('refused');
      },
      { signal: new AbortController().signal, minMs: 1, maxMs: 8, onFailure: (_error, retryInMs) => waits.push(retryInMs) },
    );
    expect(ok).toBe(true);
    expect(calls).toBe(6);
    expect(waits).toEqual([1, 2, 4, 8, 8]);
  });

  it('an abort ends a long wait at once and reports false', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const result = retryWithBackoff(
      async () => {
        throw new Error('refused');
      },
      { signal: controller.signal, minMs: 60_000, onFailure: () => setTimeout(() => controller.abort(), 20) },
    );
    expect(await result).toBe(false);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe('trackReachability', () => {
  it('reports "unreachable since" the first failure and logs once per change, not per retry', () => {
    const { logger, messages } = captureLogger();
    let now = new Date('2024-12-24T01:00:00Z');
    const reachability = trackReachability('telegram', logger, () => now);
    expect(reachability.current()).toEqual({ state: 'connecting' });

    reachability.failed(new Error('refused'), 1_000);
    now = new Date('2024-12-24T01:00:01Z');
    reachability.failed(new Error('refused'), 2_000);
    reachability.failed(new Error('refused'), 2_000);
    reachability.failed(new Error('refused'));
    expect(reachability.current()).toMatchObject({ state: 'unreachable', since: new Date('2024-12-24T01:00:00Z'), reason: 'refused' });
    expect(messages()).toEqual([
      'telegram unreachable since 2024-12-24T01:00:00.000Z, retrying in 1s',
      'telegram unreachable since 2024-12-24T01:00:00.000Z, retrying in 2s',
    ]);

    reachability.reached();
    reachability.reached();
    expect(reachability.current()).toEqual({ state: 'ok' });
    expect(messages().slice(2)).toEqual(['telegram reachable again']);

    now = new Date('2024-12-24T02:00:00Z');
    reachability.failed(new Error('timeout'), 1_000);
    expect(reachability.current()).toMatchObject({ state: 'unreachable', since: now });
    expect(messages().slice(3)).toEqual(['telegram unreachable since 2024-12-24T02:00:00.000Z, retrying in 1s']);
  });
});
