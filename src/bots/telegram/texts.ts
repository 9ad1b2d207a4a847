// Every reply of the Telegram bot, in the two reader languages, as Telegram HTML: the shared replies of
// buildBotTexts plus what only this bot says, all from the message catalog (src/texts/*.ftl). Dynamic values
// are escaped here, at the point where they meet markup; callers pass plain text.
import type { ReaderLanguage } from '../../domain/alertLabels.ts';
import { escapeHtml } from '../../notify/telegram/escapeHtml.ts';
import { createSay } from '../../texts/createSay.ts';
import { formatMessage, hasMessage } from '../../texts/formatMessage.ts';
import { TELEGRAM_HTML } from '../../texts/markups.ts';
import { recordOf } from '../../texts/recordOf.ts';
import { buildBotTexts, type SharedBotTexts } from '../buildBotTexts.ts';

export const COMMAND_NAMES = [
  'start',
  'help',
  'bureaus',
  'subscribe',
  'unsubscribe',
  'watchdog',
  'digest',
  'deadlines',
  'subscriptions',
  'upcoming',
  'overdue',
  'show',
  'report',
  'lang',
  'mute',
  'why',
  'calendar',
  'met',
  'claimed',
  'reschedule',
  'review',
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];
export const EDITOR_COMMANDS: readonly CommandName[] = ['met', 'claimed', 'reschedule', 'review'];

interface CommandText {
  description: string;
  /** Arguments as typed after the command, plain text ("<bureau…|all>"). */
  args: string;
  example?: string;
}

const TELEGRAM_STRINGS = [
  'welcome',
  'helpHeading',
  'editorHeading',
  'helpFooter',
  'usagePrefix',
  'examplePrefix',
  'notCommand',
  'notAdmin',
  'editorNeedsPerson',
  'bureausHeading',
  'pickToSubscribe',
  'pickToUnsubscribe',
  'allButton',
  'milestonesHeading',
  'sourcePhrase',
  'reasonNeeded',
  'joinedGroup',
] as const;
const SWITCHES = ['watchdog', 'digest', 'deadlines'] as const;

export type BotTexts = SharedBotTexts &
  Record<(typeof TELEGRAM_STRINGS)[number], string> & {
    commands: Record<CommandName, CommandText>;
    unknownCommand(command: string): string;
    bureauCount(count: number): string;
    unknownBureaus(words: readonly string[]): string;
    subscriptionHeading(target: string): string;
    switchNames: Record<(typeof SWITCHES)[number], string>;
    switchSet(name: string, on: boolean): string;
    switchCreated(name: string): string;
    switchNothingToTurnOff(name: string): string;
    /** When the digest goes out, e.g. "逢星期一 09:00（Asia/Hong_Kong）" (plain text). */
    digestSchedule(when: string): string;
    digestNotDayOrTime(word: string): string;
    /** Callback answers: plain text, not escaped. */
    toggledOn(name: string): string;
    toggledOff(name: string): string;
  };

/** A command's menu entry; arguments and example are plain text (usageLine escapes them). */
function commandText(language: ReaderLanguage, name: CommandName): CommandText {
  const id = `telegram-command-${name}`;
  const optional = (attribute: string) => (hasMessage(language, id, attribute) ? formatMessage(language, id, {}, attribute) : undefined);
  const example = optional('example');
  return { description: formatMessage(language, id), args: optional('args') ?? '', ...(example ? { example } : {}) };
}

function buildTelegramTexts(language: ReaderLanguage): BotTexts {
  const say = createSay(language, TELEGRAM_HTML, { channel: 'telegram' });
  return {
    ...buildBotTexts(language, 'telegram', TELEGRAM_HTML, TELEGRAM_HTML),
    ...recordOf(TELEGRAM_STRINGS, (key) => say(`telegram-${key}`)),
    commands: recordOf(COMMAND_NAMES, (name) => commandText(language, name)),
    unknownCommand: (command) => say('telegram-unknownCommand', { command }),
    bureauCount: (count) => say('telegram-bureauCount', { count }),
    unknownBureaus: (words) => say('unknownBureaus', { words: words.join(formatMessage(language, 'listSeparator')) }),
    subscriptionHeading: (target) => say('subscriptionHeading', { target }),
    switchNames: recordOf(SWITCHES, (name) => say(`telegram-switch-${name}`)),
    switchSet: (name, on) => say('telegram-switchSet', { name, on }),
    switchCreated: (name) => say('telegram-switchCreated', { name }),
    switchNothingToTurnOff: (name) => say('telegram-switchNothingToTurnOff', { name }),
    digestSchedule: (when) => say('telegram-digestSchedule', { when }),
    digestNotDayOrTime: (word) => say('telegram-digestNotDayOrTime', { word }),
    toggledOn: (name) => formatMessage(language, 'telegram-toggledOn', { name }),
    toggledOff: (name) => formatMessage(language, 'telegram-toggledOff', { name }),
  };
}

export const TEXTS: Record<ReaderLanguage, BotTexts> = { 'zh-HK': buildTelegramTexts('zh-HK'), en: buildTelegramTexts('en') };

export function textsFor(language: ReaderLanguage): BotTexts {
  return TEXTS[language];
}

/** "Usage: /subscribe <bureau…|all> · Example: /subscribe DEVB", escaped. */
export function usageLine(language: ReaderLanguage, command: CommandName): string {
  const texts = TEXTS[language];
  const entry = texts.commands[command];
  const usage = `${texts.usagePrefix}/${command}${entry.args ? ` ${entry.args}` : ''}`;
  return escapeHtml(entry.example ? `${usage}\n${texts.examplePrefix}${entry.example}` : usage);
}
