// The bot's own membership changed. Removed from a group or channel, or blocked by a person: every
// subscription of that chat (and its topics) is disabled with the reason, so nothing more is tried. Added
// to a group: a short hint on how to start.
import type { Context } from 'grammy';
import { disableSubscription } from '../../services/subscriptions.ts';
import { listChatTargets } from './listChatTargets.ts';
import type { TelegramBotDeps } from './TelegramBotDeps.ts';
import { textsFor } from './texts.ts';

const GONE = new Set(['kicked', 'left']);
const PRESENT = new Set(['member', 'administrator', 'creator']);

export async function handleMyChatMember(ctx: Context, deps: TelegramBotDeps): Promise<void> {
  const update = ctx.myChatMember;
  if (!update) return;
  const { chat } = update;
  const status = update.new_chat_member.status;
  const before = update.old_chat_member.status;
  if (GONE.has(status)) {
    const reason =
      chat.type === 'private'
        ? status === 'kicked'
          ? 'telegram: the user blocked the bot'
          : 'telegram: the user left the chat with the bot'
        : `telegram: the bot was removed from the ${chat.type} (${status})`;
    const now = deps.clock.now();
    const rows = await listChatTargets(deps.pool, chat.id);
    for (const row of rows) await disableSubscription(deps.pool, row.target, reason, now);
    deps.logger.info({ chatId: chat.id, status, disabled: rows.map((row) => row.target) }, 'bot left a chat; its subscriptions are disabled');
    return;
  }
  if (PRESENT.has(status) && GONE.has(before) && (chat.type === 'group' || chat.type === 'supergroup')) {
    deps.logger.info({ chatId: chat.id, status }, 'bot added to a group');
    await ctx.api.sendMessage(chat.id, textsFor('zh-HK').joinedGroup + '\n\n' + textsFor('en').joinedGroup, { parse_mode: 'HTML' });
  }
}
