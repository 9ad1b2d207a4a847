// Wires the bot's updates to their handlers: commands (with their access rule), bureau buttons, the bot's
// own membership, group migrations, and an answer for anything unknown. Updates are handled per chat in
// order but chats in parallel; a failing handler is logged and answered with a short apology.
import type { Bot, Context } from 'grammy';
import { canManageChat, createChatRequest, isEditor } from './ChatRequest.ts';
import { BUREAU_BUTTON_PATTERN } from './buildBureauKeyboard.ts';
import { handleBureauButton } from './commands/bureauButtons.ts';
import { REVIEW_BUTTON_PATTERN } from '../describeProposal.ts';
import { handleReviewButton } from './commands/evidence.ts';
import { TELEGRAM_COMMANDS } from './commands/index.ts';
import { createChatSequencer, type ChatSequencer } from './createChatSequencer.ts';
import { handleChatMigration } from './handleChatMigration.ts';
import { handleMyChatMember } from './handleMyChatMember.ts';
import type { TelegramCommand } from './TelegramCommand.ts';
import type { TelegramBotDeps } from './TelegramBotDeps.ts';
import { textsFor } from './texts.ts';

async function runCommand(ctx: Context, deps: TelegramBotDeps, command: TelegramCommand): Promise<void> {
  const request = await createChatRequest(ctx, deps);
  if (!request) return;
  const access = typeof command.access === 'function' ? command.access(request.args) : command.access;
  if (access === 'manager' && !(await canManageChat(request))) return void (await request.reply(request.texts.notAdmin));
  if (access === 'editor') {
    if (!ctx.from) return void (await request.reply(request.texts.editorNeedsPerson));
    if (!isEditor(request)) return void (await request.reply(request.texts.notEditor));
  }
  await command.run(request);
}

/** The command word at the start of a message ("/foo" or "/foo@bot"), or null. */
function leadingCommand(ctx: Context): { name: string; addressedTo: string | null; text: string } | null {
  const message = ctx.msg;
  const text = message?.text ?? message?.caption;
  const entity = (message?.entities ?? message?.caption_entities)?.find((e) => e.type === 'bot_command' && e.offset === 0);
  if (!text || !entity) return null;
  const word = text.slice(1, entity.length);
  const at = word.indexOf('@');
  return { name: at === -1 ? word : word.slice(0, at), addressedTo: at === -1 ? null : word.slice(at + 1), text: text.slice(0, entity.length) };
}

async function handleUnknown(ctx: Context, deps: TelegramBotDeps): Promise<void> {
  const chat = ctx.chat;
  if (!chat) return;
  const command = leadingCommand(ctx);
  const isPrivate = chat.type === 'private';
  if (!command) {
    // Ordinary conversation in groups is none of the bot's business; in a private chat, point the way.
    if (isPrivate && ctx.msg?.text) {
      const request = await createChatRequest(ctx, deps);
      if (request) await request.reply(request.texts.notCommand);
    }
    return;
  }
  const addressedToUs = command.addressedTo?.toLowerCase() === ctx.me.username.toLowerCase();
  // In groups a bare /command may be meant for another bot; answer only what is clearly ours.
  if (command.addressedTo !== null && !addressedToUs) return;
  if (!isPrivate && !addressedToUs) return;
  const request = await createChatRequest(ctx, deps);
  if (request) await request.reply(request.texts.unknownCommand(command.text));
}

async function apologise(error: unknown, ctx: Context, deps: TelegramBotDeps): Promise<void> {
  deps.logger.error({ err: error, updateId: ctx.update.update_id, chatId: ctx.chat?.id }, 'telegram update failed');
  const texts = textsFor('zh-HK');
  if (ctx.callbackQuery) {
    await ctx.answerCallbackQuery({ text: texts.failed.replace(/<[^>]+>/g, '') });
    return;
  }
  if (ctx.chat && leadingCommand(ctx)) {
    const request = await createChatRequest(ctx, deps).catch(() => null);
    await ctx.reply((request?.texts ?? texts).failed, { parse_mode: 'HTML' });
  }
}

export function installTelegramHandlers(bot: Bot, deps: TelegramBotDeps): ChatSequencer {
  const sequencer = createChatSequencer((error, ctx) => apologise(error, ctx, deps));
  bot.use(sequencer.middleware);
  bot.on('my_chat_member', (ctx) => handleMyChatMember(ctx, deps));
  bot.on(['message:migrate_to_chat_id', 'message:migrate_from_chat_id'], (ctx) => handleChatMigration(ctx, deps));
  for (const command of TELEGRAM_COMMANDS) bot.command(command.name, (ctx) => runCommand(ctx, deps, command));
  bot.callbackQuery(BUREAU_BUTTON_PATTERN, (ctx) => handleBureauButton(ctx, deps));
  bot.callbackQuery(REVIEW_BUTTON_PATTERN, (ctx) => handleReviewButton(ctx, deps, () => deps.onProposalDecided?.()));
  // A button from an older version of the bot: stop the spinner, nothing else.
  bot.on('callback_query', (ctx) => ctx.answerCallbackQuery());
  bot.on(['message', 'channel_post'], (ctx) => handleUnknown(ctx, deps));
  return sequencer;
}
