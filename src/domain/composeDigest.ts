// The weekly digest of one subscription: where the commitments in its scope stand at the digest slot. Pure:
// the source data, the scope and the instant in; a JSON-ready WeeklyDigest out (it is stored as the
// notification's payload and rendered by each channel). Statuses are those of the source (as loaded);
// dates count from the slot's local date; "since the last digest" is the window (since, at].
//
// A batch composes thousands of digests from one source, so the work that does not depend on the
// subscription is done once per source and day: per-bureau sums, listed items and changes (shared, frozen).
// A subscription's digest then costs its bureaux and what it lists, not the size of its scope.
import type { ProvenanceInput } from './describeProvenance.ts';
import type { ReaderLanguage } from './alertLabels.ts';
import { BUREAUS, findBureau } from './bureaus.ts';
import { isoWeekOf } from './isoWeek.ts';
import { OPEN_STATUSES, type MilestoneStatus } from './milestoneStatus.ts';
import { shortenText } from './shortenText.ts';
import { DIGEST_VERSION, type DigestBureau, type DigestChange, type DigestChangeKind, type DigestItem, type DigestTotals, type WeeklyDigest } from './weeklyDigest.ts';
import { toDayNumber, toLocalDate } from './zonedTime.ts';

/** Milestones due within this many days (from the slot's date) are listed; later ones are counted. */
export const DIGEST_HORIZON_DAYS = 28;
/** Commitment texts are kept to this many characters: a digest lists, it does not quote. */
export const DIGEST_TEXT_MAX = 100;

export interface DigestSourceMilestone {
  id: number;
  seq: number;
  kind: 'deadline' | 'start';
  subject: string | null;
  due: string;
  status: MilestoneStatus;
  evidenceUrl: string | null;
}

export interface DigestSourceCommitment {
  id: number;
  ref: string;
  text: string;
  /** Bureau codes (or unregistered names) as the document gives them. */
  bureaus: readonly string[];
  withRelevantBureaux: boolean;
  /** Its milestones (withdrawn ones left out); none means an ongoing commitment. */
  milestones: readonly DigestSourceMilestone[];
}

export interface DigestSourceChange {
  milestoneId: number;
  status: MilestoneStatus;
  due: string;
  /** Null for the loader's initial row, which is not a change. */
  previousStatus: MilestoneStatus | null;
  previousDue: string | null;
  evidenceUrl: string | null;
  note: string | null;
  changedAt: Date;
  /** Where the change came from (who recorded it, from which source); absent in older sources. */
  provenance?: ProvenanceInput | null;
}

/** Read-only once composed from: it is indexed on first use (per object) for the rest of the batch. */
export interface DigestSource {
  /** Commitments in document order; withdrawn ones left out. */
  commitments: readonly DigestSourceCommitment[];
  /** Status history entries covering at least the windows asked for, in any order. */
  changes: readonly DigestSourceChange[];
}

export interface DigestRequest {
  subscriptionId: number | null;
  language: ReaderLanguage;
  timezone: string;
  /** Both null: everything. Otherwise commitments of any of the bureaus, plus the commitments named. */
  bureaus: readonly string[] | null;
  refs: readonly string[] | null;
  /** The digest's instant (its slot): "now" for everything the digest says. */
  at: Date;
  /** Start of "since the last digest": the previous slot, or when the subscription became active. */
  since: Date;
}

// (Items and changes of a composed digest are shared with other digests of the batch and frozen.)

interface IndexedMilestone {
  source: DigestSourceMilestone;
  dueDay: number;
  open: boolean;
}

interface IndexedCommitment {
  source: DigestSourceCommitment;
  /** Its text as a digest shows it (DIGEST_TEXT_MAX). */
  text: string;
  /** Its bureau codes without repeats. */
  bureaus: string[];
  milestones: IndexedMilestone[];
}

