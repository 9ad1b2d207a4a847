// What a command handler gets: the interaction, the bot's dependencies, the channel's target and subscription,
// the two languages, and a replier that respects Discord's limits and its 3-second answer window.
import type { ChatInputCommandInteraction } from 'discord.js';
import type { Clock } from '../../clock.ts';
import type { Config } from '../../config.ts';
import type { Pool } from '../../services/database.ts';
import type { SubscriptionRow } from '../../services/subscriptions.ts';
import type { ReaderLanguage } from '../../domain/alertLabels.ts';
import type { AlertPolicy } from '../../domain/alertPolicy.ts';
import type { Logger } from '../../logger.ts';
import type { Replier } from './createReplier.ts';
import type { CommandName, DiscordTexts } from './texts.ts';

export interface DiscordBotDeps {
  pool: Pool;
  clock: Clock;
  logger: Logger;
  config: Config;
  policy: AlertPolicy;
  editors: ReadonlySet<string>;
  editorRoleId: string | null;
  /** /lang chosen in a channel that has no subscription yet; used when it subscribes. In memory only. */
  languagePreferences: Map<string, ReaderLanguage>;
  /** Called after an editor decided a proposal here: tells the proposer without waiting for the timer. */
  onProposalDecided?: () => void;
}

export interface DiscordRequest {
  interaction: ChatInputCommandInteraction;
  deps: DiscordBotDeps;
  /** discord:<channel id> of the channel the command ran in. */
  target: string;
  subscription: SubscriptionRow | null;
  now: Date;
  /** Language of replies only the invoker sees: their Discord locale when it is Chinese or English. */
  readerLanguage: ReaderLanguage;
  /** Language of the channel: its alerts and the public replies about its subscription. */
  channelLanguage: ReaderLanguage;
  /** Texts in readerLanguage. */
  texts: DiscordTexts;
  reply: Replier;
}

/** manager: may change the channel's subscription (Manage Channels). editor: may record statuses. */
export type CommandAccess = 'everyone' | 'manager' | 'editor';

export interface DiscordCommand {
  name: CommandName;
  access: CommandAccess;
  /** Where subcommands differ from `access` (/digest preview only reads). */
  subcommandAccess?: Readonly<Record<string, CommandAccess>>;
  run(request: DiscordRequest): Promise<void>;
}

/** Who may run this invocation of the command: its subcommand's rule, else the command's. */
export function accessOf(command: DiscordCommand, interaction: ChatInputCommandInteraction): CommandAccess {
  const subcommand = interaction.options.getSubcommand(false);
  return (subcommand !== null ? command.subcommandAccess?.[subcommand] : undefined) ?? command.access;
}

export function isActive(row: SubscriptionRow | null): row is SubscriptionRow {
  return row !== null && row.disabledAt === null;
}

export function isEverything(row: SubscriptionRow | null): boolean {
  return isActive(row) && row.bureaus === null && row.refs === null;
}
