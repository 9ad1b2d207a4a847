// /show ref:<…>: a commitment with its bureaux, headings, text, every milestone with its status history and
// evidence, and the document, as embeds (paginated when long). Text that is not a ref is searched for instead.
import { escapeMarkdown, type APIEmbedField } from 'discord.js';
import { describeProvenance } from '../../../domain/describeProvenance.ts';
import { labelsFor } from '../../../domain/alertLabels.ts';
import { daysBetween, toLocalDate } from '../../../domain/zonedTime.ts';
import { composeEmbeds } from '../../../notify/discord/composeEmbeds.ts';
import { paginateEmbeds } from '../../../notify/discord/paginateEmbeds.ts';
import { shortenText, utf16Units } from '../../../domain/shortenText.ts';
import { getCommitmentDetails, type CommitmentDetails } from '../../../services/getCommitmentDetails.ts';
import { MilestoneRefError, parseMilestoneRef } from '../../../services/parseMilestoneRef.ts';
import { searchCommitments, type CommitmentSummary } from '../../../services/searchCommitments.ts';
import { formatBureauNames } from '../../formatBureauNames.ts';
import { formatDueLine } from '../../formatDueLine.ts';
import { formatLocalTime } from '../../../domain/zonedTime.ts';
import type { DiscordCommand, DiscordRequest } from '../DiscordCommand.ts';

const SEARCH_LIMIT = 10;
const SHOW_COLOUR = 0x3498db;

function summaryLine(found: CommitmentSummary): string {
  return `\`${found.ref}\` ${escapeMarkdown(shortenText(found.text, 90, { measure: utf16Units }))}`;
}

function renderMilestone(request: DiscordRequest, details: CommitmentDetails, milestone: CommitmentDetails['milestones'][number]): APIEmbedField {
  const { readerLanguage: language, texts } = request;
  const labels = labelsFor(language);
  const colon = language === 'zh-HK' ? '：' : ': ';
  const timezone = request.deps.config.timezone;
  const daysLeft = daysBetween(toLocalDate(request.now, timezone), milestone.due);
  const line = formatDueLine({ ...milestone, ref: details.ref, milestoneCount: details.milestones.length, daysLeft }, language);
  const lines = [`**${line.status}**${milestone.withdrawn ? ` ${texts.withdrawn}` : ''}`];
  if (milestone.subject) lines.push(escapeMarkdown(milestone.subject));
  lines.push(`${labels.source}${colon}「${escapeMarkdown(milestone.phrase)}」`);
  if (milestone.evidenceUrl) lines.push(`${labels.evidence}${colon}${milestone.evidenceUrl}`);
  for (const entry of milestone.history) {
    const status = (value: string) => labels.status[value as keyof typeof labels.status] ?? value;
    const from = entry.previousStatus ? `${status(entry.previousStatus)} → ` : '';
    const due = entry.previousDue && entry.previousDue !== entry.due ? ` (${entry.previousDue} → ${entry.due})` : '';
    const parts = [`${formatLocalTime(entry.changedAt, timezone)} ${from}${status(entry.status)}${due}`, escapeMarkdown(describeProvenance(entry, language))];
    if (entry.note) parts.push(escapeMarkdown(entry.note));
    if (entry.evidenceUrl) parts.push(entry.evidenceUrl);
    lines.push(`• ${parts.join(' · ')}`);
  }
  return { name: `${line.ref} · ${line.when}`, value: lines.join('\n') };
}

async function replySearch(request: DiscordRequest, query: string): Promise<void> {
  const found = await searchCommitments(request.deps.pool, query, SEARCH_LIMIT);
  const shown = escapeMarkdown(shortenText(query, 80, { measure: utf16Units }));
  if (!found.length) return request.reply.send({ content: request.texts.notFound(shown), ephemeral: true });
  const embeds = composeEmbeds({ title: request.texts.searchHeading(shortenText(query, 80, { measure: utf16Units })), color: SHOW_COLOUR, text: found.map(summaryLine).join('\n') });
  await request.reply.send({ pages: paginateEmbeds([{ embeds, notificationIds: [] }]), ephemeral: true });
}

export const showCommand: DiscordCommand = {
  name: 'show',
  access: 'everyone',
  async run(request) {
    const { texts, readerLanguage: language, deps } = request;
    const typed = request.interaction.options.getString('ref', true).trim();
    let ref: string;
    try {
      ref = parseMilestoneRef(typed).ref;
    } catch (error) {
      if (error instanceof MilestoneRefError) return replySearch(request, typed);
      throw error;
    }
    const details = await getCommitmentDetails(deps.pool, ref, language);
    if (!details) {
      // A near miss (PA2024-7-3 for PA2024-7-03) still finds its neighbours by prefix.
      const near = await searchCommitments(deps.pool, ref.replace(/-\d+$/, '-'), SEARCH_LIMIT);
      const lines = [texts.notFound(`\`${ref}\``)];
      if (near.length) lines.push('', texts.didYouMean, ...near.map(summaryLine));
      return request.reply.send({ content: shortenText(lines.join('\n'), 2000, { measure: utf16Units }), ephemeral: true });
    }
    const labels = labelsFor(language);
    const bureaus = formatBureauNames(details.bureaus, language, details.withRelevantBureaux);
    const head: string[] = [];
    if (bureaus) head.push(`**${bureaus}**${details.withdrawn ? ` ${texts.withdrawn}` : ''}`);
    if (details.headings.length) head.push(`*${escapeMarkdown(details.headings.join(' › '))}*`);
    head.push('', escapeMarkdown(details.text));
    const fields = details.milestones.map((milestone) => renderMilestone(request, details, milestone));
    if (!details.milestones.length) fields.push({ name: labels.due, value: texts.noMilestones });
    const published = details.document.published ? ` (${details.document.published})` : '';
    const documentName = escapeMarkdown(details.document.title || details.document.key);
    const link = details.document.sourceUrl ? `[${documentName}](${details.document.sourceUrl})` : documentName;
    fields.push({ name: labels.document, value: `${link}${published}` });
    if (details.links.length) {
      const lines = details.links.map((l) => {
        const slip = l.daysSlipped !== null && l.oldDue && l.newDue ? ` ${l.oldDue} → ${l.newDue} (${l.daysSlipped > 0 ? '+' : ''}${l.daysSlipped})` : '';
        return l.direction === 'from' ? texts.carriedOverFrom(l.ref, escapeMarkdown(l.document), slip) : texts.carriedOverTo(l.ref, escapeMarkdown(l.document), slip);
      });
      fields.push({ name: '↔', value: lines.join('\n') });
    }
    const embeds = composeEmbeds({
      title: details.ref,
      url: details.document.sourceUrl,
      color: SHOW_COLOUR,
      text: head.join('\n'),
      fields,
      continuationTitle: details.ref,
    });
    await request.reply.send({ pages: paginateEmbeds([{ embeds, notificationIds: [] }]), ephemeral: true });
  },
};
