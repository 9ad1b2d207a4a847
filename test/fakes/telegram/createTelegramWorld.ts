// What the fake Telegram knows: chats, people, messages, memberships, migrations and registered commands.
// Chats nobody introduced are made up from their id (unless strictChats), so tests can message any chat.
import type { BotCommand, Chat, Message, User, UserFromGetMe } from 'grammy/types';
import { buildChat, buildUser, inferChatType } from './buildChat.ts';
import type { ChatMemberStatus } from './buildChatMember.ts';
import type { ChatId } from './readTelegramParams.ts';
import { badRequest, forbidden } from './TelegramApiError.ts';

export interface TelegramWorld {
  readonly bot: UserFromGetMe;
  /** Every message the bot sent, in order. */
  readonly sentMessages: Message[];
  readonly commands: Map<string, BotCommand[]>;
  readonly openCallbackQueries: Set<string>;
  chatFor(chatId: ChatId): Chat;
  findChat(chatId: number): Chat | undefined;
  rememberChat(chat: Chat): Chat;
  userFor(userId: number): User;
  rememberUser(user: User): User;
  nextMessageId(chatId: number): number;
  storeMessage(message: Message): void;
  /** Swaps in an edited version of a stored message, also in sentMessages. */
  replaceMessage(message: Message): void;
  findMessage(chatId: number, messageId: number): Message | undefined;
  memberStatus(chatId: number, userId: number): ChatMemberStatus;
  setMemberStatus(chatId: number, userId: number, status: ChatMemberStatus): void;
  /** Users whose status in the chat is creator or administrator. */
  administratorsOf(chatId: number): { userId: number; status: ChatMemberStatus }[];
  migrateChat(fromChatId: number, toChatId: number): void;
  /** Throws what Telegram answers when the bot may not post in the chat. */
  assertBotCanSend(chat: Chat): void;
  reset(): void;
}

export interface TelegramWorldOptions {
  bot: UserFromGetMe;
  strictChats: boolean;
}

export function createTelegramWorld({ bot, strictChats }: TelegramWorldOptions): TelegramWorld {
  const chats = new Map<number, Chat>();
  const chatsByUsername = new Map<string, Chat>();
  const users = new Map<number, User>();
  const messageCounters = new Map<number, number>(); // never reset: Telegram does not reuse message ids
  const messages = new Map<string, Message>();
  const sentIndexes = new Map<string, number>();
  const members = new Map<string, ChatMemberStatus>();
  const migrations = new Map<number, number>();
  const sentMessages: Message[] = [];
  const commands = new Map<string, BotCommand[]>();
  const openCallbackQueries = new Set<string>();
  let nextChannelId = -1_001_000_000_000;

  const memberKey = (chatId: number, userId: number): string => `${chatId}:${userId}`;

  function rememberChat(chat: Chat): Chat {
    chats.set(chat.id, chat);
    if (chat.username) chatsByUsername.set(chat.username.toLowerCase(), chat);
    return chat;
  }

  function chatFor(chatId: ChatId): Chat {
    const known = typeof chatId === 'number' ? chats.get(chatId) : chatsByUsername.get(chatId.slice(1).toLowerCase());
    if (known) return known;
    if (strictChats) throw badRequest('chat not found');
    if (typeof chatId === 'string') {
      nextChannelId -= 1;
      return rememberChat(buildChat(nextChannelId, 'channel', { username: chatId.slice(1) }));
    }
    return rememberChat(buildChat(chatId, inferChatType(chatId)));
  }

  return {
    bot,
    sentMessages,
    commands,
    openCallbackQueries,
    chatFor,
    rememberChat,
    findChat: (chatId) => chats.get(chatId),

    userFor(userId) {
      if (userId === bot.id) return bot;
      return users.get(userId) ?? buildUser(userId);
    },

    rememberUser(user) {
      users.set(user.id, user);
      return user;
    },

    nextMessageId(chatId) {
      const next = (messageCounters.get(chatId) ?? 0) + 1;
      messageCounters.set(chatId, next);
      return next;
    },

    storeMessage(message) {
      const key = `${message.chat.id}:${message.message_id}`;
      messages.set(key, message);
      if (message.from?.id === bot.id) sentIndexes.set(key, sentMessages.push(message) - 1);
    },

    replaceMessage(message) {
      const key = `${message.chat.id}:${message.message_id}`;
      messages.set(key, message);
      const index = sentIndexes.get(key);
      if (index !== undefined) sentMessages[index] = message;
    },

    findMessage: (chatId, messageId) => messages.get(`${chatId}:${messageId}`),

    memberStatus: (chatId, userId) => members.get(memberKey(chatId, userId)) ?? 'member',

    setMemberStatus(chatId, userId, status) {
      members.set(memberKey(chatId, userId), status);
    },

    administratorsOf(chatId) {
      const prefix = `${chatId}:`;
      return [...members.entries()]
        .filter(([key, status]) => key.startsWith(prefix) && (status === 'creator' || status === 'administrator'))
        .map(([key, status]) => ({ userId: Number(key.slice(prefix.length)), status }));
    },

    migrateChat(fromChatId, toChatId) {
      migrations.set(fromChatId, toChatId);
      const old = chats.get(fromChatId);
      rememberChat(buildChat(toChatId, 'supergroup', { title: old?.title ?? undefined }));
    },

    assertBotCanSend(chat) {
      const migratedTo = migrations.get(chat.id);
      if (migratedTo !== undefined) {
        throw badRequest('group chat was upgraded to a supergroup chat', { migrate_to_chat_id: migratedTo });
      }
      const status = members.get(memberKey(chat.id, bot.id));
      if (status === 'kicked' || status === 'left') throw forbidden(refusalFor(chat, status));
      if (status === 'restricted') throw badRequest('not enough rights to send text messages to the chat');
    },

    reset() {
      chats.clear();
      chatsByUsername.clear();
      users.clear();
      messages.clear();
      sentIndexes.clear();
      members.clear();
      migrations.clear();
      sentMessages.length = 0;
      commands.clear();
      openCallbackQueries.clear();
    },
  };
}

/** The 403 descriptions Telegram uses when the bot was removed from, or blocked in, a chat. */
function refusalFor(chat: Chat, status: 'kicked' | 'left'): string {
  switch (chat.type) {
    case 'private':
      return status === 'kicked' ? 'bot was blocked by the user' : "bot can't initiate conversation with a user";
    case 'group':
      return status === 'kicked' ? 'bot was kicked from the group chat' : 'bot is not a member of the group chat';
    case 'supergroup':
      return status === 'kicked' ? 'bot was kicked from the supergroup chat' : 'bot is not a member of the supergroup chat';
    case 'channel':
      return 'bot is not a member of the channel chat';
  }
}