interface DigestIndex {
  commitments: IndexedCommitment[];
  /** Commitments of each bureau, in document order. */
  byBureau: Map<string, number[]>;
  /**
   * The only commitments a union of bureaux can count more than once: those of exactly two bureaux, by pair
   * ("A|B", codes in order), and the few of three or more.
   */
  pairs: Map<string, number[]>;
  wide: number[];
  byRef: Map<string, number>;
  /** Changes in time order, with the commitment (-1: not in the source) and milestone each is about. */
  changes: DigestSourceChange[];
  changeTimes: number[];
  changeOwners: number[];
  changeMilestones: (DigestSourceMilestone | null)[];
  /** Positions in `changes` of the changes about each bureau's, and each ref's, commitments. */
  changesByBureau: Map<string, number[]>;
  changesByRef: Map<string, number[]>;
  /** Listed changes by zone (their local date depends on it), built once and shared by every digest. */
  changeLines: Map<string, (DigestChange | undefined)[]>;
  /** What every commitment contributes on a given day (see DayView), by "todayDay|sinceDay". */
  days: Map<string, DayView>;
}

/** An open milestone listed in a digest, with what orders it: date, then document order, then seq. */
interface Entry {
  day: number;
  commitment: number;
  milestone: IndexedMilestone;
}

interface Contribution {
  counts: DigestTotals;
  upcoming: Entry[];
  missed: Entry[];
  oldest: Entry | null;
}

/**
 * The digest arithmetic for one (today, since) pair, shared by every subscription composed for it: what each
 * commitment contributes, and the sums per bureau (and for everything), built on first use.
 */
interface DayView {
  todayDay: number;
  /** Listed milestones as they read on that day, built once and shared by every digest. */
  items: Map<IndexedMilestone, DigestItem>;
  contributions: Contribution[];
  bureaus: Map<string, Contribution>;
  pairs: Map<string, DigestTotals>;
  all: Contribution | null;
}

// A batch composes thousands of digests from one source: index it once.
const indexes = new WeakMap<DigestSource, DigestIndex>();
const MAX_CACHED_DAYS = 64;

function indexSource(source: DigestSource): DigestIndex {
  let index = indexes.get(source);
  if (index) return index;
  const commitments: IndexedCommitment[] = [];
  const byBureau = new Map<string, number[]>();
  const pairs = new Map<string, number[]>();
  const wide: number[] = [];
  const byRef = new Map<string, number>();
  const milestoneOwners = new Map<number, number>();
  const append = (map: Map<string, number[]>, key: string, value: number): void => {
    let list = map.get(key);
    if (!list) map.set(key, (list = []));
    list.push(value);
  };
  source.commitments.forEach((commitment, position) => {
    const indexed: IndexedCommitment = {
      source: commitment,
      text: shortenText(commitment.text, DIGEST_TEXT_MAX, { collapseWhitespace: true }),
      bureaus: [...new Set(commitment.bureaus)],
      milestones: commitment.milestones.map((m) => ({ source: m, dueDay: toDayNumber(m.due), open: OPEN_STATUSES.includes(m.status) })),
    };
    commitments.push(indexed);
    for (const code of indexed.bureaus) append(byBureau, code, position);
    if (indexed.bureaus.length === 2) append(pairs, pairKey(indexed.bureaus[0]!, indexed.bureaus[1]!), position);
    else if (indexed.bureaus.length > 2) wide.push(position);
    byRef.set(commitment.ref, position);
    for (const m of indexed.milestones) milestoneOwners.set(m.source.id, position);
  });
  const changes = [...source.changes].sort((a, b) => a.changedAt.getTime() - b.changedAt.getTime());
  const changeOwners = changes.map((change) => milestoneOwners.get(change.milestoneId) ?? -1);
  const changesByBureau = new Map<string, number[]>();
  const changesByRef = new Map<string, number[]>();
  changeOwners.forEach((owner, position) => {
    if (owner < 0) return;
    for (const code of commitments[owner]!.bureaus) append(changesByBureau, code, position);
    append(changesByRef, commitments[owner]!.source.ref, position);
  });
  index = {
    commitments,
    byBureau,
    pairs,
    wide,
    byRef,
    changes,
    changeTimes: changes.map((c) => c.changedAt.getTime()),
    changeOwners,
    changeMilestones: changes.map((change, i) => commitments[changeOwners[i]!]?.source.milestones.find((m) => m.id === change.milestoneId) ?? null),
    changesByBureau,
    changesByRef,
    changeLines: new Map(),
    days: new Map(),
  };
  indexes.set(source, index);
  return index;
}

function emptyTotals(): DigestTotals {
  return { onTrack: 0, overdue: 0, met: 0, claimed: 0, dropped: 0, ongoing: 0, later: 0 };
}

