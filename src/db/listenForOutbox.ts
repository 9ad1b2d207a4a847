// LISTEN on the outbox channel over a connection of its own, so a delivery loop wakes as soon as a tick (in
// this process or another replica) commits new rows. The connection is watched: when it drops, it is opened
// again with a growing pause, and the loop's polling covers the gap. It never throws into the process.
import pg from 'pg';
import type { Pool } from './createPool.ts';
import { OUTBOX_CHANNEL } from './notifications.ts';

export interface OutboxListener {
  close(): Promise<void>;
}

export interface ListenOptions {
  pool: Pool;
  onNotify: () => void;
  onError?: (error: Error) => void;
  /** Called after a (re)connection: work may have been queued while nobody listened. */
  onConnect?: () => void;
}

export function listenForOutbox(options: ListenOptions): OutboxListener {
  let client: pg.Client | null = null;
  let closed = false;
  let retryMs = 1_000;
  let timer: NodeJS.Timeout | null = null;

  const connect = async (): Promise<void> => {
    if (closed) return;
    const next = new pg.Client((options.pool as unknown as { options: pg.ClientConfig }).options);
    next.on('error', (error) => {
      options.onError?.(error);
      void reconnect(next);
    });
    next.on('notification', (message) => {
      if (message.channel === OUTBOX_CHANNEL) options.onNotify();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${OUTBOX_CHANNEL}`);
      if (closed) {
        await next.end().catch(() => undefined);
        return;
      }
      client = next;
      retryMs = 1_000;
      options.onConnect?.();
    } catch (error) {
      options.onError?.(error as Error);
      void reconnect(next);
    }
  };

  const reconnect = async (broken: pg.Client): Promise<void> => {
    if (client === broken) client = null;
    await broken.end().catch(() => undefined);
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, retryMs);
    timer.unref();
    retryMs = Math.min(30_000, retryMs * 2);
  };

  void connect();
  return {
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await client?.end().catch(() => undefined);
      client = null;
    },
  };
}
