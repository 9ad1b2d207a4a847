// Group commit for outcome writes: ids handed in while one write is running go out together in the next one,
// so a claim of thousands of targets records its sends in a few statements instead of one each. Nothing waits
// for a timer (the first write starts at once), and each caller resumes only when the write that covered its
// ids is done, so an outcome is never reported recorded before it is.

export interface WriteBatcher {
  /** Resolves once a write that includes these ids has finished; rejects if that write threw. */
  add(ids: readonly number[]): Promise<void>;
}

export function createWriteBatcher(write: (ids: number[]) => Promise<unknown>): WriteBatcher {
  let queued: number[] = [];
  let waiting: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  let running = false;

  const drain = async (): Promise<void> => {
    running = true;
    while (queued.length) {
      const ids = queued;
      const batch = waiting;
      queued = [];
      waiting = [];
      try {
        await write(ids);
        for (const caller of batch) caller.resolve();
      } catch (error) {
        for (const caller of batch) caller.reject(error);
      }
    }
    running = false;
  };

  return {
    add(ids) {
      const done = new Promise<void>((resolve, reject) => waiting.push({ resolve, reject }));
      queued.push(...ids);
      // After the current turn, so the sends that finished together share the first write as well.
      if (!running) {
        running = true;
        queueMicrotask(() => void drain());
      }
      return done;
    },
  };
}
