// /show <ref>: a commitment with its bureaux, headings, text, every milestone with its status history and
// evidence, and the document. Something that is not a ref is searched for instead.
import { labelsFor } from '../../../domain/alertLabels.ts';
import { describeProvenance } from '../../../domain/describeProvenance.ts';
import { daysBetween, toLocalDate } from '../../../domain/zonedTime.ts';
import { escapeHtml, formatHtmlLink } from '../../../notify/telegram/escapeHtml.ts';
import { getCommitmentDetails, type CommitmentDetails } from '../../../services/getCommitmentDetails.ts';
import { MilestoneRefError, parseMilestoneRef } from '../../../services/parseMilestoneRef.ts';
import { searchCommitments, type CommitmentSummary } from '../../../services/searchCommitments.ts';
import { formatBureauNames } from '../../formatBureauNames.ts';
import { formatDueLine } from '../../formatDueLine.ts';
import { formatLocalTime } from '../../../domain/zonedTime.ts';
import type { ChatRequest } from '../ChatRequest.ts';
import { replyUsage } from '../replyUsage.ts';
import type { TelegramCommand } from '../TelegramCommand.ts';

const SEARCH_LIMIT = 10;

function summaryLine(found: CommitmentSummary): string {
  const chars = [...found.text];
  const text = chars.length > 80 ? `${chars.slice(0, 79).join('')}…` : found.text;
  return `<code>${escapeHtml(found.ref)}</code> ${escapeHtml(text)}`;
}

function renderMilestone(request: ChatRequest, details: CommitmentDetails, milestone: CommitmentDetails['milestones'][number]): string {
  const { language, texts, deps } = request;
  const labels = labelsFor(language);
  const colon = language === 'zh-HK' ? '：' : ': ';
  const timezone = deps.config.timezone;
  const today = toLocalDate(request.now, timezone);
  const line = formatDueLine(
    { ...milestone, ref: details.ref, milestoneCount: details.milestones.length, daysLeft: daysBetween(today, milestone.due) },
    language,
  );
  const lines = [
    `<b>${escapeHtml(line.ref)}</b> · ${escapeHtml(line.when)} · ${escapeHtml(line.status)}${milestone.withdrawn ? ` ${escapeHtml(texts.withdrawn)}` : ''}`,
  ];
  if (milestone.subject) lines.push(escapeHtml(milestone.subject));
  lines.push(`${escapeHtml(texts.sourcePhrase)}${colon}「${escapeHtml(milestone.phrase)}」`);
  if (milestone.evidenceUrl) lines.push(`${escapeHtml(labels.evidence)}${colon}${formatHtmlLink(milestone.evidenceUrl, milestone.evidenceUrl)}`);
  for (const entry of milestone.history) {
    const from = entry.previousStatus ? `${labels.status[entry.previousStatus as keyof typeof labels.status] ?? entry.previousStatus} → ` : '';
    const to = labels.status[entry.status as keyof typeof labels.status] ?? entry.status;
    const due = entry.previousDue && entry.previousDue !== entry.due ? ` (${entry.previousDue} → ${entry.due})` : '';
    // Who recorded it and from which source: editor, approved proposal, carried over, seeds, document.
    const parts = [`${formatLocalTime(entry.changedAt, timezone)} ${from}${to}${due}`, escapeHtml(describeProvenance(entry, language))];
    if (entry.note) parts.push(escapeHtml(entry.note));
    if (entry.evidenceUrl) parts.push(formatHtmlLink(entry.evidenceUrl, entry.evidenceUrl));
    lines.push(`  • ${escapeHtml(parts[0]!)} ${parts.slice(1).join(' · ')}`);
  }
  return lines.join('\n');
}

async function replySearch(request: ChatRequest, query: string): Promise<void> {
  const found = await searchCommitments(request.deps.pool, query, SEARCH_LIMIT);
  if (!found.length) return void (await request.reply(request.texts.notFound(query)));
  await request.reply([request.texts.searchHeading(query), found.map((item) => summaryLine(item)).join('\n')]);
}

export const showCommand: TelegramCommand = {
  name: 'show',
  access: 'everyone',
  async run(request) {
    const { texts, language, deps } = request;
    if (!request.args) return replyUsage(request, 'show');
    let ref: string;
    try {
      ref = parseMilestoneRef(request.args).ref;
    } catch (error) {
      if (error instanceof MilestoneRefError) return replySearch(request, request.args);
      throw error;
    }
    const details = await getCommitmentDetails(deps.pool, ref, language);
    if (!details) {
      // A near miss (PA2024-7-3 for PA2024-7-03) still finds its neighbours by prefix.
      const near = await searchCommitments(deps.pool, ref.replace(/-\d+$/, '-'), SEARCH_LIMIT);
      const blocks = [texts.notFound(ref)];
      if (near.length) blocks.push([texts.didYouMean, ...near.map((item) => summaryLine(item))].join('\n'));
      return void (await request.reply(blocks));
    }
    const labels = labelsFor(language);
    const colon = language === 'zh-HK' ? '：' : ': ';
    const bureaus = formatBureauNames(details.bureaus, language, details.withRelevantBureaux);
    const head = [`<b>${escapeHtml(details.ref)}</b>${bureaus ? ` · ${escapeHtml(bureaus)}` : ''}${details.withdrawn ? ` ${escapeHtml(texts.withdrawn)}` : ''}`];
    if (details.headings.length) head.push(`<i>${escapeHtml(details.headings.join(' › '))}</i>`);
    head.push(escapeHtml(details.text));
    const blocks = [head.join('\n'), texts.milestonesHeading];
    if (details.milestones.length) blocks.push(...details.milestones.map((milestone) => renderMilestone(request, details, milestone)));
    else blocks.push(escapeHtml(texts.noMilestones));
    for (const link of details.links) {
      const slip = link.daysSlipped !== null && link.oldDue && link.newDue ? ` ${link.oldDue} → ${link.newDue} (${link.daysSlipped > 0 ? '+' : ''}${link.daysSlipped})` : '';
      blocks.push(link.direction === 'from' ? texts.carriedOverFrom(link.ref, link.document, slip) : texts.carriedOverTo(link.ref, link.document, slip));
    }
    const published = details.document.published ? ` (${details.document.published})` : '';
    blocks.push(`${escapeHtml(labels.document)}${colon}${formatHtmlLink(details.document.title || details.document.key, details.document.sourceUrl)}${escapeHtml(published)}`);
    await request.reply(blocks);
  },
};
