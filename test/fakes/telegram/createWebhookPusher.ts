// The server side of a webhook, as Telegram runs it: while a webhook is set, every update is POSTed to its URL
// with the secret in X-Telegram-Bot-Api-Secret-Token, up to max_connections at once, and re-sent after a pause
// until an answer with a 2xx status arrives (an error status, a refused connection or no answer within the
// timeout all count as failures). Only loopback URLs are accepted: the fake never reaches beyond 127.0.0.1.
import type { Update } from 'grammy/types';

export interface WebhookSettings {
  url: string;
  secret: string | null;
  /** undefined keeps Telegram's default set. */
  allowedUpdates?: string[];
  maxConnections: number;
}

export interface WebhookDelivery {
  updateId: number;
  url: string;
  at: number;
  /** HTTP status, or null when no answer came (refused, reset, timed out). */
  status: number | null;
  error?: string;
}

export interface WebhookPusher {
  readonly deliveries: readonly WebhookDelivery[];
  active(): boolean;
  settings(): WebhookSettings | null;
  set(settings: WebhookSettings): void;
  /** Removes the webhook; returns the updates not yet answered (they go back to getUpdates). */
  clear(): Update[];
  push(updates: readonly Update[]): void;
  /** Updates not yet answered with 2xx. */
  pendingCount(): number;
  lastError(): { at: number; message: string } | null;
  close(): void;
}

export interface WebhookPusherOptions {
  /** How long an answer is waited for before the update counts as failed (Telegram: about a minute). */
  timeoutMs: number;
  /** First pause before a failed update is re-sent; doubled per failure up to maxRetryMs. */
  retryMs: number;
  maxRetryMs: number;
}

const OPT_IN_UPDATE_TYPES = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);

interface Pending {
  update: Update;
  failures: number;
  notBefore: number;
}

export function createWebhookPusher(options: WebhookPusherOptions): WebhookPusher {
  const deliveries: WebhookDelivery[] = [];
  let settings: WebhookSettings | null = null;
  let queue: Pending[] = [];
  const inFlight = new Map<number, AbortController>();
  let error: { at: number; message: string } | null = null;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;

  const isAllowed = (update: Update): boolean => {
    const type = Object.keys(update).find((key) => key !== 'update_id');
    if (type === undefined) return false;
    return settings?.allowedUpdates?.length ? settings.allowedUpdates.includes(type) : !OPT_IN_UPDATE_TYPES.has(type);
  };

  function schedule(): void {
    if (timer || closed || !settings) return;
    const waiting = queue.filter((p) => !inFlight.has(p.update.update_id));
    if (!waiting.length) return;
    const next = Math.min(...waiting.map((p) => p.notBefore));
    timer = setTimeout(() => {
      timer = null;
      pump();
    }, Math.max(0, next - Date.now()));
  }

  function pump(): void {
    if (!settings || closed) return;
    const now = Date.now();
    for (const pending of queue) {
      if (inFlight.size >= settings.maxConnections) break;
      if (inFlight.has(pending.update.update_id) || pending.notBefore > now) continue;
      void send(pending, settings);
    }
    schedule();
  }

  async function send(pending: Pending, to: WebhookSettings): Promise<void> {
    const controller = new AbortController();
    inFlight.set(pending.update.update_id, controller);
    const delivery: WebhookDelivery = { updateId: pending.update.update_id, url: to.url, at: Date.now(), status: null };
    deliveries.push(delivery);
    const timeout = setTimeout(() => controller.abort(new Error('timed out')), options.timeoutMs);
    try {
      const response = await fetch(to.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(to.secret ? { 'x-telegram-bot-api-secret-token': to.secret } : {}) },
        body: JSON.stringify(pending.update),
        signal: controller.signal,
      });
      await response.arrayBuffer().catch(() => undefined);
      delivery.status = response.status;
      if (response.status < 200 || response.status > 299) delivery.error = `Wrong response from the webhook: ${response.status} ${response.statusText}`;
    } catch (err) {
      delivery.error = controller.signal.aborted ? 'Read timeout expired' : `Connection refused (${(err as Error).message})`;
    } finally {
      clearTimeout(timeout);
      inFlight.delete(pending.update.update_id);
    }
    if (delivery.error === undefined) {
      queue = queue.filter((p) => p !== pending);
    } else {
      error = { at: Date.now(), message: delivery.error };
      pending.failures += 1;
      pending.notBefore = Date.now() + Math.min(options.retryMs * 2 ** (pending.failures - 1), options.maxRetryMs);
    }
    pump();
  }

  return {
    deliveries,
    active: () => settings !== null,
    settings: () => settings,
    set(next) {
      settings = next;
      queue = queue.filter((p) => isAllowed(p.update));
      pump();
    },
    clear() {
      settings = null;
      for (const controller of inFlight.values()) controller.abort(new Error('webhook deleted'));
      if (timer) clearTimeout(timer);
      timer = null;
      const left = queue.map((p) => p.update);
      queue = [];
      return left;
    },
    push(updates) {
      for (const update of updates) if (isAllowed(update)) queue.push({ update, failures: 0, notBefore: 0 });
      pump();
    },
    pendingCount: () => queue.length,
    lastError: () => error,
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const controller of inFlight.values()) controller.abort(new Error('fake closed'));
    },
  };
}
