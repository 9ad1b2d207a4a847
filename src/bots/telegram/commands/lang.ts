// /lang zh|en: the chat's language, for replies and alerts. Stored on the subscription; a chat without
// one keeps the choice in memory until it subscribes (the subscription is then created in that language).
import { changeSubscriptionSettings } from '../../../services/subscriptions.ts';
import { parseLanguageArgument } from '../../parseBotArguments.ts';
import { commandWithArgument } from '../commandWithArgument.ts';
import { textsFor } from '../texts.ts';

const MAX_REMEMBERED = 10_000;

export const langCommand = commandWithArgument('lang', 'manager', parseLanguageArgument, async (request, language) => {
  const { deps, chat } = request;
  const texts = textsFor(language);
  if (request.subscription) {
    await changeSubscriptionSettings(deps.pool, chat.target, { language }, request.now);
    await request.reply(texts.langSet);
    return;
  }
  const remembered = deps.languagePreferences;
  remembered.delete(chat.target);
  if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
  remembered.set(chat.target, language);
  await request.reply(texts.langRemembered);
});
