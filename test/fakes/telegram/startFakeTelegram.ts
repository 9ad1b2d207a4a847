// A fake Telegram Bot API server on 127.0.0.1 that the real grammY client can talk to over HTTP:
// `new Bot(fake.token, { client: { apiRoot: fake.apiRoot } })`. It serves /bot<token>/<method> with Telegram's
// envelopes and status codes, real getUpdates long polling, scripted failures and (optionally) flood limits.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Message, Update, UserFromGetMe } from 'grammy/types';
import {
  buildCallbackQueryUpdate,
  buildMyChatMemberUpdate,
  buildTextUpdate,
  type MyChatMemberInput,
  type PressButtonInput,
  type SendTextInput,
} from './buildIncomingUpdates.ts';
import type { ChatMemberStatus } from './buildChatMember.ts';
import { createBotMethods, type BotMethod } from './createBotMethods.ts';
import { createFailureScript, type TelegramFailure } from './createFailureScript.ts';
import {
  createTelegramRateLimiter,
  DEFAULT_TELEGRAM_LIMITS,
  type RateLimitedCounts,
  type TelegramLimits,
} from './createTelegramRateLimiter.ts';
import { createTelegramWorld } from './createTelegramWorld.ts';
import { createUpdateQueue, type UpdateInput } from './createUpdateQueue.ts';
import { createWebhookPusher, type WebhookPusher } from './createWebhookPusher.ts';
import { normalizeChatId, readChatId, readTelegramParams, type ChatId, type TelegramParams } from './readTelegramParams.ts';
import { TelegramApiError, type TelegramErrorResponse } from './TelegramApiError.ts';

export { TelegramApiError } from './TelegramApiError.ts';
export type { TelegramErrorResponse } from './TelegramApiError.ts';
export type { TelegramFailure } from './createFailureScript.ts';
export type { TelegramLimits, RateLimitedCounts } from './createTelegramRateLimiter.ts';
export type { SendTextInput, PressButtonInput, MyChatMemberInput } from './buildIncomingUpdates.ts';
export type { BotMethod, MethodContext } from './createBotMethods.ts';
export type { TelegramParams, ChatId } from './readTelegramParams.ts';
export type { WebhookPusher, WebhookDelivery } from './createWebhookPusher.ts';

export interface StartFakeTelegramOptions {
  /** The only token the server accepts; others get 401. */
  token?: string;
  botUsername?: string;
  botFirstName?: string;
  /** Enforce Telegram's sendMessage flood limits (see createTelegramRateLimiter.ts); override any of them. */
  enforceLimits?: boolean | Partial<TelegramLimits>;
  /** Answer "chat not found" for chats no update introduced, instead of making them up. */
  strictChats?: boolean;
  firstUpdateId?: number;
  /** Clock for the flood limits. */
  now?: () => number;
  /** Loopback port to listen on (default: any free one); a test can bring an "unreachable" API up here. */
  port?: number;
  /** How long a webhook POST may take before it counts as failed and is re-sent (default 10 s). */
  webhookTimeoutMs?: number;
  /** First pause before a failed webhook POST is re-sent (default 200 ms, doubling up to 2 s). */
  webhookRetryMs?: number;
}

export type TelegramResponse = { ok: true; result: unknown } | ({ ok: false } & TelegramErrorResponse);

export interface TelegramCall {
  /** Canonical method name (Telegram method names are case-insensitive). */
  method: string;
  params: TelegramParams;
  at: number;
  /** Set once answered; a held getUpdates has none yet. */
  status?: number;
  response?: TelegramResponse;
}

export interface FakeTelegram {
  readonly apiRoot: string;
  readonly token: string;
  readonly bot: UserFromGetMe;
  readonly calls: readonly TelegramCall[];
  readonly rateLimited: RateLimitedCounts;
  /** The webhook, once setWebhook was called: its settings and every POST made to it with its outcome. */
  readonly webhook: WebhookPusher;
  callsTo(method: string): TelegramCall[];
  sentMessages(chatId?: ChatId): Message[];
  /** Forgets calls, messages, chats, members, commands, scripted failures, limit state and pending updates. */
  reset(): void;
  pushUpdate(update: UpdateInput): Update;
  sendText(input: SendTextInput): Update;
  pressButton(input: PressButtonInput): Update;
  pushMyChatMember(input: MyChatMemberInput): Update;
  setChatMember(chatId: number, userId: number, status: ChatMemberStatus): void;
  /** From now on sends to fromChatId fail with 400 and parameters.migrate_to_chat_id. */
  migrateChat(fromChatId: number, toChatId: number): void;
  failNext(method: string, failure: TelegramFailure): void;
  /**
   * Resolves with the first matching call once it has been answered (so status and response are set), including
   * calls answered before this was called; rejects after timeoutMs.
   */
  waitForCall(method: string, predicate?: (call: TelegramCall) => boolean, timeoutMs?: number): Promise<TelegramCall>;
  /** Resolves once a getUpdates request is being held open, i.e. the bot is long polling right now. */
  waitForPoll(timeoutMs?: number): Promise<void>;
  /** Adds or replaces a method; throw TelegramApiError from the handler to answer with an error. */
  setMethod(method: string, handler: BotMethod): void;
  /**
   * Answers this method only after ms (0 ends it). The call takes effect at once (a message is stored), as a
   * slow Telegram does: a client that gives up waiting has still sent it.
   */
  setLatency(method: string, ms: number): void;
  close(): Promise<void>;
}

