// Failures a test scripts ahead of time: the next matching calls get these answers instead of the real ones.
import { normalizeChatId, type ChatId, type TelegramParams } from './readTelegramParams.ts';
import type { TelegramErrorResponse } from './TelegramApiError.ts';

export interface TelegramFailure {
  /** Only calls for this chat fail; any chat when omitted. */
  chatId?: ChatId;
  /** How many matching calls fail; 1 when omitted. */
  times?: number;
  response: TelegramErrorResponse;
}

export interface FailureScript {
  add(method: string, failure: TelegramFailure): void;
  /** The scripted answer for this call, if any, counting it as used. */
  take(method: string, params: TelegramParams): TelegramErrorResponse | undefined;
  clear(): void;
}

interface Entry {
  method: string;
  chatId: ChatId | undefined;
  remaining: number;
  response: TelegramErrorResponse;
}

export function createFailureScript(): FailureScript {
  let entries: Entry[] = [];

  function chatOf(params: TelegramParams): ChatId | undefined {
    try {
      return params.chat_id === undefined ? undefined : normalizeChatId(params.chat_id);
    } catch {
      return undefined;
    }
  }

  return {
    add(method, failure) {
      entries.push({
        method,
        chatId: failure.chatId === undefined ? undefined : normalizeChatId(failure.chatId),
        remaining: failure.times ?? 1,
        response: failure.response,
      });
    },

    take(method, params) {
      if (entries.length === 0) return undefined; // keeps the common path free of work
      const chatId = chatOf(params);
      const entry = entries.find((candidate) => candidate.method === method && (candidate.chatId === undefined || candidate.chatId === chatId));
      if (!entry) return undefined;
      entry.remaining -= 1;
      if (entry.remaining <= 0) entries = entries.filter((candidate) => candidate !== entry);
      return entry.response;
    },

    clear() {
      entries = [];
    },
  };
}
