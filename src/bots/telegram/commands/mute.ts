// /mute <days>|off: no alerts for that many days (alerts due meanwhile are dropped, not delayed).
import { updateSubscriptionSettings } from '../../../db/subscriptions.ts';
import { formatLocalTime } from '../../formatLocalTime.ts';
import { parseMuteArgument } from '../../parseMuteArgument.ts';
import { isActive } from '../ChatRequest.ts';
import { replyUsage } from '../replyUsage.ts';
import type { TelegramCommand } from '../TelegramCommand.ts';

const DAY_MS = 86_400_000;

export const muteCommand: TelegramCommand = {
  name: 'mute',
  access: 'manager',
  async run(request) {
    const mute = parseMuteArgument(request.args);
    if (!mute) return replyUsage(request, 'mute');
    const { deps, chat, texts, now } = request;
    if (!isActive(request.subscription)) return void (await request.reply(texts.noSubscription));
    if (mute.off) {
      await updateSubscriptionSettings(deps.pool, chat.target, { mutedUntil: null }, now);
      await request.reply(texts.unmuted);
      return;
    }
    const until = new Date(now.getTime() + mute.days * DAY_MS);
    await updateSubscriptionSettings(deps.pool, chat.target, { mutedUntil: until }, now);
    await request.reply(texts.mutedUntil(formatLocalTime(until, deps.config.timezone)));
  },
};
