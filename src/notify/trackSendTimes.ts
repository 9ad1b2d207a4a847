// How long a channel's sends have recently taken, so a claim stops starting sends while there is still time for
// one to be answered before its lease could run out. A send that is still in flight when another worker takes
// the rows over is sent twice; the lease margin has to cover the slowest send, whatever the platform's latency.

export interface SendTimes {
  observe(ms: number): void;
  /** The slowest of the recent sends (0 before any). */
  slowest(): number;
}

// Recent enough to follow a platform that slows down or recovers, long enough that one fast send does not hide
// a slow one still typical of the others.
const KEPT = 32;

export function trackSendTimes(): SendTimes {
  const times: number[] = [];
  let next = 0;
  return {
    observe(ms) {
      times[next] = ms;
      next = (next + 1) % KEPT;
    },
    slowest() {
      return times.length ? Math.max(...times) : 0;
    },
  };
}

/**
 * How long before a lease's end a claim stops starting sends: twice the slowest recent send, at least a quarter
 * of the lease (10 s at most) and at most half of it (past that, renewals could not keep up; the caller warns).
 */
export function computeLeaseMargin(leaseMs: number, slowestSendMs: number): number {
  return Math.min(leaseMs / 2, Math.max(Math.min(leaseMs / 4, 10_000), 2 * slowestSendMs));
}
