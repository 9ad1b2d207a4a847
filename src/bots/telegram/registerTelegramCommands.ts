// The command menu: Chinese by default, English for people whose Telegram is in English (Telegram only
// accepts two-letter language codes, so "zh-hant" cannot be targeted; Chinese is the fallback for all).
// Editors also see their commands in their private chat with the bot.
import type { Api } from 'grammy';
import type { BotCommand } from 'grammy/types';
import type { ReaderLanguage } from '../../domain/alertLabels.ts';
import type { Logger } from '../../logger.ts';
import { COMMAND_NAMES, EDITOR_COMMANDS, TEXTS } from './texts.ts';

export function listBotCommands(language: ReaderLanguage, withEditorCommands: boolean): BotCommand[] {
  return COMMAND_NAMES.filter((name) => withEditorCommands || !EDITOR_COMMANDS.includes(name)).map((name) => ({
    command: name,
    description: TEXTS[language].commands[name].description,
  }));
}

export async function registerTelegramCommands(api: Api, editors: readonly string[], logger: Logger): Promise<void> {
  await api.setMyCommands(listBotCommands('zh-HK', false));
  await api.setMyCommands(listBotCommands('en', false), { language_code: 'en' });
  for (const editor of editors) {
    const scope = { type: 'chat' as const, chat_id: Number(editor) };
    try {
      await api.setMyCommands(listBotCommands('zh-HK', true), { scope });
      await api.setMyCommands(listBotCommands('en', true), { scope, language_code: 'en' });
    } catch (error) {
      // An editor who never opened a chat with the bot has no chat to scope to yet; /help still lists them.
      logger.warn({ editor, err: error }, 'could not register the editor commands for this editor');
    }
  }
}
