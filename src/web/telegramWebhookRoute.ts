// POST <path of telegram.webhookUrl>: updates pushed by Telegram. Only requests carrying the secret given to
// setWebhook (X-Telegram-Bot-Api-Secret-Token, compared in constant time) are read; the update is recorded
// before the answer, so 200 means "kept", and any failure to keep it answers 503 so that Telegram re-sends.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';

export interface TelegramWebhookRoute {
  /** Path of the route, e.g. /telegram/webhook. */
  path: string;
  secret: string;
  /** Records the update and hands it to the bot; throws when it could not be recorded. */
  receive(update: { update_id: number }): Promise<'accepted' | 'duplicate'>;
}

export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';
// Telegram's updates are small; a message is at most 4096 characters plus its entities.
const BODY_LIMIT = 1024 * 1024;

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/** Whether the request carries the secret (hashing first makes the comparison independent of length too). */
export function hasWebhookSecret(request: FastifyRequest, secret: string): boolean {
  const given = request.headers[SECRET_HEADER];
  if (typeof given !== 'string') return false;
  return timingSafeEqual(digest(given), digest(secret));
}

export function registerTelegramWebhookRoute(app: FastifyInstance, route: TelegramWebhookRoute): void {
  app.post(route.path, { bodyLimit: BODY_LIMIT }, async (request, reply) => {
    if (!hasWebhookSecret(request, route.secret)) return reply.code(401).type('application/json').send(JSON.stringify({ error: 'wrong or missing secret token' }));
    const update = request.body as { update_id?: unknown } | null;
    if (!update || typeof update !== 'object' || !Number.isSafeInteger(update.update_id) || (update.update_id as number) < 0) {
      return reply.code(400).type('application/json').send(JSON.stringify({ error: 'not a Telegram update (update_id missing)' }));
    }
    try {
      await route.receive(update as { update_id: number });
    } catch (error) {
      request.log.warn({ err: error, updateId: update.update_id }, 'telegram update not recorded; Telegram will re-send it');
      return reply.code(503).header('retry-after', '1').type('application/json').send(JSON.stringify({ error: 'try again' }));
    }
    return reply.code(200).type('application/json').send('{}');
  });
}
