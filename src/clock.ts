// One clock for the whole process. POLICYWATCH_NOW starts it at a chosen instant and it then advances in
// real time, so demos and rehearsals behave like a real day. Nothing else reads Date.now().
export interface Clock {
  now(): Date;
}

export function createClock(startAt: Date | null = null, realNow: () => number = Date.now): Clock {
  const offset = startAt ? startAt.getTime() - realNow() : 0;
  return { now: () => new Date(realNow() + offset) };
}

/** A clock that only moves when told to, for tests. */
export function createFixedClock(at: Date | string): Clock & { set(at: Date | string): void; advance(ms: number): void } {
  let current = new Date(at).getTime();
  return {
    now: () => new Date(current),
    set: (next) => {
      current = new Date(next).getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}