interface CallWaiter {
  method: string;
  predicate: (call: TelegramCall) => boolean;
  resolve(call: TelegramCall): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

export async function startFakeTelegram(options: StartFakeTelegramOptions = {}): Promise<FakeTelegram> {
  const token = options.token ?? '123456789:AAFakeTelegramTokenForTests_0123456789';
  const botId = Number(token.split(':', 1)[0]);
  if (!Number.isInteger(botId) || botId <= 0) throw new Error(`Telegram tokens start with the bot id: ${token}`);
  const bot: UserFromGetMe = {
    id: botId,
    is_bot: true,
    first_name: options.botFirstName ?? 'PolicyWatch Test',
    username: options.botUsername ?? 'policywatch_test_bot',
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
  };

  const world = createTelegramWorld({ bot, strictChats: options.strictChats ?? false });
  const updates = createUpdateQueue(options.firstUpdateId ?? 700_000_001);
  const webhook = createWebhookPusher({
    timeoutMs: options.webhookTimeoutMs ?? 10_000,
    retryMs: options.webhookRetryMs ?? 200,
    maxRetryMs: Math.max(2_000, options.webhookRetryMs ?? 0),
  });
  const methods = createBotMethods(world, updates, webhook);
  // A new update goes out by webhook when one is set, else waits for getUpdates.
  const push = (input: UpdateInput): Update => {
    const update = updates.push(input);
    if (webhook.active()) webhook.push(updates.drain());
    return update;
  };
  const canonicalNames = new Map([...methods.keys()].map((name) => [name.toLowerCase(), name]));
  const failures = createFailureScript();
  const limits = options.enforceLimits
    ? { ...DEFAULT_TELEGRAM_LIMITS, ...(options.enforceLimits === true ? {} : options.enforceLimits) }
    : null;
  const limiter = limits ? createTelegramRateLimiter(limits, options.now) : null;
  const rateLimited: RateLimitedCounts = limiter?.counts ?? {
    total: 0,
    byChat: new Map(),
    byLimit: { perChat: 0, perGroup: 0, global: 0 },
  };
  const calls: TelegramCall[] = [];
  const latencies = new Map<string, number>();
  let waiters: CallWaiter[] = [];
  let pollWaiters: Array<() => void> = [];
  let nextCallbackQuery = 1;

  function notifyPolling(): void {
    const waiting = pollWaiters;
    pollWaiters = [];
    for (const wake of waiting) wake();
  }

  function notifyAnswered(call: TelegramCall): void {
    if (waiters.length === 0) return;
    for (const waiter of waiters) {
      if (waiter.method === call.method && waiter.predicate(call)) {
        clearTimeout(waiter.timer);
        waiter.resolve(call);
      }
    }
    waiters = waiters.filter((waiter) => !(waiter.method === call.method && waiter.predicate(call)));
  }

  function answer(res: http.ServerResponse, call: TelegramCall | null, response: TelegramResponse): void {
    // Telegram answers with the error code as HTTP status; anything that is not a valid status becomes 500.
    const status = response.ok ? 200 : response.error_code >= 400 && response.error_code <= 599 ? response.error_code : 500;
    if (call) {
      call.status = status;
      call.response = response;
      notifyAnswered(call);
    }
    if (res.destroyed || res.writableEnded) return;
    const body = JSON.stringify(response);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  }

  const failure = (error: TelegramErrorResponse): TelegramResponse => ({ ok: false, ...error });

  async function serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const match = /^\/bot([^/]*)\/(?:test\/)?([^/]+)\/?$/.exec(url.pathname);
    if (!match || (req.method !== 'GET' && req.method !== 'POST')) {
      return answer(res, null, failure({ error_code: 404, description: 'Not Found' }));
    }
    const [, requestToken, requestedMethod = ''] = match;
    const method = canonicalNames.get(requestedMethod.toLowerCase());
    const call: TelegramCall = { method: method ?? requestedMethod, params: {}, at: Date.now() };
    calls.push(call);
    try {
      call.params = await readTelegramParams(req, url.searchParams);
    } catch (error) {
      if (error instanceof TelegramApiError) return answer(res, call, failure(error.response));
      throw error;
    }
    if (requestToken !== token) return answer(res, call, failure({ error_code: 401, description: 'Unauthorized' }));
    const handler = method === undefined ? undefined : methods.get(method);
    if (method === undefined || handler === undefined) {
      return answer(res, call, failure({ error_code: 404, description: 'Not Found: method not found' }));
    }
    const scripted = failures.take(method, call.params);
    if (scripted) return answer(res, call, failure(scripted));
    if (limiter && method === 'sendMessage') {
      const verdict = limiterVerdict(call.params);
      if (verdict) return answer(res, call, failure(verdict));
    }

    const aborted = new AbortController();
    res.on('close', () => {
      if (!res.writableEnded) aborted.abort();
    });
    try {
      const pending = handler(call.params, { signal: aborted.signal });
      if (method === 'getUpdates' && updates.isHolding()) notifyPolling();
      const result = await pending;
      const latency = latencies.get(method) ?? 0;
      if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
      answer(res, call, { ok: true, result });
    } catch (error) {
      if (error instanceof TelegramApiError) return answer(res, call, failure(error.response));
      const description = error instanceof Error ? error.message : String(error);
      answer(res, call, failure({ error_code: 500, description: `Internal Server Error: ${description}` }));
    }
  }

