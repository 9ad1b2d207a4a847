// /digest on [day] [time] | off | skip-empty enabled:<bool> | preview: the channel's weekly digest. A day or
// time given with "on" is stored on the subscription; one not given stays as it was (the configured default
// unless chosen before). Turning it on in a channel without a subscription creates one for all bureaux with
// only the digest on, as the Telegram bot does. Changes need Manage Channels and are answered publicly in the
// channel's language; the preview is for everyone and only the invoker sees it.
import { subscribe, changeSubscriptionSettings, type SubscriptionRow } from '../../../services/subscriptions.ts';
import { isDigestWeekday, resolveDigestSchedule } from '../../../domain/resolveDigestSchedule.ts';
import { digestSettingsOf } from '../../../schedule/digestSettingsOf.ts';
import { describeDigestSchedule } from '../../describeDigestSchedule.ts';
import { parseTimeOfDay } from '../../parseBotArguments.ts';
import { describeChannelSubscription } from '../describeChannelSubscription.ts';
import { isActive, type DiscordCommand, type DiscordRequest } from '../DiscordCommand.ts';
import { textsFor } from '../texts.ts';
import { replyDigestPreview } from './replyDigestPreview.ts';

async function turnOn(request: DiscordRequest): Promise<void> {
  const { interaction, deps, target, now, texts } = request;
  const day = interaction.options.getString('day');
  const typedTime = interaction.options.getString('time');
  const time = typedTime === null ? null : parseTimeOfDay(typedTime);
  // Discord enforces the day's choices; an outdated client might not.
  if (day !== null && !isDigestWeekday(day)) return request.reply.send({ content: texts.digestDayProblem, ephemeral: true });
  if (typedTime !== null && time === null) return request.reply.send({ content: texts.digestTimeProblem, ephemeral: true });
  const created = !isActive(request.subscription);
  if (created) {
    await subscribe(deps.pool, { target, all: true, deadlines: false, watchdog: false, digest: true, language: request.channelLanguage }, now);
    deps.languagePreferences.delete(target);
  }
  const row = await changeSubscriptionSettings(deps.pool, target, { digest: true, digestDay: day ?? undefined, digestTime: time ?? undefined }, now);
  if (!row) return request.reply.send({ content: texts.noSubscription, ephemeral: true });
  deps.logger.info({ target, day, time, created, by: interaction.user.id }, 'discord channel turned the weekly digest on');
  const { schedule } = resolveDigestSchedule(row, digestSettingsOf(deps.config).schedule);
  const channelTexts = textsFor(row.language);
  const when = describeDigestSchedule(schedule, row.language);
  const embeds = created ? [describeChannelSubscription(row, row.language, { now, timezone: deps.config.timezone })] : [];
  const content = created ? channelTexts.digestCreated(when) : channelTexts.digestOn(when);
  await request.reply.send({ pages: [{ content, embeds, notificationIds: [] }], ephemeral: false });
}

/** Nothing at all would reach the channel any more. */
function silent(row: SubscriptionRow): boolean {
  return !row.deadlines && !row.watchdog && !row.digest;
}

async function turnOff(request: DiscordRequest): Promise<void> {
  const { deps, target, now, texts } = request;
  if (!isActive(request.subscription)) return request.reply.send({ content: texts.noSubscription, ephemeral: true });
  const row = await changeSubscriptionSettings(deps.pool, target, { digest: false }, now);
  if (!row) return request.reply.send({ content: texts.noSubscription, ephemeral: true });
  const channelTexts = textsFor(row.language);
  await request.reply.send({ content: [channelTexts.digestOff, ...(silent(row) ? [channelTexts.everythingOff] : [])].join('\n'), ephemeral: false });
}

async function setSkipEmpty(request: DiscordRequest): Promise<void> {
  const { deps, target, now, texts } = request;
  if (!isActive(request.subscription)) return request.reply.send({ content: texts.noSubscription, ephemeral: true });
  const skip = request.interaction.options.getBoolean('enabled', true);
  await changeSubscriptionSettings(deps.pool, target, { digestSkipEmpty: skip }, now);
  await request.reply.send({ content: textsFor(request.channelLanguage).digestSkipEmpty(skip), ephemeral: false });
}

export const digestCommand: DiscordCommand = {
  name: 'digest',
  access: 'manager',
  subcommandAccess: { preview: 'everyone' },
  async run(request) {
    const subcommand = request.interaction.options.getSubcommand(true);
    if (subcommand === 'on') return turnOn(request);
    if (subcommand === 'off') return turnOff(request);
    if (subcommand === 'skip-empty') return setSkipEmpty(request);
    if (subcommand === 'preview') return replyDigestPreview(request);
    throw new Error(`unknown /digest subcommand ${subcommand}`);
  },
};
