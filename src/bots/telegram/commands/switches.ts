// /watchdog on|off, /digest on|off and /deadlines on|off: the subscription's switches. Turning watchdog or
// digest on in a chat without a subscription creates one for all bureaux with only that switch on (a
// watchdog group wants overdue reminders, a channel the weekly digest, not every deadline alert).
import { subscribe, updateSubscriptionSettings } from '../../../db/subscriptions.ts';
import { parseSwitch } from '../../parseSwitch.ts';
import { isActive } from '../ChatRequest.ts';
import { describeForChat } from '../describeForChat.ts';
import { replyUsage } from '../replyUsage.ts';
import type { TelegramCommand } from '../TelegramCommand.ts';

type SwitchName = 'watchdog' | 'digest' | 'deadlines';

function createSwitchCommand(name: SwitchName): TelegramCommand {
  return {
    name,
    access: 'manager',
    async run(request) {
      const { texts, deps, chat, subscription, now } = request;
      const value = parseSwitch(request.args);
      if (value === null) return replyUsage(request, name);
      const label = texts.switchNames[name];
      if (!isActive(subscription)) {
        if (!value) return void (await request.reply(texts.switchNothingToTurnOff(label)));
        if (name === 'deadlines') return void (await request.reply(texts.noSubscription));
        const row = await subscribe(
          deps.pool,
          { target: chat.target, all: true, deadlines: false, watchdog: name === 'watchdog', digest: name === 'digest', language: request.language },
          now,
        );
        deps.languagePreferences.delete(chat.target);
        await request.reply([texts.switchCreated(label), describeForChat(request, row)]);
        return;
      }
      const row = await updateSubscriptionSettings(deps.pool, chat.target, { [name]: value }, now);
      if (!row) return void (await request.reply(texts.noSubscription));
      const blocks = [texts.switchSet(label, value)];
      if (!row.deadlines && !row.watchdog && !row.digest) blocks.push(texts.everythingOff);
      blocks.push(describeForChat(request, row));
      await request.reply(blocks);
    },
  };
}

export const watchdogCommand = createSwitchCommand('watchdog');
export const digestCommand = createSwitchCommand('digest');
export const deadlinesCommand = createSwitchCommand('deadlines');
