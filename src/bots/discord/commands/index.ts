// Every slash command the bot answers, by name.
import type { DiscordCommand } from '../DiscordCommand.ts';
import type { CommandName } from '../texts.ts';
import { overdueCommand, upcomingCommand } from './dueListCommands.ts';
import { langCommand, muteCommand } from './settingsCommands.ts';
import { showCommand } from './showCommand.ts';
import { statusCommand } from './statusCommand.ts';
import { subscribeCommand, subscriptionsCommand, unsubscribeCommand } from './subscriptionCommands.ts';

export const DISCORD_COMMANDS: ReadonlyMap<CommandName, DiscordCommand> = new Map(
  [subscribeCommand, unsubscribeCommand, subscriptionsCommand, upcomingCommand, overdueCommand, showCommand, langCommand, muteCommand, statusCommand].map(
    (command) => [command.name, command],
  ),
);
