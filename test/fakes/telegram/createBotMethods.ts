// The Bot API methods the fake implements, with the validation errors Telegram gives for the common mistakes.
import type { BotCommand, BotCommandScope, ChatFullInfo, InlineKeyboardMarkup, Message, MessageEntity } from 'grammy/types';
import { buildChatMember } from './buildChatMember.ts';
import type { TelegramWorld } from './createTelegramWorld.ts';
import type { UpdateQueue } from './createUpdateQueue.ts';
import type { WebhookPusher } from './createWebhookPusher.ts';
import {
  readBoolean,
  readChatId,
  readInteger,
  readJson,
  readString,
  type TelegramParams,
} from './readTelegramParams.ts';
import { badRequest, TelegramApiError } from './TelegramApiError.ts';

export interface MethodContext {
  /** Aborted when the client goes away, so held long polls can be let go. */
  signal: AbortSignal;
}

export type BotMethod = (params: TelegramParams, context: MethodContext) => unknown;

const CHAT_ACTIONS = new Set([
  'typing',
  'upload_photo',
  'record_video',
  'upload_video',
  'record_voice',
  'upload_voice',
  'upload_document',
  'choose_sticker',
  'find_location',
  'record_video_note',
  'upload_video_note',
]);

const COMMAND_SCOPES = new Set([
  'default',
  'all_private_chats',
  'all_group_chats',
  'all_chat_administrators',
  'chat',
  'chat_administrators',
  'chat_member',
]);

const MAX_TEXT_LENGTH = 4096;

