// Whether a user administers a group or channel, asked with getChatMember and remembered for a short while
// (60 s by default), so a burst of commands does not cost a burst of API calls, and a demotion still counts
// within a minute.
import type { Api } from 'grammy';
import type { Logger } from '../../logger.ts';

export interface AdminCheckOptions {
  api: Api;
  logger: Logger;
  now: () => number;
  ttlMs?: number;
  maxEntries?: number;
}

export function createAdminCheck(options: AdminCheckOptions): (chatId: number, userId: number) => Promise<boolean> {
  const ttlMs = options.ttlMs ?? 60_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const cache = new Map<string, { admin: boolean; expires: number }>();
  return async (chatId, userId) => {
    const key = `${chatId}:${userId}`;
    const now = options.now();
    const hit = cache.get(key);
    if (hit && hit.expires > now) return hit.admin;
    let admin: boolean;
    try {
      const member = await options.api.getChatMember(chatId, userId);
      admin = member.status === 'creator' || member.status === 'administrator';
    } catch (error) {
      // Not knowing is not being an admin; not cached, so the next try asks again.
      options.logger.warn({ chatId, userId, err: error }, 'getChatMember failed; treating the user as not an administrator');
      return false;
    }
    if (cache.size >= maxEntries) cache.delete(cache.keys().next().value!);
    cache.delete(key);
    cache.set(key, { admin, expires: now + ttlMs });
    return admin;
  };
}
