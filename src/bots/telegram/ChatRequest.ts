// One command or button press, with what every handler needs: where it came from (chat or topic), the
// chat's subscription and language, the arguments, and replies that respect the message limit.
import type { Context } from 'grammy';
import { findSubscription, type SubscriptionRow } from '../../services/subscriptions.ts';
import type { ReaderLanguage } from '../../domain/alertLabels.ts';
import { splitHtmlMessage } from '../../notify/telegram/splitHtmlMessage.ts';
import { readChatTarget, type ChatTarget } from './readChatTarget.ts';
import type { TelegramBotDeps } from './TelegramBotDeps.ts';
import { textsFor, type BotTexts } from './texts.ts';

export interface ChatRequest {
  ctx: Context;
  deps: TelegramBotDeps;
  chat: ChatTarget;
  /** The chat's subscription, also when disabled; null when it never had one. */
  subscription: SubscriptionRow | null;
  language: ReaderLanguage;
  texts: BotTexts;
  /** What follows the command, trimmed. */
  args: string;
  now: Date;
  /** Sends HTML blocks, as few messages as the limit allows, split only between blocks. */
  reply(blocks: string | readonly string[], options?: { keyboard?: ReplyKeyboard }): Promise<void>;
}

export type ReplyKeyboard = { inline_keyboard: { text: string; callback_data: string }[][] };

/** Whether the subscription exists and is not disabled. */
export function isActive(subscription: SubscriptionRow | null): subscription is SubscriptionRow {
  return subscription !== null && subscription.disabledAt === null;
}

export function isEverything(subscription: SubscriptionRow | null): boolean {
  return isActive(subscription) && subscription.bureaus === null && subscription.refs === null;
}

/**
 * The chat's language: its subscription's; else what /lang chose before it subscribed; else, in a private
 * chat, English for a person whose Telegram is in English; else zh-HK.
 */
export function chooseLanguage(ctx: Context, deps: TelegramBotDeps, chat: ChatTarget, subscription: SubscriptionRow | null): ReaderLanguage {
  if (subscription) return subscription.language;
  const remembered = deps.languagePreferences.get(chat.target);
  if (remembered) return remembered;
  if (chat.chatType === 'private' && ctx.from?.language_code?.toLowerCase().startsWith('en')) return 'en';
  return 'zh-HK';
}

export async function createChatRequest(ctx: Context, deps: TelegramBotDeps): Promise<ChatRequest | null> {
  const chat = readChatTarget(ctx);
  if (!chat) return null;
  const subscription = await findSubscription(deps.pool, chat.target);
  const language = chooseLanguage(ctx, deps, chat, subscription);
  const args = typeof ctx.match === 'string' ? ctx.match.trim() : '';
  const request: ChatRequest = {
    ctx,
    deps,
    chat,
    subscription,
    language,
    texts: textsFor(language),
    args,
    now: deps.clock.now(),
    async reply(blocks, options = {}) {
      const parts = splitHtmlMessage(typeof blocks === 'string' ? [blocks] : blocks, { separator: '\n\n' });
      const replyTo = chat.chatType === 'group' || chat.chatType === 'supergroup' ? ctx.msg?.message_id : undefined;
      for (const [index, part] of parts.entries()) {
        const last = index === parts.length - 1;
        await ctx.reply(part.text, {
          parse_mode: 'HTML',
          link_preview_options: { is_disabled: true },
          ...(replyTo !== undefined && index === 0 ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
          ...(options.keyboard && last ? { reply_markup: options.keyboard } : {}),
        });
      }
    },
  };
  return request;
}

/** In a private chat anyone; in a channel its posts (only admins can post) or an admin; in groups admins. */
export async function canManageChat(request: ChatRequest): Promise<boolean> {
  const { ctx, chat, deps } = request;
  if (chat.chatType === 'private') return true;
  if (chat.chatType === 'channel') return ctx.from ? deps.isAdmin(chat.chatId, ctx.from.id) : true;
  // An anonymous administrator writes as the group itself.
  if (!ctx.callbackQuery && ctx.msg?.sender_chat?.id === chat.chatId) return true;
  if (!ctx.from) return false;
  return deps.isAdmin(chat.chatId, ctx.from.id);
}

export function isEditor(request: ChatRequest): boolean {
  return request.ctx.from !== undefined && request.deps.editors.has(String(request.ctx.from.id));
}