function emptyContribution(): Contribution {
  return { counts: emptyTotals(), upcoming: [], missed: [], oldest: null };
}

function compareEntries(a: Entry, b: Entry): number {
  return a.day - b.day || a.commitment - b.commitment || a.milestone.source.seq - b.milestone.source.seq;
}

function addCounts(into: DigestTotals, from: DigestTotals, sign: 1 | -1): void {
  into.onTrack += sign * from.onTrack;
  into.overdue += sign * from.overdue;
  into.met += sign * from.met;
  into.claimed += sign * from.claimed;
  into.dropped += sign * from.dropped;
  into.ongoing += sign * from.ongoing;
  into.later += sign * from.later;
}

function addContribution(into: Contribution, from: Contribution): void {
  addCounts(into.counts, from.counts, 1);
  for (const entry of from.upcoming) into.upcoming.push(entry);
  for (const entry of from.missed) into.missed.push(entry);
  if (from.oldest && (!into.oldest || compareEntries(from.oldest, into.oldest) < 0)) into.oldest = from.oldest;
}

function contributionOf(index: DigestIndex, position: number, todayDay: number, sinceDay: number): Contribution {
  const { milestones } = index.commitments[position]!;
  const contribution = emptyContribution();
  const counts = contribution.counts;
  if (!milestones.length) counts.ongoing = 1;
  for (const m of milestones) {
    if (!m.open) {
      const status = m.source.status;
      if (status === 'met' || status === 'claimed' || status === 'dropped') counts[status]++;
      continue;
    }
    const entry: Entry = { day: m.dueDay, commitment: position, milestone: m };
    if (m.dueDay < todayDay) {
      counts.overdue++;
      if (m.dueDay >= sinceDay) contribution.missed.push(entry);
      if (!contribution.oldest || compareEntries(entry, contribution.oldest) < 0) contribution.oldest = entry;
    } else {
      counts.onTrack++;
      if (m.dueDay < todayDay + DIGEST_HORIZON_DAYS) contribution.upcoming.push(entry);
      else counts.later++;
    }
  }
  return contribution;
}

function dayViewOf(index: DigestIndex, todayDay: number, sinceDay: number): DayView {
  const key = `${todayDay}|${sinceDay}`;
  let view = index.days.get(key);
  if (!view) {
    if (index.days.size >= MAX_CACHED_DAYS) index.days.clear();
    view = {
      todayDay,
      items: new Map(),
      contributions: index.commitments.map((_, i) => contributionOf(index, i, todayDay, sinceDay)),
      bureaus: new Map(),
      pairs: new Map(),
      all: null,
    };
    index.days.set(key, view);
  }
  return view;
}

