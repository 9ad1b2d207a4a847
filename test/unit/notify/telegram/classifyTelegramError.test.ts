import { GrammyError, HttpError } from 'grammy';
import { describe, expect, it } from 'vitest';
import { classifyTelegramError } from '../../../../src/notify/telegram/classifyTelegramError.ts';

function telegramError(error_code: number, description: string, parameters: Record<string, number> = {}): GrammyError {
  return new GrammyError('call failed', { ok: false, error_code, description, parameters }, 'sendMessage', {});
}

describe('classifyTelegramError', () => {
  it('turns a 429 into a transient error that carries retry_after', () => {
    const failure = classifyTelegramError(telegramError(429, 'Too Many Requests: retry after 7', { retry_after: 7 }), { deliveredIds: [4] });
    expect(failure).toMatchObject({ kind: 'transient', options: { retryAfterMs: 7000, deliveredIds: [4] } });
  });

  it('makes the chat’s refusals permanent', () => {
    for (const [code, description] of [
      [403, 'Forbidden: bot was blocked by the user'],
      [403, 'Forbidden: bot was kicked from the supergroup chat'],
      [403, 'Forbidden: user is deactivated'],
      [400, 'Bad Request: chat not found'],
      [400, 'Bad Request: message thread not found'],
      [403, 'Forbidden: bot was kicked from the channel chat'],
      [400, "Forbidden: bot can't initiate conversation with a user"],
    ] as const) {
      expect(classifyTelegramError(telegramError(code, description))).toMatchObject({ kind: 'permanent', reason: `telegram ${code}: ${description}` });
    }
  });

  it('pauses a chat where the bot lacks rights, rather than ending it', () => {
    for (const [code, description] of [
      [400, 'Bad Request: not enough rights to send text messages to the chat'],
      [400, 'Bad Request: need administrator rights in the channel chat'],
      [403, 'Forbidden: CHAT_WRITE_FORBIDDEN'],
    ] as const) {
      expect(classifyTelegramError(telegramError(code, description)).kind).toBe('paused');
    }
  });

  it('treats a 400 or 403 it does not know as transient', () => {
    for (const [code, description] of [
      [400, 'Bad Request: some new refusal'],
      [403, 'Forbidden: something unheard of'],
    ] as const) {
      expect(classifyTelegramError(telegramError(code, description)).kind).toBe('transient');
    }
  });

  it('follows a migrated group, keeping the topic', () => {
    const error = telegramError(400, 'Bad Request: group chat was upgraded to a supergroup chat', { migrate_to_chat_id: -1005005 });
    expect(classifyTelegramError(error)).toMatchObject({ kind: 'transient', options: { movedTo: 'telegram:-1005005' } });
    expect(classifyTelegramError(error, { threadId: 12 }).options.movedTo).toBe('telegram:-1005005:12');
  });

  it('never blames the chat for our or Telegram’s trouble', () => {
    for (const error of [
      telegramError(400, "Bad Request: can't parse entities: Unsupported start tag"),
      telegramError(400, 'Bad Request: message is too long'),
      telegramError(401, 'Unauthorized'),
      telegramError(500, 'Internal Server Error'),
      telegramError(502, 'Bad Gateway'),
      new HttpError('Network request for sendMessage failed', new Error('ECONNRESET')),
      new Error('something else'),
    ]) {
      expect(classifyTelegramError(error).kind).toBe('transient');
    }
  });
});
