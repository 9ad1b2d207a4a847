// Every slash command the bot answers, by name.
import type { DiscordCommand } from '../DiscordCommand.ts';
import type { CommandName } from '../texts.ts';
import { digestCommand } from './digestCommand.ts';
import { overdueCommand, upcomingCommand } from './dueListCommands.ts';
import { reportCommand, reviewCommand } from './evidenceCommands.ts';
import { calendarCommand, langCommand, muteCommand } from './settingsCommands.ts';
import { showCommand } from './showCommand.ts';
import { statusCommand } from './statusCommand.ts';
import { subscribeCommand, subscriptionsCommand, unsubscribeCommand } from './subscriptionCommands.ts';
import { whyCommand } from './whyCommand.ts';

const ALL: readonly DiscordCommand[] = [
  subscribeCommand,
  unsubscribeCommand,
  subscriptionsCommand,
  digestCommand,
  upcomingCommand,
  overdueCommand,
  showCommand,
  langCommand,
  muteCommand,
  whyCommand,
  calendarCommand,
  statusCommand,
  reportCommand,
  reviewCommand,
];

export const DISCORD_COMMANDS: ReadonlyMap<CommandName, DiscordCommand> = new Map(ALL.map((command) => [command.name, command]));
