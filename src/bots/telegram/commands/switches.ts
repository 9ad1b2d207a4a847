// /watchdog on|off and /deadlines on|off: the subscription's switches, and setSwitch, which /digest shares.
// Turning watchdog or digest on in a chat without a subscription creates one for all bureaux with only that
// switch on (a watchdog group wants overdue reminders, a channel the weekly digest, not every deadline alert).
import { subscribe, changeSubscriptionSettings, type SubscriptionRow } from '../../../services/subscriptions.ts';
import { parseSwitch } from '../../parseBotArguments.ts';
import { isActive, type ChatRequest } from '../ChatRequest.ts';
import { describeForChat } from '../describeForChat.ts';
import { replyUsage } from '../replyUsage.ts';
import type { TelegramCommand } from '../TelegramCommand.ts';

export type SwitchName = 'watchdog' | 'digest' | 'deadlines';

export interface SwitchExtras {
  /** Settings written along with turning the switch on (the digest's day and time). */
  settings?: Pick<Parameters<typeof changeSubscriptionSettings>[2], 'digestDay' | 'digestTime'>;
  /** A line after the confirmation, about the subscription as it now stands (when the digest comes). */
  note?: (row: SubscriptionRow) => string;
}

/** Turns one switch on or off and replies with the outcome and the subscription as it now stands. */
export async function setSwitch(request: ChatRequest, name: SwitchName, value: boolean, extras: SwitchExtras = {}): Promise<void> {
  const { texts, deps, chat, subscription, now } = request;
  const label = texts.switchNames[name];
  const settings = value ? (extras.settings ?? {}) : {};
  if (!isActive(subscription)) {
    if (!value) return void (await request.reply(texts.switchNothingToTurnOff(label)));
    if (name === 'deadlines') return void (await request.reply(texts.noSubscription));
    let row = await subscribe(
      deps.pool,
      { target: chat.target, all: true, deadlines: false, watchdog: name === 'watchdog', digest: name === 'digest', language: request.language },
      now,
    );
    if (Object.values(settings).some((setting) => setting !== undefined)) row = (await changeSubscriptionSettings(deps.pool, chat.target, settings, now)) ?? row;
    deps.languagePreferences.delete(chat.target);
    const created = texts.switchCreated(label);
    await request.reply([extras.note ? `${created}\n${extras.note(row)}` : created, describeForChat(request, row)]);
    return;
  }
  const row = await changeSubscriptionSettings(deps.pool, chat.target, { [name]: value, ...settings }, now);
  if (!row) return void (await request.reply(texts.noSubscription));
  const done = texts.switchSet(label, value);
  const blocks = [value && extras.note ? `${done}\n${extras.note(row)}` : done];
  if (!row.deadlines && !row.watchdog && !row.digest) blocks.push(texts.everythingOff);
  blocks.push(describeForChat(request, row));
  await request.reply(blocks);
}

function createSwitchCommand(name: Exclude<SwitchName, 'digest'>): TelegramCommand {
  return {
    name,
    access: 'manager',
    async run(request) {
      const value = parseSwitch(request.args);
      if (value === null) return replyUsage(request, name);
      await setSwitch(request, name, value);
    },
  };
}

export const watchdogCommand = createSwitchCommand('watchdog');
export const deadlinesCommand = createSwitchCommand('deadlines');
