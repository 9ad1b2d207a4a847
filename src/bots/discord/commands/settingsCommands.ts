// /lang language:<zh|en> and /mute days:<0–365>: settings of the channel's subscription. A channel without a
// subscription keeps its /lang choice in memory until it subscribes (the subscription is then created in that
// language). Answers are public and in the channel's (new) language.
import { updateSubscriptionSettings } from '../../../db/subscriptions.ts';
import { MAX_MUTE_DAYS } from '../../parseMuteArgument.ts';
import { parseLanguageArgument } from '../../parseLanguageArgument.ts';
import { isActive, type DiscordCommand } from '../DiscordCommand.ts';
import { textsFor } from '../texts.ts';

const DAY_MS = 86_400_000;
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
      await updateSubscriptionSettings(deps.pool, target, { language }, now);
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
    if (days === 0) {
      await updateSubscriptionSettings(deps.pool, target, { mutedUntil: null }, now);
      return request.reply.send({ content: channelTexts.unmuted, ephemeral: false });
    }
    const until = new Date(now.getTime() + days * DAY_MS);
    await updateSubscriptionSettings(deps.pool, target, { mutedUntil: until }, now);
    // A Discord timestamp: every member reads the end of the mute in their own zone.
    const unix = Math.floor(until.getTime() / 1000);
    await request.reply.send({ content: channelTexts.mutedUntil(`<t:${unix}:f>`), ephemeral: false });
  },
};