export function createBotMethods(world: TelegramWorld, updates: UpdateQueue, webhook: WebhookPusher): Map<string, BotMethod> {
  const now = (): number => Math.floor(Date.now() / 1000);

  function requireChat(params: TelegramParams) {
    const chatId = readChatId(params);
    if (chatId === undefined) throw badRequest('chat_id is empty');
    return world.chatFor(chatId);
  }

  function requireText(params: TelegramParams): string {
    const text = readString(params, 'text');
    if (text === undefined || text.trim() === '') throw badRequest('message text is empty');
    if (text.length > MAX_TEXT_LENGTH) throw badRequest('message is too long');
    return text;
  }

  /** Telegram echoes reply_markup on messages only for inline keyboards. */
  function inlineMarkup(params: TelegramParams): { reply_markup?: InlineKeyboardMarkup } {
    const markup = readJson<Partial<InlineKeyboardMarkup>>(params, 'reply_markup');
    return markup?.inline_keyboard ? { reply_markup: markup as InlineKeyboardMarkup } : {};
  }

  function commandsKey(params: TelegramParams): string {
    const scope = readJson<BotCommandScope>(params, 'scope') ?? { type: 'default' };
    if (!COMMAND_SCOPES.has(scope.type)) throw badRequest('unsupported bot command scope type');
    const chatId = 'chat_id' in scope ? scope.chat_id : undefined;
    const userId = 'user_id' in scope ? scope.user_id : undefined;
    if (scope.type.startsWith('chat') && chatId === undefined) throw badRequest('chat_id is empty');
    if (scope.type === 'chat_member' && userId === undefined) throw badRequest('user_id is empty');
    const languageCode = readString(params, 'language_code') ?? '';
    if (languageCode !== '' && !/^[a-z]{2}$/.test(languageCode)) throw badRequest('invalid language code specified');
    return JSON.stringify([scope.type, chatId ?? null, userId ?? null, languageCode]);
  }

  const methods: Record<string, BotMethod> = {
    getMe: () => world.bot,

    getUpdates: (params, { signal }) => {
      if (webhook.active()) {
        throw new TelegramApiError({ error_code: 409, description: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first" });
      }
      const allowedUpdates = readJson<string[]>(params, 'allowed_updates');
      if (allowedUpdates !== undefined && !Array.isArray(allowedUpdates)) {
        throw badRequest("can't parse allowed_updates JSON array");
      }
      return updates.take({
        offset: readInteger(params, 'offset'),
        limit: readInteger(params, 'limit'),
        timeout: readInteger(params, 'timeout'),
        allowedUpdates,
        signal,
      });
    },

    setWebhook: (params) => {
      const url = readString(params, 'url') ?? '';
      if (url === '') {
        updates.restore(webhook.clear());
        return true;
      }
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        throw badRequest('bad webhook: invalid URL');
      }
      // Telegram wants https on 443/80/88/8443; this fake posts over plain HTTP, and only to loopback.
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw badRequest('bad webhook: unsupported URL protocol');
      if (!['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname)) throw badRequest('bad webhook: the fake Telegram server only posts to 127.0.0.1');
      const secret = readString(params, 'secret_token');
      if (secret !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secret)) throw badRequest('secret token contains unallowed characters');
      const allowedUpdates = readJson<string[]>(params, 'allowed_updates');
      if (allowedUpdates !== undefined && !Array.isArray(allowedUpdates)) throw badRequest("can't parse allowed_updates JSON array");
      const maxConnections = readInteger(params, 'max_connections') ?? 40;
      if (maxConnections < 1 || maxConnections > 100) throw badRequest('bad webhook: max_connections must be between 1 and 100');
      if (readBoolean(params, 'drop_pending_updates')) {
        updates.dropPending();
        webhook.clear();
      }
      webhook.set({ url, secret: secret ?? null, allowedUpdates: allowedUpdates ?? webhook.settings()?.allowedUpdates, maxConnections });
      webhook.push(updates.drain());
      return true;
    },

    deleteWebhook: (params) => {
      const undelivered = webhook.clear();
      if (readBoolean(params, 'drop_pending_updates')) updates.dropPending();
      else updates.restore(undelivered);
      return true;
    },

    getWebhookInfo: () => {
      const settings = webhook.settings();
      const error = webhook.lastError();
      return {
        url: settings?.url ?? '',
        has_custom_certificate: false,
        pending_update_count: settings ? webhook.pendingCount() : updates.pending().length,
        ...(settings ? { max_connections: settings.maxConnections } : {}),
        ...(settings?.allowedUpdates ? { allowed_updates: settings.allowedUpdates } : {}),
        ...(settings && error ? { last_error_date: Math.floor(error.at / 1000), last_error_message: error.message } : {}),
      };
    },

    setMyCommands: (params) => {
      const commands = readJson<BotCommand[]>(params, 'commands');
      if (!Array.isArray(commands)) throw badRequest("can't parse commands JSON array");
      if (commands.length > 100) throw badRequest('BOT_COMMANDS_TOO_MUCH');
      for (const entry of commands) {
        if (typeof entry?.command !== 'string' || !/^[a-z0-9_]{1,32}$/.test(entry.command)) {
          throw badRequest('BOT_COMMAND_INVALID');
        }
        if (typeof entry.description !== 'string' || entry.description.length < 1 || entry.description.length > 256) {
          throw badRequest('BOT_COMMAND_DESCRIPTION_INVALID');
        }
      }
      world.commands.set(
        commandsKey(params),
        commands.map(({ command, description }) => ({ command, description })),
      );
      return true;
    },

    getMyCommands: (params) => world.commands.get(commandsKey(params)) ?? [],

    deleteMyCommands: (params) => {
      world.commands.delete(commandsKey(params));
      return true;
    },

    sendMessage: (params) => {
      const chat = requireChat(params);
      const text = requireText(params);
      world.assertBotCanSend(chat);
      const threadId = readInteger(params, 'message_thread_id');
      const entities = readJson<MessageEntity[]>(params, 'entities');
      const message = {
        message_id: world.nextMessageId(chat.id),
        from: world.bot,
        chat,
        date: now(),
        text,
        ...(threadId !== undefined ? { message_thread_id: threadId, is_topic_message: true } : {}),
        ...(entities ? { entities } : {}),
        ...inlineMarkup(params),
      } as Message.TextMessage;
      world.storeMessage(message);
      return message;
    },

    editMessageText: (params) => {
      const text = requireText(params);
      if (readString(params, 'inline_message_id') !== undefined) return true;
      const chat = requireChat(params);
      const messageId = readInteger(params, 'message_id');
      if (messageId === undefined) throw badRequest('message identifier is not specified');
      const message = world.findMessage(chat.id, messageId);
      if (!message) throw badRequest('message to edit not found');
      if (message.from?.id !== world.bot.id) throw badRequest("message can't be edited");
      const markup = inlineMarkup(params);
      if (message.text === text && JSON.stringify(message.reply_markup) === JSON.stringify(markup.reply_markup)) {
        throw badRequest(
          'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
        );
      }
      const edited = { ...message, text, edit_date: now(), ...markup } as Message;
      if (!markup.reply_markup) delete edited.reply_markup;
      world.replaceMessage(edited);
      return edited;
    },

    answerCallbackQuery: (params) => {
      const id = readString(params, 'callback_query_id');
      if (id === undefined || !world.openCallbackQueries.delete(id)) {
        throw badRequest('query is too old and response timeout expired or query ID is invalid');
      }
      return true;
    },

    getChatAdministrators: (params) => {
      const chat = requireChat(params);
      if (chat.type === 'private') throw badRequest('there are no administrators in the private chat');
      return world.administratorsOf(chat.id).map(({ userId, status }) => buildChatMember(world.userFor(userId), status));
    },

    getChatMember: (params) => {
      const chat = requireChat(params);
      const userId = readInteger(params, 'user_id');
      if (userId === undefined) throw badRequest('user_id is empty');
      return buildChatMember(world.userFor(userId), world.memberStatus(chat.id, userId));
    },

    getChat: (params) => {
      const chat = requireChat(params);
      const info = {
        ...chat,
        accent_color_id: 0,
        max_reaction_count: 11,
        accepted_gift_types: {
          unlimited_gifts: false,
          limited_gifts: false,
          unique_gifts: false,
          premium_subscription: false,
          gifts_from_channels: false,
        },
      };
      return info as ChatFullInfo;
    },

    sendChatAction: (params) => {
      const chat = requireChat(params);
      const action = readString(params, 'action');
      if (action === undefined || !CHAT_ACTIONS.has(action)) throw badRequest('wrong parameter action in request');
      world.assertBotCanSend(chat);
      return true;
    },

    close: () => true,
    logOut: () => true,
  };

  return new Map(Object.entries(methods));
}
