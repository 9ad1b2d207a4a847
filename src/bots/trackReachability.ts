// Whether a platform answered its last call, and since when it has not. Fed by the bots' connection loops
// and API calls, read by /healthz. The log gets one line when the platform becomes unreachable, one when
// the announced retry interval changes, and one when it answers again — not a line per retry.
import type { Logger } from '../logger.ts';
import type { PlatformReachability } from '../services/checkHealth.ts';

export interface Reachability {
  current(): PlatformReachability;
  /** A call reached the platform (any answer from its API counts). */
  reached(): void;
  /** A call could not reach it; retryInMs, when known, is the wait before the next attempt. */
  failed(error: unknown, retryInMs?: number): void;
}

export function trackReachability(platform: string, logger: Logger, now: () => Date = () => new Date()): Reachability {
  let state: PlatformReachability = { state: 'connecting' };
  let announcedRetryMs: number | undefined;
  return {
    current: () => state,
    reached() {
      if (state.state === 'unreachable') logger.info({ since: state.since.toISOString() }, `${platform} reachable again`);
      state = { state: 'ok' };
      announcedRetryMs = undefined;
    },
    failed(error, retryInMs) {
      const reason = error instanceof Error ? error.message : String(error);
      const changed = state.state !== 'unreachable';
      const since = state.state === 'unreachable' ? state.since : now();
      state = { state: 'unreachable', since, reason };
      if (changed || (retryInMs !== undefined && retryInMs !== announcedRetryMs)) {
        const retry = retryInMs === undefined ? '' : `, retrying in ${Math.round(retryInMs / 1000)}s`;
        logger.warn({ reason }, `${platform} unreachable since ${since.toISOString()}${retry}`);
        if (retryInMs !== undefined) announcedRetryMs = retryInMs;
      }
    },
  };
}
