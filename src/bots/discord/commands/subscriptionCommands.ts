// /subscribe bureau:<…|all> [watchdog] [digest], /unsubscribe bureau:<…|all> and /subscriptions, for the channel
// the command runs in (target discord:<channel id>). A bureau text with any unknown name changes nothing, so a
// typo never subscribes to half of what was meant. Changes are answered publicly, in the channel's language, so
// the channel sees what it now receives; reads and refusals go only to the invoker.
import { escapeMarkdown } from 'discord.js';
import { subscribe, unsubscribeBureaus, type SubscriptionRow } from '../../../services/subscriptions.ts';
import type { ReaderLanguage } from '../../../domain/alertLabels.ts';
import { formatBureauNames } from '../../formatBureauNames.ts';
import { parseBureauList, type BureauList } from '../../parseBotArguments.ts';
import { describeChannelSubscription } from '../describeChannelSubscription.ts';
import { isActive, isEverything, type DiscordCommand, type DiscordRequest } from '../DiscordCommand.ts';
import { textsFor } from '../texts.ts';

function readBureaus(request: DiscordRequest): BureauList | null {
  const list = parseBureauList(request.interaction.options.getString('bureau', true));
  return list.unknown.length || (!list.all && !list.bureaus.length) ? null : list;
}

async function refuseBureaus(request: DiscordRequest): Promise<void> {
  const typed = request.interaction.options.getString('bureau', true);
  const unknown = parseBureauList(typed).unknown;
  const words = (unknown.length ? unknown : [typed.trim() || '—']).join(request.readerLanguage === 'zh-HK' ? '、' : ', ');
  await request.reply.send({ content: request.texts.unknownBureaus(escapeMarkdown(words)), ephemeral: true });
}

/** The public answer to a change: what happened, then the subscription as it now stands. */
async function announce(request: DiscordRequest, language: ReaderLanguage, lines: string[], row: SubscriptionRow | null): Promise<void> {
  const embeds = row && !row.disabledAt ? [describeChannelSubscription(row, language, { now: request.now, timezone: request.deps.config.timezone })] : [];
  await request.reply.send({ pages: [{ content: lines.join('\n'), embeds, notificationIds: [] }], ephemeral: false });
}

export const subscribeCommand: DiscordCommand = {
  name: 'subscribe',
  access: 'manager',
  async run(request) {
    const { interaction, deps, target, now } = request;
    const list = readBureaus(request);
    if (!list) return refuseBureaus(request);
    const wasEverything = isEverything(request.subscription);
    const codes = list.bureaus.map((bureau) => bureau.code);
    // Subscribing asks for deadline alerts; the switches only change when given.
    const row = await subscribe(
      deps.pool,
      {
        target,
        all: list.all,
        bureaus: codes,
        deadlines: true,
        watchdog: interaction.options.getBoolean('watchdog') ?? undefined,
        digest: interaction.options.getBoolean('digest') ?? undefined,
        language: request.channelLanguage,
      },
      now,
    );
    deps.languagePreferences.delete(target);
    deps.logger.info({ target, bureaus: list.all ? 'all' : codes, by: interaction.user.id }, 'discord channel subscribed');
    const texts = textsFor(row.language);
    const done = list.all ? texts.subscribedAll : wasEverything ? texts.alreadyAll : texts.subscribed(formatBureauNames(codes, row.language));
    const other = row.language === 'zh-HK' ? 'en' : 'zh';
    const languageName = texts.languageChoices[row.language === 'zh-HK' ? 'zh' : 'en'];
    await announce(request, row.language, [done, texts.deadlinesSchedule(deps.policy.leadDays, deps.policy.sendAt), texts.alertLanguage(languageName, other)], row);
  },
};

export const unsubscribeCommand: DiscordCommand = {
  name: 'unsubscribe',
  access: 'manager',
  async run(request) {
    const { deps, target, now, subscription, texts } = request;
    if (!isActive(subscription)) return request.reply.send({ content: texts.noSubscription, ephemeral: true });
    const list = readBureaus(request);
    if (!list) return refuseBureaus(request);
    const channelTexts = textsFor(request.channelLanguage);
    const outcome = await unsubscribeBureaus(deps.pool, subscription, { all: list.all, codes: list.bureaus.map((bureau) => bureau.code) }, now);
    if (outcome.kind === 'all') {
      deps.logger.info({ target, by: request.interaction.user.id }, 'discord channel unsubscribed');
      return announce(request, request.channelLanguage, [channelTexts.unsubscribedAll], null);
    }
    if (outcome.kind === 'followingAll') return request.reply.send({ content: texts.followingAllCannotRemove, ephemeral: true });
    if (outcome.kind === 'notFollowed') {
      return request.reply.send({ content: texts.notSubscribedTo(formatBureauNames(outcome.notFollowed, request.readerLanguage)), ephemeral: true });
    }
    const { row, removed, notFollowed } = outcome;
    const language = request.channelLanguage;
    const lines: string[] = [];
    if (notFollowed.length) lines.push(channelTexts.notSubscribedTo(formatBureauNames(notFollowed, language)));
    lines.push(channelTexts.unsubscribed(formatBureauNames(removed, language)));
    if (!row || row.disabledAt) lines.push(channelTexts.unsubscribedAll);
    await announce(request, language, lines, row);
  },
};

export const subscriptionsCommand: DiscordCommand = {
  name: 'subscriptions',
  access: 'everyone',
  async run(request) {
    const { subscription, readerLanguage, texts } = request;
    if (!subscription) return request.reply.send({ content: texts.noSubscription, ephemeral: true });
    const embed = describeChannelSubscription(subscription, readerLanguage, { now: request.now, timezone: request.deps.config.timezone });
    await request.reply.send({ pages: [{ content: null, embeds: [embed], notificationIds: [] }], ephemeral: true });
  },
};
