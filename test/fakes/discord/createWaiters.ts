// Promises that resolve when a matching item (a call, a response) shows up, or reject after a timeout.
export interface Waiters<T> {
  /** Checks `existing` first, then waits for notify(). */
  wait(existing: readonly T[], predicate: (item: T) => boolean, timeoutMs: number, describe: () => string): Promise<T>;
  notify(item: T): void;
  rejectAll(error: Error): void;
}

interface Waiter<T> {
  predicate: (item: T) => boolean;
  resolve(item: T): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

export function createWaiters<T>(): Waiters<T> {
  let waiters: Array<Waiter<T>> = [];
  let closedWith: Error | null = null;
  return {
    wait(existing, predicate, timeoutMs, describe) {
      const found = existing.find(predicate);
      if (found !== undefined) return Promise.resolve(found);
      if (closedWith) return Promise.reject(closedWith);
      return new Promise<T>((resolve, reject) => {
        const waiter: Waiter<T> = {
          predicate,
          resolve,
          reject,
          timer: setTimeout(() => {
            waiters = waiters.filter((other) => other !== waiter);
            reject(new Error(describe()));
          }, timeoutMs),
        };
        waiters.push(waiter);
      });
    },

    notify(item) {
      if (waiters.length === 0) return;
      const matched = waiters.filter((waiter) => waiter.predicate(item));
      if (matched.length === 0) return;
      waiters = waiters.filter((waiter) => !matched.includes(waiter));
      for (const waiter of matched) {
        clearTimeout(waiter.timer);
        waiter.resolve(item);
      }
    },

    rejectAll(error) {
      closedWith = error;
      for (const waiter of waiters) {
        clearTimeout(waiter.timer);
        waiter.reject(error);
      }
      waiters = [];
    },
  };
}
