// /mute <days>|off: no alerts for that many days (alerts due meanwhile are dropped, not delayed).
import { muteSubscription } from '../../../services/subscriptions.ts';
import { formatLocalTime } from '../../../domain/zonedTime.ts';
import { parseMuteArgument } from '../../parseBotArguments.ts';
import { isActive } from '../ChatRequest.ts';
import { commandWithArgument } from '../commandWithArgument.ts';

export const muteCommand = commandWithArgument('mute', 'manager', parseMuteArgument, async (request, mute) => {
  const { deps, chat, texts, now } = request;
  if (!isActive(request.subscription)) return void (await request.reply(texts.noSubscription));
  const row = await muteSubscription(deps.pool, chat.target, mute.off ? null : mute.days, now);
  if (mute.off || !row?.mutedUntil) return void (await request.reply(texts.unmuted));
  await request.reply(texts.mutedUntil(formatLocalTime(row.mutedUntil, deps.config.timezone)));
});
