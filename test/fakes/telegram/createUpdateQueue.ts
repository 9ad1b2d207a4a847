// The server side of getUpdates long polling: a queue of pending updates that only drops an update once a later
// call confirms it with a higher offset, and at most one held request that a new update (or the timeout) releases.
import type { Update } from 'grammy/types';
import { TelegramApiError } from './TelegramApiError.ts';

export type UpdateInput = Omit<Update, 'update_id'> & { update_id?: number };

export interface TakeUpdatesRequest {
  offset?: number;
  limit?: number;
  /** Seconds to hold the request when nothing is pending; 0 answers at once. */
  timeout?: number;
  /** As sent by the client; undefined keeps the previous setting, [] means Telegram's default set. */
  allowedUpdates?: string[];
  signal: AbortSignal;
}

export interface UpdateQueue {
  push(update: UpdateInput): Update;
  take(request: TakeUpdatesRequest): Promise<Update[]>;
  pending(): readonly Update[];
  /** Drops every pending update (deleteWebhook with drop_pending_updates, or a reset). */
  dropPending(): void;
  /** Removes and returns every pending update (they go to a webhook instead). */
  drain(): Update[];
  /** Puts updates a webhook did not deliver back in front of the queue. */
  restore(updates: readonly Update[]): void;
  /** Answers a held request with an empty batch at once; used when the fake closes. */
  releaseHeld(): void;
  isHolding(): boolean;
}

// Telegram leaves these out unless they are asked for explicitly.
const OPT_IN_UPDATE_TYPES = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);

interface HeldRequest {
  limit: number;
  resolve(updates: Update[]): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
  cleanup(): void;
}

export function createUpdateQueue(firstUpdateId: number): UpdateQueue {
  let queue: Update[] = [];
  let nextUpdateId = firstUpdateId;
  let allowed: Set<string> | null = null; // null: Telegram's default set
  let held: HeldRequest | null = null;
  let wakeScheduled = false;

  function isAllowed(update: Update): boolean {
    const type = Object.keys(update).find((key) => key !== 'update_id');
    if (type === undefined) return false;
    return allowed ? allowed.has(type) : !OPT_IN_UPDATE_TYPES.has(type);
  }

  function confirm(offset: number | undefined): void {
    if (offset === undefined || offset === 0) return;
    if (offset > 0) {
      const firstKept = queue.findIndex((update) => update.update_id >= offset);
      queue = firstKept === -1 ? [] : queue.slice(firstKept);
    } else {
      // A negative offset keeps only the last |offset| updates and forgets the rest, as documented.
      queue = queue.slice(offset);
    }
  }

  function deliverable(limit: number): Update[] {
    // Updates of types the bot did not ask for are discarded, as if Telegram had never produced them.
    queue = queue.filter(isAllowed);
    return queue.slice(0, limit);
  }

  function wakeHeld(): void {
    wakeScheduled = false;
    if (!held) return;
    const batch = deliverable(held.limit);
    if (batch.length === 0) return;
    const request = held;
    held = null;
    request.cleanup();
    request.resolve(batch);
  }

  return {
    push(input) {
      const update = { ...input, update_id: input.update_id ?? nextUpdateId } as Update;
      nextUpdateId = Math.max(nextUpdateId, update.update_id) + 1;
      queue.push(update);
      // Wake on the next turn so updates pushed in one synchronous burst travel in one batch.
      if (held && !wakeScheduled) {
        wakeScheduled = true;
        setImmediate(wakeHeld);
      }
      return update;
    },

    take(request) {
      if (held) {
        const previous = held;
        held = null;
        previous.cleanup();
        previous.reject(
          new TelegramApiError({
            error_code: 409,
            description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
          }),
        );
      }
      if (request.allowedUpdates !== undefined) {
        allowed = request.allowedUpdates.length === 0 ? null : new Set(request.allowedUpdates);
      }
      confirm(request.offset);
      const limit = Math.min(Math.max(request.limit ?? 100, 1), 100);
      const batch = deliverable(limit);
      const timeoutSeconds = Math.max(request.timeout ?? 0, 0);
      if (batch.length > 0 || timeoutSeconds === 0 || request.signal.aborted) return Promise.resolve(batch);

      return new Promise<Update[]>((resolve, reject) => {
        const onAbort = (): void => {
          if (held !== entry) return;
          held = null;
          entry.cleanup();
          resolve([]);
        };
        const entry: HeldRequest = {
          limit,
          resolve,
          reject,
          timer: setTimeout(() => {
            if (held !== entry) return;
            held = null;
            entry.cleanup();
            resolve([]);
          }, timeoutSeconds * 1000),
          cleanup() {
            clearTimeout(entry.timer);
            request.signal.removeEventListener('abort', onAbort);
          },
        };
        request.signal.addEventListener('abort', onAbort);
        held = entry;
      });
    },

    pending: () => queue,

    dropPending() {
      queue = [];
    },

    drain() {
      const taken = queue;
      queue = [];
      return taken;
    },

    restore(updates) {
      queue = [...updates, ...queue].sort((a, b) => a.update_id - b.update_id);
    },

    releaseHeld() {
      if (!held) return;
      const request = held;
      held = null;
      request.cleanup();
      request.resolve([]);
    },

    isHolding: () => held !== null,
  };
}
