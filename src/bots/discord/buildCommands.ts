// The slash commands as Discord registers them (one bulk overwrite on start). Commands that change a channel's
// subscription are hidden by default from members without Manage Channels (default_member_permissions; server
// admins can widen that under Integrations) and are checked again on receipt. /status is visible to everyone
// because editors are a role or a list of users the bot knows, not a Discord permission; it checks on receipt.
import {
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  InteractionContextType,
  Locale,
  PermissionFlagsBits,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandOption,
  type LocalizationMap,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { labelsFor } from '../../domain/alertLabels.ts';
import { MILESTONE_STATUSES } from '../../domain/milestoneStatus.ts';
import { DIGEST_WEEKDAYS } from '../../domain/resolveDigestSchedule.ts';
import { MAX_MUTE_DAYS, MAX_UPCOMING_DAYS } from '../parseBotArguments.ts';
import { WEEKDAY_NAMES } from '../weekdayNames.ts';
import { DISCORD_TEXTS, type CommandName, type DiscordTexts } from './texts.ts';

export const MANAGE_CHANNELS = String(PermissionFlagsBits.ManageChannels);
const IN_GUILD = [InteractionContextType.Guild];
const ANYWHERE = [InteractionContextType.Guild, InteractionContextType.BotDM];

/** zh-TW is Discord's only Traditional Chinese locale; the English locales repeat the base text. */
function localize(pick: (texts: DiscordTexts) => string): LocalizationMap {
  const zh = pick(DISCORD_TEXTS['zh-HK']);
  const en = pick(DISCORD_TEXTS.en);
  return { [Locale.ChineseTW]: zh, [Locale.EnglishUS]: en, [Locale.EnglishGB]: en };
}

/** The name, description and their localizations of an option or subcommand, from texts.ts. */
function describeOption(command: CommandName, name: string) {
  const described = (texts: DiscordTexts) => {
    const found = texts.commands[command].options[name];
    if (!found) throw new Error(`texts.ts has no option ${command}.${name}`);
    return found;
  };
  return {
    name,
    name_localizations: localize((texts) => described(texts).name),
    description: described(DISCORD_TEXTS.en).description,
    description_localizations: localize((texts) => described(texts).description),
  };
}

function option(
  command: CommandName,
  name: string,
  type: ApplicationCommandOptionType.String | ApplicationCommandOptionType.Integer | ApplicationCommandOptionType.Boolean,
  extra: Record<string, unknown> = {},
): APIApplicationCommandBasicOption {
  return { type, ...describeOption(command, name), ...extra } as APIApplicationCommandBasicOption;
}

function subcommand(command: CommandName, name: string, options: APIApplicationCommandBasicOption[] = []): APIApplicationCommandSubcommandOption {
  return { type: ApplicationCommandOptionType.Subcommand, ...describeOption(command, name), options };
}

function command(
  name: CommandName,
  options: (APIApplicationCommandBasicOption | APIApplicationCommandSubcommandOption)[],
  access: { manage?: boolean; contexts: InteractionContextType[] },
): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return {
    name,
    name_localizations: localize((texts) => texts.commands[name].name),
    description: DISCORD_TEXTS.en.commands[name].description,
    description_localizations: localize((texts) => texts.commands[name].description),
    options,
    default_member_permissions: access.manage ? MANAGE_CHANNELS : null,
    contexts: access.contexts,
    // Discord's default, said explicitly so the registered commands compare equal to these (registerDiscordCommands).
    integration_types: [ApplicationIntegrationType.GuildInstall],
  };
}

export function buildCommands(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const { String: text, Integer: integer, Boolean: boolean } = ApplicationCommandOptionType;
  const bureau = (name: CommandName, required: boolean) => option(name, 'bureau', text, { required, autocomplete: true, max_length: 100 });
  const statusChoices = MILESTONE_STATUSES.map((status) => ({
    name: status,
    name_localizations: { [Locale.ChineseTW]: labelsFor('zh-HK').status[status] },
    value: status,
  }));
  const reportChoices = (['met', 'claimed', 'progress', 'dropped'] as const).map((status) => ({
    name: status,
    name_localizations: { [Locale.ChineseTW]: status === 'progress' ? '有進展' : labelsFor('zh-HK').status[status] },
    value: status,
  }));
  const languageChoices = (['zh', 'en'] as const).map((value) => ({
    name: DISCORD_TEXTS.en.languageChoices[value],
    name_localizations: localize((texts) => texts.languageChoices[value]),
    value,
  }));
  const dayChoices = DIGEST_WEEKDAYS.map((day) => ({
    name: WEEKDAY_NAMES.en[day],
    name_localizations: { [Locale.ChineseTW]: WEEKDAY_NAMES['zh-HK'][day] },
    value: day,
  }));
  return [
    command('subscribe', [bureau('subscribe', true), option('subscribe', 'watchdog', boolean), option('subscribe', 'digest', boolean)], { manage: true, contexts: IN_GUILD }),
    command('unsubscribe', [bureau('unsubscribe', true)], { manage: true, contexts: IN_GUILD }),
    command('subscriptions', [], { contexts: IN_GUILD }),
    // Discord sets permissions per command, not per subcommand: /digest is shown to managers like /subscribe,
    // and preview, which only reads, is let through on receipt for anyone a server admin shows it to.
    command(
      'digest',
      [
        subcommand('digest', 'on', [option('digest', 'day', text, { choices: dayChoices }), option('digest', 'time', text, { min_length: 4, max_length: 5 })]),
        subcommand('digest', 'off'),
        subcommand('digest', 'skip-empty', [option('digest', 'enabled', boolean, { required: true })]),
        subcommand('digest', 'preview'),
      ],
      { manage: true, contexts: IN_GUILD },
    ),
    command('upcoming', [bureau('upcoming', false), option('upcoming', 'days', integer, { min_value: 1, max_value: MAX_UPCOMING_DAYS })], { contexts: ANYWHERE }),
    command('overdue', [bureau('overdue', false)], { contexts: ANYWHERE }),
    command('show', [option('show', 'ref', text, { required: true, autocomplete: true, max_length: 100 })], { contexts: ANYWHERE }),
    command('lang', [option('lang', 'language', text, { required: true, choices: languageChoices })], { manage: true, contexts: IN_GUILD }),
    command('mute', [option('mute', 'days', integer, { required: true, min_value: 0, max_value: MAX_MUTE_DAYS })], { manage: true, contexts: IN_GUILD }),
    command('why', [option('why', 'ref', text, { required: true, autocomplete: true, max_length: 100 })], { manage: true, contexts: IN_GUILD }),
    command('calendar', [option('calendar', 'action', text, { choices: [{ name: 'url', value: 'url' }, { name: 'rotate', value: 'rotate' }] })], { manage: true, contexts: IN_GUILD }),
    command(
      'status',
      [
        option('status', 'ref', text, { required: true, autocomplete: true, max_length: 100 }),
        option('status', 'status', text, { required: true, choices: statusChoices }),
        option('status', 'evidence', text, { max_length: 1000 }),
        option('status', 'due', text, { min_length: 10, max_length: 10 }),
        option('status', 'note', text, { max_length: 500 }),
      ],
      { contexts: ANYWHERE },
    ),
    command(
      'report',
      [
        option('report', 'ref', text, { required: true, autocomplete: true, max_length: 100 }),
        option('report', 'status', text, { required: true, choices: reportChoices }),
        option('report', 'url', text, { required: true, max_length: 1000 }),
        option('report', 'note', text, { max_length: 500 }),
      ],
      { contexts: ANYWHERE },
    ),
    command('review', [], { contexts: ANYWHERE }),
  ];
}
