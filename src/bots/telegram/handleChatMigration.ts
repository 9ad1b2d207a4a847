// A group upgraded to a supergroup gets a new id; Telegram says so in a service message in both chats
// (migrate_to_chat_id in the old, migrate_from_chat_id in the new). The subscriptions and queued alerts
// follow the new id; whichever message arrives second finds nothing left to move.
import type { Context } from 'grammy';
import { moveSubscriptionTarget } from '../../services/subscriptions.ts';
import { formatTelegramTarget, parseTarget } from '../../domain/parseTarget.ts';
import { listChatTargets } from './listChatTargets.ts';
import type { TelegramBotDeps } from './TelegramBotDeps.ts';

export async function moveChatSubscriptions(deps: TelegramBotDeps, fromChatId: number, toChatId: number): Promise<string[]> {
  const now = deps.clock.now();
  const moved: string[] = [];
  for (const row of await listChatTargets(deps.pool, fromChatId, { includeDisabled: true })) {
    const target = parseTarget(row.target);
    const to = formatTelegramTarget(toChatId, target.channel === 'telegram' ? target.threadId : null);
    if (await moveSubscriptionTarget(deps.pool, row.target, to, now)) moved.push(to);
    else deps.logger.warn({ from: row.target, to }, 'the new chat already has a subscription; the old one is left as it was');
  }
  if (moved.length) deps.logger.info({ fromChatId, toChatId, moved }, 'group migrated to a supergroup; subscriptions follow');
  return moved;
}

export async function handleChatMigration(ctx: Context, deps: TelegramBotDeps): Promise<void> {
  const message = ctx.message;
  if (!message || !ctx.chat) return;
  if (message.migrate_to_chat_id !== undefined) await moveChatSubscriptions(deps, ctx.chat.id, message.migrate_to_chat_id);
  else if (message.migrate_from_chat_id !== undefined) await moveChatSubscriptions(deps, message.migrate_from_chat_id, ctx.chat.id);
}
