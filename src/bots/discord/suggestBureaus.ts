// Autocomplete choices for a bureau option: the bureaux whose code or name (Chinese, English, alias) starts
// with or contains what has been typed, codes first, shown in the reader's language; "all" when it applies.
import type { APIApplicationCommandOptionChoice } from 'discord.js';
import type { ReaderLanguage } from '../../domain/alertLabels.ts';
import { BUREAUS, normaliseBureauName, type Bureau } from '../../domain/bureaus.ts';
import { DISCORD_LIMITS } from '../../notify/discord/discordLimits.ts';
import { shortenText, utf16Units } from '../../domain/shortenText.ts';
import { textsFor } from './texts.ts';

export interface SuggestBureausOptions {
  /** Offer "all" (subscribe, unsubscribe). */
  includeAll: boolean;
  /** Only these codes (unsubscribe offers what the channel follows); null for every bureau. */
  only?: readonly string[] | null;
}

const ALL_WORDS = ['all', '全部', '所有'];

function score(bureau: Bureau, typed: string): number {
  if (!typed) return 1;
  if (normaliseBureauName(bureau.code).startsWith(typed)) return 4;
  const names = [bureau.zh, bureau.en, ...bureau.aliases].map(normaliseBureauName);
  if (names.some((name) => name.startsWith(typed))) return 3;
  if (names.some((name) => name.includes(typed))) return 2;
  return 0;
}

export function suggestBureaus(typed: string, language: ReaderLanguage, options: SuggestBureausOptions): APIApplicationCommandOptionChoice<string>[] {
  const key = normaliseBureauName(typed);
  const candidates = BUREAUS.filter((bureau) => !options.only || options.only.includes(bureau.code));
  const choices = candidates
    .map((bureau, index) => ({ bureau, index, score: score(bureau, key) }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ bureau }) => ({
      name: shortenText(`${bureau.code} · ${language === 'zh-HK' ? bureau.zh : bureau.en}`, DISCORD_LIMITS.choiceName, { measure: utf16Units }),
      value: bureau.code,
    }));
  if (options.includeAll && ALL_WORDS.some((word) => word.startsWith(key))) choices.push({ name: `${textsFor(language).allBureaux} (all)`, value: 'all' });
  return choices.slice(0, DISCORD_LIMITS.choices);
}
