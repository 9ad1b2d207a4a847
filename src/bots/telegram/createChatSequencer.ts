// grammY's built-in long polling handles one update after another, so a reply waiting for the flood limits
// of one busy group would hold up every other chat. This middleware hands each update to a per-chat queue
// and returns at once: updates of one chat stay in order, different chats proceed side by side.
import type { Context, MiddlewareFn } from 'grammy';

export interface ChatSequencer {
  middleware: MiddlewareFn<Context>;
  /** Resolves when every update handed over so far has been handled. */
  idle(): Promise<void>;
  /** Resolves when the update with this id has been handled (at once if it is not in a queue). */
  handled(updateId: number): Promise<void>;
}

export function createChatSequencer(onError: (error: unknown, ctx: Context) => Promise<void> | void): ChatSequencer {
  const tails = new Map<string, Promise<void>>();
  const running = new Set<Promise<void>>();
  // The webhook records an update as handled only once its handler has finished, not when it was queued.
  const byUpdate = new Map<number, Promise<void>>();
  return {
    middleware(ctx, next) {
      const key = String(ctx.chat?.id ?? ctx.from?.id ?? 'other');
      const task = (tails.get(key) ?? Promise.resolve())
        .then(() => next())
        .catch(async (error: unknown) => {
          try {
            await onError(error, ctx);
          } catch {
            // the error handler's own failure has nowhere further to go
          }
        });
      tails.set(key, task);
      running.add(task);
      const updateId = ctx.update.update_id;
      byUpdate.set(updateId, task);
      void task.finally(() => {
        running.delete(task);
        if (byUpdate.get(updateId) === task) byUpdate.delete(updateId);
        if (tails.get(key) === task) tails.delete(key);
      });
    },
    handled: (updateId) => byUpdate.get(updateId) ?? Promise.resolve(),
    async idle() {
      while (running.size) await Promise.all([...running]);
    },
  };
}
