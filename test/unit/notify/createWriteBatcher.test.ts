// Group commit of outcome writes: what arrives while a write runs goes into the next one, and nobody is told
// their outcome is written before it is.
import { describe, expect, it } from 'vitest';
import { createWriteBatcher } from '../../../src/notify/createWriteBatcher.ts';

function deferred(): { promise: Promise<void>; resolve: () => void; reject: (error: unknown) => void } {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('createWriteBatcher', () => {
  it('writes the ids of one turn together, and those that come during a write in the next one', async () => {
    const writes: number[][] = [];
    const gates: ReturnType<typeof deferred>[] = [];
    const batcher = createWriteBatcher((ids) => {
      writes.push(ids);
      const gate = deferred();
      gates.push(gate);
      return gate.promise;
    });
    const done: string[] = [];
    const first = batcher.add([1, 2]).then(() => done.push('a'));
    const second = batcher.add([3]).then(() => done.push('b'));
    await Promise.resolve();
    await Promise.resolve();
    expect(writes).toEqual([[1, 2, 3]]);
    const third = batcher.add([4]).then(() => done.push('c'));
    const fourth = batcher.add([5, 6]).then(() => done.push('d'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toHaveLength(1); // one write at a time
    expect(done).toEqual([]);
    gates[0]!.resolve();
    await Promise.all([first, second]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(done).toEqual(['a', 'b']);
    expect(writes).toEqual([[1, 2, 3], [4, 5, 6]]);
    gates[1]!.resolve();
    await Promise.all([third, fourth]);
    expect(done).toEqual(['a', 'b', 'c', 'd']);
  });

  it('rejects the callers of a write that threw, and writes later ids anew', async () => {
    let calls = 0;
    const batcher = createWriteBatcher(async (ids) => {
      calls++;
      if (ids.includes(1)) throw new Error('database gone');
    });
    await expect(batcher.add([1])).rejects.toThrow('database gone');
    await expect(batcher.add([2])).resolves.toBeUndefined();
    expect(calls).toBe(2);
  });
});
