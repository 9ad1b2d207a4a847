// The replies both bots give, from the message catalog (src/texts/*.ftl): one accessor for both, so a key and
// its arguments are written once. Each bot adds what only it says and picks its markup: replies in `markup`,
// headings in `headingMarkup` (Discord shows those as embed titles, which take no markdown).
import type { ReaderLanguage } from '../domain/alertLabels.ts';
import { createSay } from '../texts/createSay.ts';
import { formatMessage } from '../texts/formatMessage.ts';
import type { Markup } from '../texts/markups.ts';
import { recordOf } from '../texts/recordOf.ts';

export type BotChannel = 'telegram' | 'discord';

export interface ProposalItem {
  id: number;
  ref: string;
  status: string;
  url: string;
  proposer: string;
  others: number;
  note: string | null;
  due: string;
  current: string;
}

const SHARED_STRINGS = [
  'notEditor',
  'failed',
  'subscribedAll',
  'alreadyAll',
  'unsubscribedAll',
  'followingAllCannotRemove',
  'noSubscription',
  'everythingOff',
  'digestPreviewHeading',
  'digestPreviewOff',
  'digestPreviewWouldSkip',
  'digestPreviewNoSubscription',
  'noneOverdue',
  'daysProblem',
  'didYouMean',
  'noMilestones',
  'withdrawn',
  'langSet',
  'langRemembered',
  'unmuted',
  'reviewEmpty',
  'approveButton',
  'rejectButton',
] as const;

export type SharedBotTexts = Record<(typeof SHARED_STRINGS)[number], string> & {
  subscribed(names: string): string;
  deadlinesSchedule(leadDays: readonly number[], sendAt: string): string;
  unsubscribed(names: string): string;
  notSubscribedTo(names: string): string;
  digestSkipEmpty(skip: boolean): string;
  upcomingHeading(days: number, scope: string | null, count: number): string;
  overdueHeading(scope: string | null, count: number): string;
  noneUpcoming(days: number): string;
  more(count: number): string;
  notFound(ref: string): string;
  searchHeading(query: string): string;
  historyBy(actor: string): string;
  mutedUntil(until: string): string;
  calendarUrl(url: string, rotated: boolean): string;
  statusRecorded(ref: string, from: string, to: string, due: string | null): string;
  statusRefused(problem: string): string;
  /** Evidence proposals (/report) and the editors' queue (/review). */
  reportReceived(id: number, ref: string, status: string, merged: boolean): string;
  reportRefused(problem: string): string;
  reviewHeading(count: number): string;
  reviewItem(item: ProposalItem): string;
  decided(id: number, approved: boolean, ref: string, status: string, superseded: number): string;
  decisionRefused(problem: string): string;
  outcome(id: number, approved: boolean, ref: string, status: string, note: string | null): string;
  carriedOverFrom(ref: string, document: string, slip: string): string;
  carriedOverTo(ref: string, document: string, slip: string): string;
};

/** "30、14、7" or "30, 14, 7": lead days, longest first, in the language's list style. */
export function joinLeadDays(language: ReaderLanguage, leadDays: readonly number[]): string {
  return [...leadDays].sort((a, b) => b - a).join(formatMessage(language, 'listSeparator'));
}

export function buildBotTexts(language: ReaderLanguage, channel: BotChannel, markup: Markup, headingMarkup: Markup): SharedBotTexts {
  const say = createSay(language, markup, { channel });
  const heading = createSay(language, headingMarkup, { channel });
  return {
    ...recordOf(SHARED_STRINGS, (id) => say(id)),
    subscribed: (names) => say('subscribed', { names }),
    deadlinesSchedule: (leadDays, sendAt) => say('deadlinesSchedule', { leadDays: joinLeadDays(language, leadDays), sendAt }),
    unsubscribed: (names) => say('unsubscribed', { names }),
    notSubscribedTo: (names) => say('notSubscribedTo', { names }),
    digestSkipEmpty: (skip) => say('digestSkipEmpty', { skip }),
    upcomingHeading: (days, scope, count) => heading('upcomingHeading', { days, scope, scoped: scope !== null && scope !== '', count }),
    overdueHeading: (scope, count) => heading('overdueHeading', { scope, scoped: scope !== null && scope !== '', count }),
    noneUpcoming: (days) => say('noneUpcoming', { days }),
    more: (count) => say('more', { count }),
    notFound: (ref) => say('notFound', { ref }),
    searchHeading: (query) => heading('searchHeading', { query }),
    historyBy: (actor) => say('historyBy', { actor }),
    mutedUntil: (until) => say('mutedUntil', { until }),
    calendarUrl: (url, rotated) => say('calendarUrl', { url, rotated }),
    statusRecorded: (ref, from, to, due) => say('statusRecorded', { ref, from, to, due, dated: Boolean(due) }),
    statusRefused: (problem) => say('statusRefused', { problem }),
    reportReceived: (id, ref, status, merged) => say('reportReceived', { id, ref, status, merged }),
    reportRefused: (problem) => say('reportRefused', { problem }),
    reviewHeading: (count) => say('reviewHeading', { count }),
    reviewItem: (item) => say('reviewItem', { ...item, noted: Boolean(item.note) }),
    decided: (id, approved, ref, status, superseded) => say('decided', { id, approved, ref, status, superseded }),
    decisionRefused: (problem) => say('decisionRefused', { problem }),
    outcome: (id, approved, ref, status, note) => say('outcome', { id, approved, ref, status, note, noted: Boolean(note) }),
    carriedOverFrom: (ref, document, slip) => say('carriedOverFrom', { ref, document, slip }),
    carriedOverTo: (ref, document, slip) => say('carriedOverTo', { ref, document, slip }),
  };
}
