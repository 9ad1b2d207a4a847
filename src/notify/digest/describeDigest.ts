// A weekly digest in words, before any markup: title, period, sections of lines. The text, Telegram and
// Discord renderers only add their own markup and split to their own limits, so every channel carries the
// same content. All strings here are plain (unescaped) text.
import { describeProvenance } from '../../domain/describeProvenance.ts';
import { labelsFor } from '../../domain/alertLabels.ts';
import { findBureau } from '../../domain/bureaus.ts';
import { DIGEST_TEXT_MAX } from '../../domain/composeDigest.ts';
import type { DigestItem, WeeklyDigest } from '../../domain/weeklyDigest.ts';
import { digestLabelsFor } from '../../domain/digestLabels.ts';
import { isoWeekday } from '../../domain/isoWeek.ts';
import { shortenText } from '../../domain/shortenText.ts';

/** Longest commitment summary in a digest line, in characters; the full text is one command away. */
export const DIGEST_SUMMARY_MAX = DIGEST_TEXT_MAX;

export interface DigestLine {
  /** A ref (shown as code) or a bureau name (shown bold). */
  lead: string | null;
  leadStyle: 'code' | 'bold';
  text: string;
  link: { label: string; url: string } | null;
}

export interface DigestGroup {
  heading: string | null;
  lines: DigestLine[];
}

export interface DigestSection {
  key: 'upcoming' | 'missed' | 'overdue' | 'changes' | 'bureaus';
  heading: string;
  groups: DigestGroup[];
}

export interface DigestDescription {
  title: string;
  period: string;
  /** The one-line digest of an empty week; there are no sections then. */
  nothing: string | null;
  sections: DigestSection[];
  /** What was counted but not listed. */
  footer: string | null;
}

function refLabel(item: { ref: string; seq: number; milestoneCount: number }): string {
  return item.milestoneCount > 1 ? `${item.ref}/${item.seq}` : item.ref;
}

export function describeDigest(digest: WeeklyDigest): DigestDescription {
  const language = digest.language;
  const labels = digestLabelsFor(language);
  const alertLabels = labelsFor(language);
  const zh = language === 'zh-HK';
  const weeks = Math.round(digest.horizonDays / 7);

  const bureauNames = digest.scope.bureaus.map((b) => (zh ? b.zh : b.en));
  const bureauPart = bureauNames.length > 3 ? labels.bureauCount(bureauNames.length) : bureauNames.join(labels.listJoin);
  const refPart = digest.scope.refs.length > 3 ? labels.refCount(digest.scope.refs.length) : digest.scope.refs.join(labels.listJoin);
  const scope = digest.scope.all ? labels.allBureaux : bureauPart && refPart ? labels.andJoin(bureauPart, refPart) : bureauPart || refPart;
  const title = labels.title(digest.week, scope);
  const period = labels.period(digest.today, isoWeekday(digest.today), digest.sinceDate);

  // Bureaux are named on each line only when the digest covers more than one.
  const showBureaus = digest.scope.all || digest.scope.refs.length > 0 || digest.scope.bureaus.length > 1;
  const summaryOf = (item: Omit<DigestItem, 'due' | 'status' | 'daysLeft'>): string => {
    const words = item.subject ? `${item.subject}${labels.colon}${item.text}` : item.text;
    let summary = `${item.milestoneKind === 'start' ? `[${labels.starts}] ` : ''}${shortenText(words, DIGEST_SUMMARY_MAX, { collapseWhitespace: true })}`;
    if (showBureaus && (item.bureaus.length || item.withRelevantBureaux)) {
      // English readers know the bureaux by their codes (DEVB); Chinese readers by name (發展局).
      const names = item.bureaus.map((code) => (zh ? (findBureau(code)?.zh ?? code) : code)).join(labels.listJoin);
      const relevant = item.withRelevantBureaux ? `${names ? (zh ? '' : ' ') : ''}${alertLabels.andRelevant}` : '';
      summary += zh ? `（${names}${relevant}）` : ` (${names}${relevant})`;
    }
    return summary;
  };
  const itemLine = (item: DigestItem, text = summaryOf(item)): DigestLine => ({ lead: refLabel(item), leadStyle: 'code', text, link: null });

  if (digest.empty) {
    const oldest = digest.overdue.oldest;
    const nothing = labels.nothing(title, weeks, digest.sinceDate) + (digest.overdue.count && oldest ? ` ${labels.stillOverdue(digest.overdue.count, oldest.due)}` : '');
    return { title, period, nothing, sections: [], footer: null };
  }

  const sections: DigestSection[] = [];
  if (digest.upcoming.length) {
    const groups: DigestGroup[] = [];
    for (const item of digest.upcoming) {
      const heading = labels.dateHeading(item.due, item.daysLeft);
      const last = groups.at(-1);
      if (last && last.heading === heading) last.lines.push(itemLine(item));
      else groups.push({ heading, lines: [itemLine(item)] });
    }
    sections.push({ key: 'upcoming', heading: labels.upcomingHeading(digest.upcoming.length, weeks), groups });
  }
  if (digest.missed.length) {
    const lines = digest.missed.map((item) => itemLine(item, `${labels.dateHeading(item.due, item.daysLeft)} · ${summaryOf(item)}`));
    sections.push({ key: 'missed', heading: labels.missedHeading(digest.missed.length, digest.sinceDate), groups: [{ heading: null, lines }] });
  }
  const oldest = digest.overdue.oldest;
  if (digest.overdue.count && oldest) {
    sections.push({ key: 'overdue', heading: labels.overdueLine(digest.overdue.count, refLabel(oldest), oldest.due, -oldest.daysLeft), groups: [] });
  }
  if (digest.changes.length) {
    const lines = digest.changes.map((change): DigestLine => ({
      lead: refLabel(change),
      leadStyle: 'code',
      text:
        `${change.changedOn} · ${labels.change(change.change, change.due, change.previousDue)} · ${summaryOf(change)}` +
        (change.provenance ? ` · ${describeProvenance(change.provenance, language)}` : ''),
      link: change.evidenceUrl && /^https?:\/\//i.test(change.evidenceUrl) ? { label: labels.evidence, url: change.evidenceUrl } : null,
    }));
    sections.push({ key: 'changes', heading: labels.changesHeading(digest.changes.length, digest.sinceDate), groups: [{ heading: null, lines }] });
  }
  if (digest.bureaus.length) {
    const lines = digest.bureaus.map((b): DigestLine => ({ lead: zh ? b.zh : b.en, leadStyle: 'bold', text: labels.counts(b), link: null }));
    sections.push({ key: 'bureaus', heading: labels.bureausHeading, groups: [{ heading: null, lines }] });
  }
  return { title, period, nothing: null, sections, footer: labels.notListed(digest.totals.later, digest.totals.ongoing) };
}
