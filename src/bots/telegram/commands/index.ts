// Every command the bot answers, in the order /help and setMyCommands list them.
import type { TelegramCommand } from '../TelegramCommand.ts';
import { COMMAND_NAMES } from '../texts.ts';
import { bureausCommand } from './bureaus.ts';
import { calendarCommand } from './calendar.ts';
import { digestCommand } from './digest.ts';
import { reportCommand, reviewCommand } from './evidence.ts';
import { overdueCommand, upcomingCommand } from './dueLists.ts';
import { langCommand } from './lang.ts';
import { muteCommand } from './mute.ts';
import { showCommand } from './show.ts';
import { helpCommand, startCommand } from './start.ts';
import { claimedCommand, metCommand, rescheduleCommand } from './statusCommands.ts';
import { subscribeCommand, unsubscribeCommand } from './subscribe.ts';
import { subscriptionsCommand } from './subscriptions.ts';
import { deadlinesCommand, watchdogCommand } from './switches.ts';
import { whyCommand } from './why.ts';

const ALL: readonly TelegramCommand[] = [
  startCommand,
  helpCommand,
  bureausCommand,
  subscribeCommand,
  unsubscribeCommand,
  watchdogCommand,
  digestCommand,
  deadlinesCommand,
  subscriptionsCommand,
  upcomingCommand,
  overdueCommand,
  showCommand,
  reportCommand,
  langCommand,
  muteCommand,
  whyCommand,
  calendarCommand,
  metCommand,
  claimedCommand,
  rescheduleCommand,
  reviewCommand,
];

export const TELEGRAM_COMMANDS: readonly TelegramCommand[] = COMMAND_NAMES.map((name) => {
  const command = ALL.find((candidate) => candidate.name === name);
  if (!command) throw new Error(`no handler for /${name}`);
  return command;
});
