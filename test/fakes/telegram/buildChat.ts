// Chat and user objects shaped like the Bot API's, for chats and people the tests make up on the fly.
import type { Chat, User } from 'grammy/types';

export type ChatType = Chat['type'];

/** Telegram's id conventions: users are positive, basic groups negative, supergroups and channels -100…. */
export function inferChatType(chatId: number): ChatType {
  if (chatId > 0) return 'private';
  return String(chatId).startsWith('-100') ? 'supergroup' : 'group';
}

export function buildChat(id: number, type: ChatType, details: { title?: string; username?: string; isForum?: boolean } = {}): Chat {
  switch (type) {
    case 'private':
      return { id, type, first_name: details.title ?? `User ${id}`, ...(details.username ? { username: details.username } : {}) };
    case 'group':
      return { id, type, title: details.title ?? `Group ${id}` };
    case 'supergroup':
      return {
        id,
        type,
        title: details.title ?? `Supergroup ${id}`,
        ...(details.username ? { username: details.username } : {}),
        ...(details.isForum ? { is_forum: true } : {}),
      };
    case 'channel':
      return { id, type, title: details.title ?? `Channel ${id}`, ...(details.username ? { username: details.username } : {}) };
  }
}

export function buildUser(id: number, languageCode?: string): User {
  return {
    id,
    is_bot: false,
    first_name: `User ${id}`,
    username: `user${id}`,
    ...(languageCode ? { language_code: languageCode } : {}),
  };
}
