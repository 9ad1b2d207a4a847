// What the Discord bot says, in both reader languages: command names and descriptions as Discord shows them
// (zh-TW is Discord's Traditional Chinese locale; English is the base), and every reply — the shared replies of
// buildBotTexts plus what only this bot says, all from the message catalog (src/texts/*.ftl). Replies use
// Discord markdown, embed titles plain text; anything a person typed is escaped by the caller.
import type { ReaderLanguage } from '../../domain/alertLabels.ts';
import { createSay } from '../../texts/createSay.ts';
import { formatMessage } from '../../texts/formatMessage.ts';
import { DISCORD_MARKDOWN, PLAIN_TEXT } from '../../texts/markups.ts';
import { recordOf } from '../../texts/recordOf.ts';
import { buildBotTexts, type SharedBotTexts } from '../buildBotTexts.ts';

export const COMMAND_NAMES = ['subscribe', 'unsubscribe', 'subscriptions', 'digest', 'upcoming', 'overdue', 'show', 'lang', 'mute', 'why', 'calendar', 'status', 'report', 'review'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export interface Described {
  name: string;
  description: string;
}

export interface CommandText extends Described {
  /** Options and subcommands by their (English) name; names are unique within a command. */
  options: Record<string, Described>;
}

/** Each command's options and subcommands, by their (English) name, as the catalog keys them. */
const COMMAND_OPTIONS: Readonly<Record<CommandName, readonly string[]>> = {
  subscribe: ['bureau', 'watchdog', 'digest'],
  unsubscribe: ['bureau'],
  subscriptions: [],
  digest: ['on', 'off', 'skip-empty', 'preview', 'day', 'time', 'enabled'],
  upcoming: ['bureau', 'days'],
  overdue: ['bureau'],
  show: ['ref'],
  lang: ['language'],
  mute: ['days'],
  why: ['ref'],
  calendar: ['action'],
  status: ['ref', 'status', 'evidence', 'due', 'note'],
  report: ['ref', 'status', 'url', 'note'],
  review: [],
};

const DISCORD_STRINGS = [
  'allBureaux',
  'guildOnly',
  'needsManageChannels',
  'unknownCommand',
  'languageProblem',
  'muteProblem',
  'digestOff',
  'digestTimeProblem',
  'digestDayProblem',
] as const;

export type DiscordTexts = SharedBotTexts &
  Record<(typeof DISCORD_STRINGS)[number], string> & {
    commands: Record<CommandName, CommandText>;
    languageChoices: Record<'zh' | 'en', string>;
    unknownBureaus(words: string): string;
    subscriptionHeading: string;
    alertLanguage(language: string, other: string): string;
    /** When the digest goes out, e.g. "逢星期一 09:00（Asia/Hong_Kong）". */
    digestOn(when: string): string;
    digestCreated(when: string): string;
  };

function described(language: ReaderLanguage, id: string): Described {
  return { name: formatMessage(language, id), description: formatMessage(language, id, {}, 'description') };
}

function commandText(language: ReaderLanguage, command: CommandName): CommandText {
  const options = recordOf(COMMAND_OPTIONS[command], (option) => described(language, `discord-option-${command}-${option}`));
  return { ...described(language, `discord-command-${command}`), options };
}

function buildDiscordTexts(language: ReaderLanguage): DiscordTexts {
  const say = createSay(language, DISCORD_MARKDOWN, { channel: 'discord' });
  const title = createSay(language, PLAIN_TEXT, { channel: 'discord' });
  return {
    ...buildBotTexts(language, 'discord', DISCORD_MARKDOWN, PLAIN_TEXT),
    ...recordOf(DISCORD_STRINGS, (key) => say(`discord-${key}`)),
    commands: recordOf(COMMAND_NAMES, (command) => commandText(language, command)),
    languageChoices: { zh: say('discord-language-zh'), en: say('discord-language-en') },
    unknownBureaus: (words) => say('unknownBureaus', { words }),
    subscriptionHeading: title('subscriptionHeading'),
    alertLanguage: (alertLanguage, other) => say('discord-alertLanguage', { language: alertLanguage, other }),
    digestOn: (when) => say('discord-digestOn', { when }),
    digestCreated: (when) => say('discord-digestCreated', { when }),
  };
}

export const DISCORD_TEXTS: Readonly<Record<ReaderLanguage, DiscordTexts>> = { 'zh-HK': buildDiscordTexts('zh-HK'), en: buildDiscordTexts('en') };

export function textsFor(language: ReaderLanguage): DiscordTexts {
  return DISCORD_TEXTS[language];
}
