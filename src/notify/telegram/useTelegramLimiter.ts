// Puts a grammY Api behind a limiter: every method that posts into a chat waits for room, and a 429 that
// still gets through holds that chat for retry_after. Installed once per Api, so the alerts and the bot's
// command replies (both through bot.api) share one pace.
import type { Api, Transformer } from 'grammy';
import type { ChatKey, TelegramLimiter } from './createTelegramLimiter.ts';

// Methods that put a message in a chat and so count against the flood limits.
const PACED_METHOD = /^(send(?!ChatAction)\w+|copyMessages?|forwardMessages?|editMessage\w+)$/;

const installed = new WeakMap<Api, TelegramLimiter>();

function chatOf(payload: unknown): ChatKey | undefined {
  if (!payload || typeof payload !== 'object') return undefined;
  const chatId = (payload as { chat_id?: unknown }).chat_id;
  return typeof chatId === 'number' || typeof chatId === 'string' ? chatId : undefined;
}

export function createLimiterTransformer(limiter: TelegramLimiter): Transformer {
  return async (prev, method, payload, signal) => {
    const chatId = chatOf(payload);
    if (chatId === undefined || !PACED_METHOD.test(method)) return prev(method, payload, signal);
    // A send whose caller gave up while it waited for room (its lease was lost) never reaches Telegram. One
    // that has started is not aborted: Telegram may already have delivered it, and only its answer tells.
    const response = await limiter.schedule(chatId, () => {
      if (signal?.aborted) throw new DOMException('the send was cancelled before it started', 'AbortError');
      return prev(method, payload);
    });
    if (!response.ok && response.error_code === 429) limiter.hold(chatId, (response.parameters?.retry_after ?? 1) * 1000);
    return response;
  };
}

/** Installs the limiter on the Api (once; a second limiter on the same Api is refused). */
export function useTelegramLimiter(api: Api, limiter: TelegramLimiter): void {
  const current = installed.get(api);
  if (current === limiter) return;
  if (current) throw new Error('this grammY Api already sends through another limiter');
  api.config.use(createLimiterTransformer(limiter));
  installed.set(api, limiter);
}
