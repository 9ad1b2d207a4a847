// A subscription as plain-text lines in the reader's language: what it covers, which switches are on,
// language, mute and whether it is disabled. Platform-neutral; each bot escapes and formats the lines.
import type { ReaderLanguage } from '../domain/alertLabels.ts';
import type { SubscriptionRow } from '../services/subscriptions.ts';
import { formatBureauNames } from './formatBureauNames.ts';
import { formatLocalTime } from '../domain/zonedTime.ts';

const WORDS = {
  'zh-HK': {
    scope: '範圍',
    everything: '所有政策局',
    bureaus: '政策局',
    refs: '承諾',
    deadlines: '期限提示',
    watchdog: '逾期監察',
    digest: '每週摘要',
    on: '開',
    off: '關',
    language: '語言',
    languageName: '中文',
    mutedUntil: '靜音至',
    disabled: '已停用',
    paused: '暫停發送至',
    colon: '：',
    dot: ' · ',
    reason: (text: string) => `（${text}）`,
  },
  en: {
    scope: 'Covers',
    everything: 'all bureaux',
    bureaus: 'Bureaux',
    refs: 'Commitments',
    deadlines: 'Deadline alerts',
    watchdog: 'Watchdog',
    digest: 'Weekly digest',
    on: 'on',
    off: 'off',
    language: 'Language',
    languageName: 'English',
    mutedUntil: 'Muted until',
    disabled: 'Disabled',
    paused: 'Paused until',
    colon: ': ',
    dot: ' · ',
    reason: (text: string) => ` (${text})`,
  },
} as const;

export function describeSubscription(row: SubscriptionRow, language: ReaderLanguage, options: { now: Date; timezone: string }): string[] {
  const w = WORDS[language];
  const lines: string[] = [];
  if (row.disabledAt) lines.push(`${w.disabled}${w.reason(row.disabledReason ?? '')}`);
  if (row.bureaus === null && row.refs === null) {
    lines.push(`${w.scope}${w.colon}${w.everything}`);
  } else {
    if (row.bureaus?.length) lines.push(`${w.bureaus}${w.colon}${formatBureauNames(row.bureaus, language)}`);
    if (row.refs?.length) lines.push(`${w.refs}${w.colon}${row.refs.join(', ')}`);
  }
  const onOff = (value: boolean): string => (value ? w.on : w.off);
  lines.push([`${w.deadlines}${w.colon}${onOff(row.deadlines)}`, `${w.watchdog}${w.colon}${onOff(row.watchdog)}`, `${w.digest}${w.colon}${onOff(row.digest)}`].join(w.dot));
  lines.push(`${w.language}${w.colon}${WORDS[row.language].languageName}`);
  if (row.mutedUntil && row.mutedUntil > options.now) lines.push(`${w.mutedUntil}${w.colon}${formatLocalTime(row.mutedUntil, options.timezone)}`);
  if (row.pausedUntil && row.pausedUntil > options.now) lines.push(`${w.paused}${w.colon}${formatLocalTime(row.pausedUntil, options.timezone)}`);
  return lines;
}