  function limiterVerdict(params: TelegramParams): TelegramErrorResponse | null {
    let chatId: ChatId | undefined;
    try {
      chatId = readChatId(params);
    } catch {
      return null; // the method itself reports the bad chat id
    }
    if (chatId === undefined || !limiter) return null;
    const verdict = limiter.check(chatId);
    if (!verdict) return null;
    return {
      error_code: 429,
      description: `Too Many Requests: retry after ${verdict.retryAfter}`,
      parameters: { retry_after: verdict.retryAfter },
    };
  }

  const server = http.createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      const description = error instanceof Error ? error.message : String(error);
      answer(res, null, failure({ error_code: 500, description: `Internal Server Error: ${description}` }));
    });
  });
  // Longer than any test: an idle keep-alive socket closing under a client mid-request reads as a network error.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | null = null;

  const canonical = (method: string): string => canonicalNames.get(method.toLowerCase()) ?? method;

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    bot,
    calls,
    rateLimited,
    webhook,

    callsTo: (method) => calls.filter((call) => call.method === canonical(method)),

    sentMessages(chatId) {
      if (chatId === undefined) return [...world.sentMessages];
      const wanted = normalizeChatId(chatId);
      return world.sentMessages.filter((message) =>
        typeof wanted === 'number' ? message.chat.id === wanted : message.chat.username?.toLowerCase() === wanted.slice(1).toLowerCase(),
      );
    },

    reset() {
      calls.length = 0;
      failures.clear();
      limiter?.reset();
      latencies.clear();
      world.reset();
      webhook.clear();
      updates.dropPending();
    },

    pushUpdate: (update) => push(update),
    sendText: (input) => push(buildTextUpdate(world, input)),
    pressButton: (input) => {
      const queryId = String(BigInt(bot.id) * 1_000_000_000n + BigInt(nextCallbackQuery++));
      return push(buildCallbackQueryUpdate(world, input, queryId));
    },
    pushMyChatMember: (input) => push(buildMyChatMemberUpdate(world, input)),

    setChatMember: (chatId, userId, status) => world.setMemberStatus(chatId, userId, status),
    migrateChat: (fromChatId, toChatId) => world.migrateChat(fromChatId, toChatId),
    failNext: (method, scripted) => failures.add(canonical(method), scripted),

    waitForCall(method, predicate = () => true, timeoutMs = 5_000) {
      const name = canonical(method);
      const done = calls.find((call) => call.method === name && predicate(call));
      if (done) return Promise.resolve(done);
      if (closed) return Promise.reject(new Error('The fake Telegram server is closed'));
      return new Promise<TelegramCall>((resolve, reject) => {
        const waiter: CallWaiter = {
          method: name,
          predicate,
          resolve,
          reject,
          timer: setTimeout(() => {
            waiters = waiters.filter((other) => other !== waiter);
            const seen = calls.map((call) => call.method).join(', ') || 'none';
            reject(new Error(`No ${name} call within ${timeoutMs} ms (calls so far: ${seen})`));
          }, timeoutMs),
        };
        waiters.push(waiter);
      });
    },

    waitForPoll(timeoutMs = 5_000) {
      if (updates.isHolding()) return Promise.resolve();
      if (closed) return Promise.reject(new Error('The fake Telegram server is closed'));
      return new Promise<void>((resolve, reject) => {
        const wake = (): void => {
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          pollWaiters = pollWaiters.filter((other) => other !== wake);
          reject(new Error(`No long poll held within ${timeoutMs} ms`));
        }, timeoutMs);
        pollWaiters.push(wake);
      });
    },

    setMethod(method, handler) {
      methods.set(method, handler);
      canonicalNames.set(method.toLowerCase(), method);
    },

    setLatency(method, ms) {
      if (ms > 0) latencies.set(canonicalNames.get(method.toLowerCase()) ?? method, ms);
      else latencies.delete(canonicalNames.get(method.toLowerCase()) ?? method);
    },

    close() {
      closed ??= new Promise<void>((resolve) => {
        for (const waiter of waiters) {
          clearTimeout(waiter.timer);
          waiter.reject(new Error('The fake Telegram server was closed'));
        }
        waiters = [];
        updates.releaseHeld();
        webhook.close();
        server.close(() => resolve());
        // Kills keep-alive sockets and any held long poll now, instead of waiting for clients to hang up.
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
