// /lang language:<zh|en> and /mute days:<0–365>: settings of the channel's subscription. A channel without a
// subscription keeps its /lang choice in memory until it subscribes (the subscription is then created in that
// language). Answers are public and in the channel's (new) language.
import { publicUrlOf } from '../../../config.ts';
import { changeSubscriptionSettings, muteSubscription } from '../../../services/subscriptions.ts';
import { calendarUrlOf, getCalendarToken, rotateCalendarToken } from '../../../services/tracker/calendarService.ts';
import { MAX_MUTE_DAYS, parseLanguageArgument } from '../../parseBotArguments.ts';
import { isActive, type DiscordCommand } from '../DiscordCommand.ts';
import { textsFor } from '../texts.ts';

// Channels that ran /lang but never subscribed; the oldest choice is forgotten first.
const MAX_REMEMBERED = 10_000;

export const langCommand: DiscordCommand = {
  name: 'lang',
  access: 'manager',
  async run(request) {
    const language = parseLanguageArgument(request.interaction.options.getString('language', true));
    if (!language) return request.reply.send({ content: request.texts.languageProblem, ephemeral: true });
    const { deps, target, now } = request;
    const texts = textsFor(language);
    if (request.subscription) {
      await changeSubscriptionSettings(deps.pool, target, { language }, now);
      return request.reply.send({ content: texts.langSet, ephemeral: false });
    }
    const remembered = deps.languagePreferences;
    remembered.delete(target);
    if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
    remembered.set(target, language);
    await request.reply.send({ content: texts.langRemembered, ephemeral: false });
  },
};

export const muteCommand: DiscordCommand = {
  name: 'mute',
  access: 'manager',
  async run(request) {
    const { deps, target, now, texts } = request;
    const days = request.interaction.options.getInteger('days', true);
    if (!Number.isInteger(days) || days < 0 || days > MAX_MUTE_DAYS) return request.reply.send({ content: texts.muteProblem, ephemeral: true });
    if (!isActive(request.subscription)) return request.reply.send({ content: texts.noSubscription, ephemeral: true });
    const channelTexts = textsFor(request.channelLanguage);
    const row = await muteSubscription(deps.pool, target, days === 0 ? null : days, now);
    if (days === 0 || !row?.mutedUntil) return request.reply.send({ content: channelTexts.unmuted, ephemeral: false });
    // A Discord timestamp: every member reads the end of the mute in their own zone.
    const unix = Math.floor(row.mutedUntil.getTime() / 1000);
    await request.reply.send({ content: channelTexts.mutedUntil(`<t:${unix}:f>`), ephemeral: false });
  },
};

/** /calendar [action:url|rotate]: the secret calendar URL of the channel's subscription, shown only to the asker. */
export const calendarCommand: DiscordCommand = {
  name: 'calendar',
  access: 'manager',
  async run(request) {
    const { deps, target, now, texts } = request;
    if (!isActive(request.subscription)) return request.reply.send({ content: texts.noSubscription, ephemeral: true });
    const rotate = request.interaction.options.getString('action') === 'rotate';
    const token = rotate ? await rotateCalendarToken(deps.pool, target, now) : await getCalendarToken(deps.pool, target, now);
    await request.reply.send({ content: texts.calendarUrl(calendarUrlOf(publicUrlOf(deps.config), token), rotate), ephemeral: true });
  },
};
