// The subscription target an update belongs to: the chat, or the forum topic when the message is in one.
import type { Context } from 'grammy';
import type { Chat } from 'grammy/types';
import { formatTelegramTarget } from '../../domain/parseTarget.ts';

export interface ChatTarget {
  chatId: number;
  threadId: number | null;
  chatType: Chat['type'];
  /** telegram:<chat>[:<thread>] */
  target: string;
}

export function readChatTarget(ctx: Context): ChatTarget | null {
  const chat = ctx.chat;
  if (!chat) return null;
  const message = ctx.msg;
  // message_thread_id alone also marks reply threads in ordinary groups; only forum topics are targets.
  const threadId = message?.is_topic_message && message.message_thread_id ? message.message_thread_id : null;
  return { chatId: chat.id, threadId, chatType: chat.type, target: formatTelegramTarget(chat.id, threadId) };
}
