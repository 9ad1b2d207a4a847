// The inline keyboard of bureaux shown by /subscribe and /unsubscribe without arguments. Each button
// toggles one bureau (✅ marks those followed); the last toggles "all bureaux".
import type { SubscriptionRow } from '../../services/subscriptions.ts';
import type { ReaderLanguage } from '../../domain/alertLabels.ts';
import { BUREAUS } from '../../domain/bureaus.ts';
import { isActive, isEverything, type ReplyKeyboard } from './ChatRequest.ts';
import { textsFor } from './texts.ts';

export const BUREAU_BUTTON_PREFIX = 'pw:t:';
export const BUREAU_BUTTON_PATTERN = /^pw:t:([A-Za-z]{1,8}|all)$/;

export function buildBureauKeyboard(subscription: SubscriptionRow | null, language: ReaderLanguage): ReplyKeyboard {
  const everything = isEverything(subscription);
  const followed = new Set(isActive(subscription) ? (subscription.bureaus ?? []) : []);
  const zh = language === 'zh-HK';
  const buttons = BUREAUS.map((bureau) => ({
    text: `${everything || followed.has(bureau.code) ? '✅ ' : ''}${zh ? bureau.zh : `${bureau.code} · ${bureau.en}`}`,
    callback_data: `${BUREAU_BUTTON_PREFIX}${bureau.code}`,
  }));
  // Chinese names are short enough for two a row; English names need the whole width.
  const perRow = zh ? 2 : 1;
  const rows: ReplyKeyboard['inline_keyboard'] = [];
  for (let i = 0; i < buttons.length; i += perRow) rows.push(buttons.slice(i, i + perRow));
  rows.push([{ text: `${everything ? '✅ ' : ''}${textsFor(language).allButton}`, callback_data: `${BUREAU_BUTTON_PREFIX}all` }]);
  return { inline_keyboard: rows };
}
