// Updates as Telegram would deliver them when a person writes, presses an inline button, or adds/removes the bot.
import type { Chat, Message, MessageEntity } from 'grammy/types';
import { buildChat, buildUser, inferChatType, type ChatType } from './buildChat.ts';
import { buildChatMember, type ChatMemberStatus } from './buildChatMember.ts';
import type { TelegramWorld } from './createTelegramWorld.ts';
import type { UpdateInput } from './createUpdateQueue.ts';

export interface SendTextInput {
  chatId: number;
  /** Defaults from the id: positive private, -100… supergroup, other negative group. */
  chatType?: ChatType;
  fromId: number;
  text: string;
  /** Forum topic; marks the chat as a forum supergroup. */
  threadId?: number;
  languageCode?: string;
  chatTitle?: string;
}

export interface PressButtonInput {
  chatId: number;
  chatType?: ChatType;
  fromId: number;
  data: string;
  /** The bot message carrying the keyboard; a placeholder bot message is made up when unknown. */
  messageId?: number;
  languageCode?: string;
}

export interface MyChatMemberInput {
  chatId: number;
  chatType?: ChatType;
  newStatus: ChatMemberStatus;
  /** Defaults to 'left' when the bot joins and to 'member' when it leaves or is blocked. */
  oldStatus?: ChatMemberStatus;
  /** Who made the change; in private chats that is the user. */
  fromId?: number;
}

const now = (): number => Math.floor(Date.now() / 1000);

/** Registers the chat the update happens in, so later sends to it (even with strictChats) find it. */
function introduceChat(
  world: TelegramWorld,
  chatId: number,
  chatType: ChatType | undefined,
  extra: { title?: string; isForum?: boolean } = {},
): Chat {
  const type = chatType ?? inferChatType(chatId);
  const known = world.findChat(chatId);
  const forumOk = !extra.isForum || (known !== undefined && 'is_forum' in known && known.is_forum === true);
  if (known && known.type === type && forumOk && extra.title === undefined) return known;
  return world.rememberChat(
    buildChat(chatId, type, { title: extra.title ?? known?.title, username: known?.username, isForum: extra.isForum }),
  );
}

/** A bot_command entity covers "/command" or "/command@botname", up to the first whitespace. */
function commandEntities(text: string): MessageEntity[] | undefined {
  if (!text.startsWith('/')) return undefined;
  const length = text.split(/\s/, 1)[0]?.length ?? 0;
  return length > 1 ? [{ type: 'bot_command', offset: 0, length }] : undefined;
}

export function buildTextUpdate(world: TelegramWorld, input: SendTextInput): UpdateInput {
  const chat = introduceChat(world, input.chatId, input.chatType, { title: input.chatTitle, isForum: input.threadId !== undefined });
  const entities = commandEntities(input.text);
  const base = {
    message_id: world.nextMessageId(chat.id),
    date: now(),
    chat,
    text: input.text,
    ...(entities ? { entities } : {}),
    ...(input.threadId !== undefined ? { message_thread_id: input.threadId, is_topic_message: true } : {}),
  };
  if (chat.type === 'channel') {
    // Channel posts come from the channel itself, not from a user.
    const post = { ...base, sender_chat: chat } as Message;
    world.storeMessage(post);
    return { channel_post: post } as UpdateInput;
  }
  const from = world.rememberUser(buildUser(input.fromId, input.languageCode));
  const message = { ...base, from } as Message;
  world.storeMessage(message);
  return { message } as UpdateInput;
}

export function buildCallbackQueryUpdate(world: TelegramWorld, input: PressButtonInput, queryId: string): UpdateInput {
  const chat = introduceChat(world, input.chatId, input.chatType);
  const from = world.rememberUser(buildUser(input.fromId, input.languageCode));
  let message = input.messageId === undefined ? undefined : world.findMessage(chat.id, input.messageId);
  if (!message) {
    message = {
      message_id: input.messageId ?? world.nextMessageId(chat.id),
      from: world.bot,
      chat,
      date: now(),
      text: '…',
    } as Message;
    world.storeMessage(message);
  }
  world.openCallbackQueries.add(queryId);
  return {
    callback_query: {
      id: queryId,
      from,
      message,
      chat_instance: String(BigInt(chat.id) * -7919n + 104729n),
      data: input.data,
    },
  } as UpdateInput;
}

export function buildMyChatMemberUpdate(world: TelegramWorld, input: MyChatMemberInput): UpdateInput {
  const chat = introduceChat(world, input.chatId, input.chatType);
  const joining = input.newStatus === 'member' || input.newStatus === 'administrator' || input.newStatus === 'creator';
  const oldStatus = input.oldStatus ?? (joining ? 'left' : 'member');
  const fromId = input.fromId ?? (chat.type === 'private' ? chat.id : 1000);
  world.setMemberStatus(chat.id, world.bot.id, input.newStatus);
  return {
    my_chat_member: {
      chat,
      from: world.rememberUser(world.userFor(fromId)),
      date: now(),
      old_chat_member: buildChatMember(world.bot, oldStatus),
      new_chat_member: buildChatMember(world.bot, input.newStatus),
    },
  } as UpdateInput;
}