function sumOf(view: DayView, positions: Iterable<number>): Contribution {
  const sum = emptyContribution();
  for (const position of positions) addContribution(sum, view.contributions[position]!);
  return sum;
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** What the commitments of exactly these two bureaux add to each bureau's sum: counted twice in their union. */
function pairSum(index: DigestIndex, view: DayView, key: string): DigestTotals {
  let sum = view.pairs.get(key);
  if (!sum) {
    sum = emptyTotals();
    for (const position of index.pairs.get(key) ?? []) addCounts(sum, view.contributions[position]!.counts, 1);
    view.pairs.set(key, sum);
  }
  return sum;
}

function bureauSum(index: DigestIndex, view: DayView, code: string): Contribution {
  let sum = view.bureaus.get(code);
  if (!sum) view.bureaus.set(code, (sum = sumOf(view, index.byBureau.get(code) ?? [])));
  return sum;
}

/** The first position in a sorted array whose value is greater than `value` (or, `inclusive`, not less). */
function bound(sorted: readonly number[], value: number, inclusive = false): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < value || (!inclusive && sorted[mid] === value)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Positions of the changes in [first, last) that concern the scope, in time order. */
function selectChanges(index: DigestIndex, first: number, last: number, all: boolean, bureaus: readonly string[], refs: readonly string[]): number[] {
  if (all) return Array.from({ length: Math.max(0, last - first) }, (_, i) => first + i);
  const selected = new Set<number>();
  for (const list of [...bureaus.map((code) => index.changesByBureau.get(code)), ...refs.map((ref) => index.changesByRef.get(ref))]) {
    if (!list) continue;
    for (let i = bound(list, first, true); i < list.length && list[i]! < last; i++) selected.add(list[i]!);
  }
  return [...selected].sort((a, b) => a - b);
}

const bureauNames = new Map<string, DigestBureau>();

function bureauOf(code: string): DigestBureau {
  let names = bureauNames.get(code);
  if (!names) {
    const bureau = findBureau(code);
    names = bureau ? { code: bureau.code, zh: bureau.zh, en: bureau.en } : { code, zh: code, en: code };
    if (bureauNames.size < 1000) bureauNames.set(code, names);
  }
  return { ...names };
}

const REGISTRY_ORDER = new Map(BUREAUS.map((b, i) => [b.code, i]));

function compareBureauCodes(a: string, b: string): number {
  const ia = REGISTRY_ORDER.get(a) ?? Number.MAX_SAFE_INTEGER;
  const ib = REGISTRY_ORDER.get(b) ?? Number.MAX_SAFE_INTEGER;
  return ia !== ib ? ia - ib : a.localeCompare(b);
}

function changeKindOf(change: DigestSourceChange): DigestChangeKind | null {
  if (change.previousStatus === null) return null;
  if (change.status === 'rescheduled') return 'rescheduled';
  if (change.status === change.previousStatus) return change.due !== change.previousDue ? 'redated' : null;
  if (change.status === 'pending') return 'reopened';
  return change.status;
}

// Items and changes are shared by every digest that lists them (and frozen, so no caller can change one
// digest through another); objects are written out in full because a batch creates hundreds of thousands.
function itemOnDay(index: DigestIndex, view: DayView, entry: Entry): DigestItem {
  let item = view.items.get(entry.milestone);
  if (!item) {
    const { source: commitment, text } = index.commitments[entry.commitment]!;
    const milestone = entry.milestone.source;
    item = Object.freeze({
      ref: commitment.ref,
      seq: milestone.seq,
      milestoneCount: commitment.milestones.length,
      milestoneKind: milestone.kind,
      subject: milestone.subject,
      text,
      bureaus: Object.freeze([...commitment.bureaus]) as string[],
      withRelevantBureaux: commitment.withRelevantBureaux,
      due: milestone.due,
      status: milestone.status,
      daysLeft: entry.day - view.todayDay,
    });
    view.items.set(entry.milestone, item);
  }
  return item;
}

function changeLineOf(index: DigestIndex, position: number, timezone: string): DigestChange | null {
  let lines = index.changeLines.get(timezone);
  if (!lines) index.changeLines.set(timezone, (lines = []));
  const cached = lines[position];
  if (cached) return cached;
  const change = index.changes[position]!;
  const kind = changeKindOf(change);
  const milestone = index.changeMilestones[position];
  if (!kind || !milestone) return null;
  const { source: commitment, text } = index.commitments[index.changeOwners[position]!]!;
  const line: DigestChange = Object.freeze({
    ref: commitment.ref,
    seq: milestone.seq,
    milestoneCount: commitment.milestones.length,
    milestoneKind: milestone.kind,
    subject: milestone.subject,
    text,
    bureaus: Object.freeze([...commitment.bureaus]) as string[],
    withRelevantBureaux: commitment.withRelevantBureaux,
    change: kind,
    status: change.status,
    previousStatus: change.previousStatus!,
    due: change.due,
    previousDue: change.previousDue,
    evidenceUrl: change.evidenceUrl,
    note: change.note,
    provenance: change.provenance ?? null,
    changedAt: change.changedAt.toISOString(),
    changedOn: toLocalDate(change.changedAt, timezone),
  });
  lines[position] = line;
  return line;
}

function firstScopedBureau(commitment: IndexedCommitment, scope: ReadonlySet<string>): string | null {
  for (const code of commitment.bureaus) if (scope.has(code)) return code;
  return null;
}

/** Each milestone once (a commitment of two subscribed bureaux is in both sums), in digest order. */
function listEntries(entries: Entry[]): Entry[] {
  const seen = new Set<IndexedMilestone>();
  return entries.filter((entry) => !seen.has(entry.milestone) && seen.add(entry.milestone)).sort(compareEntries);
}

export function composeDigest(source: DigestSource, request: DigestRequest): WeeklyDigest {
  const index = indexSource(source);
  const all = request.bureaus === null && request.refs === null;
  const scopeBureaus = [...new Set(request.bureaus ?? [])];
  const scopeRefs = [...new Set(request.refs ?? [])];
  const scopeBureauSet = new Set(scopeBureaus);
  const at = request.at;
  const since = request.since.getTime() > at.getTime() ? at : request.since;
  const today = toLocalDate(at, request.timezone);
  const sinceDate = toLocalDate(since, request.timezone);
  const todayDay = toDayNumber(today);
  const view = dayViewOf(index, todayDay, toDayNumber(sinceDate));

  // Per-bureau sums are shared by every subscription of the batch; a subscription's digest adds up the sums
  // of its bureaux, takes back what a commitment of several of them added more than once, and adds the
  // commitments it names by ref. Bureau lines: the subscribed bureaux, and every bureau of a commitment
  // named by ref or of "everything"; a joint item matched by bureau adds no line of another bureau.
  let scope: Contribution;
  const lines = new Map<string, DigestTotals>();
  if (all) {
    view.all ??= sumOf(view, index.commitments.keys());
    scope = view.all;
    for (const code of index.byBureau.keys()) lines.set(code, bureauSum(index, view, code).counts);
  } else {
    scope = emptyContribution();
    for (const code of scopeBureaus) {
      const sum = bureauSum(index, view, code);
      lines.set(code, sum.counts);
      addContribution(scope, sum);
    }
    // Take back what a commitment of m subscribed bureaux added m - 1 times too many.
    for (let a = 0; a < scopeBureaus.length; a++) {
      for (let b = a + 1; b < scopeBureaus.length; b++) addCounts(scope.counts, pairSum(index, view, pairKey(scopeBureaus[a]!, scopeBureaus[b]!)), -1);
    }
    if (scopeBureaus.length > 1) {
      for (const position of index.wide) {
        let shared = -1;
        for (const code of index.commitments[position]!.bureaus) if (scopeBureauSet.has(code)) shared++;
        for (let i = 0; i < shared; i++) addCounts(scope.counts, view.contributions[position]!.counts, -1);
      }
    }
    for (const ref of scopeRefs) {
      const position = index.byRef.get(ref);
      if (position === undefined || firstScopedBureau(index.commitments[position]!, scopeBureauSet) !== null) continue;
      const contribution = view.contributions[position]!;
      addContribution(scope, contribution);
      // None of its bureaux is subscribed, so these lines are the digest's own, never a shared sum.
      for (const code of index.commitments[position]!.bureaus) {
        let line = lines.get(code);
        if (!line) lines.set(code, (line = emptyTotals()));
        addCounts(line, contribution.counts, 1);
      }
    }
  }

  const changes: DigestChange[] = [];
  const first = bound(index.changeTimes, since.getTime());
  const last = bound(index.changeTimes, at.getTime());
  for (const c of selectChanges(index, first, last, all, scopeBureaus, scopeRefs)) {
    const line = changeLineOf(index, c, request.timezone);
    if (line) changes.push(line);
  }

  const itemOf = (entry: Entry): DigestItem => itemOnDay(index, view, entry);
  const upcoming = listEntries(scope.upcoming).map(itemOf);
  const missed = listEntries(scope.missed).map(itemOf);
  const { later, ...counts } = scope.counts;
  return {
    version: DIGEST_VERSION,
    subscriptionId: request.subscriptionId,
    language: request.language,
    week: isoWeekOf(today),
    at: at.toISOString(),
    today,
    timezone: request.timezone,
    since: since.toISOString(),
    sinceDate,
    horizonDays: DIGEST_HORIZON_DAYS,
    scope: { all, bureaus: scopeBureaus.map(bureauOf), refs: scopeRefs },
    upcoming,
    missed,
    overdue: { count: counts.overdue, oldest: scope.oldest ? itemOf(scope.oldest) : null },
    changes,
    bureaus: [...lines.entries()].sort(([a], [b]) => compareBureauCodes(a, b)).map(([code, c]) => ({
      ...bureauOf(code), onTrack: c.onTrack, overdue: c.overdue, met: c.met, claimed: c.claimed, dropped: c.dropped, ongoing: c.ongoing,
    })),
    totals: { ...counts, later },
    empty: !upcoming.length && !missed.length && !changes.length,
  };
}
