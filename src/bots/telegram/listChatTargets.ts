// Every subscription target of one Telegram chat: the chat itself and its forum topics.
import type { Pool } from '../../services/database.ts';
import { listSubscriptions, type SubscriptionRow } from '../../services/subscriptions.ts';
import { parseTarget } from '../../domain/parseTarget.ts';

export async function listChatTargets(pool: Pool, chatId: number, options: { includeDisabled?: boolean } = {}): Promise<SubscriptionRow[]> {
  // Rare events (bot removed, group migrated) read the whole table rather than need SQL of their own.
  const rows = await listSubscriptions(pool, { includeDisabled: options.includeDisabled ?? false });
  return rows.filter((row) => {
    if (!row.target.startsWith('telegram:')) return false;
    try {
      const target = parseTarget(row.target);
      return target.channel === 'telegram' && target.chatId === String(chatId);
    } catch {
      return false;
    }
  });
}
