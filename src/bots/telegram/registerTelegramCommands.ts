// The command menu: Chinese by default, English for people whose Telegram is in English (Telegram only
// accepts two-letter language codes, so "zh-hant" cannot be targeted; Chinese is the fallback for all).
// Editors also see their commands in their private chat with the bot. Each menu is set only when Telegram's
// differs, so replicas starting together (which take turns, see startTelegramBot) do not rewrite it.
import type { Api } from 'grammy';
import type { BotCommand, BotCommandScope, LanguageCode } from 'grammy/types';
import type { ReaderLanguage } from '../../domain/alertLabels.ts';
import type { Logger } from '../../logger.ts';
import { COMMAND_NAMES, EDITOR_COMMANDS, TEXTS } from './texts.ts';

export function listBotCommands(language: ReaderLanguage, withEditorCommands: boolean): BotCommand[] {
  return COMMAND_NAMES.filter((name) => withEditorCommands || !EDITOR_COMMANDS.includes(name)).map((name) => ({
    command: name,
    description: TEXTS[language].commands[name].description,
  }));
}

const sameCommands = (a: readonly BotCommand[], b: readonly BotCommand[]): boolean =>
  a.length === b.length && a.every((entry, i) => entry.command === b[i]!.command && entry.description === b[i]!.description);

/** Sets one menu unless Telegram already has exactly it; returns whether it was set. */
async function ensureCommands(api: Api, commands: BotCommand[], scope?: BotCommandScope, languageCode?: LanguageCode): Promise<boolean> {
  const where = { ...(scope ? { scope } : {}), ...(languageCode ? { language_code: languageCode } : {}) };
  const current = await api.getMyCommands(where);
  if (sameCommands(current, commands)) return false;
  await api.setMyCommands(commands, where);
  return true;
}

/** Returns how many menus were set (0 when Telegram already had them all). */
export async function registerTelegramCommands(api: Api, editors: readonly string[], logger: Logger): Promise<number> {
  let set = 0;
  if (await ensureCommands(api, listBotCommands('zh-HK', false))) set++;
  if (await ensureCommands(api, listBotCommands('en', false), undefined, 'en')) set++;
  for (const editor of editors) {
    const scope = { type: 'chat' as const, chat_id: Number(editor) };
    try {
      if (await ensureCommands(api, listBotCommands('zh-HK', true), scope)) set++;
      if (await ensureCommands(api, listBotCommands('en', true), scope, 'en')) set++;
    } catch (error) {
      // An editor who never opened a chat with the bot has no chat to scope to yet; /help still lists them.
      logger.warn({ editor, err: error }, 'could not register the editor commands for this editor');
    }
  }
  return set;
}
