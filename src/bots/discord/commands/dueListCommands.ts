// /upcoming [bureau] [days] and /overdue [bureau]: open milestones coming due or already missed, as of now, one
// line each, paginated over embeds and messages (only the invoker sees them).
import { escapeMarkdown } from 'discord.js';
import type { MilestoneState } from '../../../domain/alertPolicy.ts';
import { composeEmbeds } from '../../../notify/discord/composeEmbeds.ts';
import { paginateEmbeds } from '../../../notify/discord/paginateEmbeds.ts';
import { shortenText, utf16Units } from '../../../domain/shortenText.ts';
import { listDueMilestones, type DueMilestone } from '../../../services/listDueMilestones.ts';
import { formatBureauNames } from '../../formatBureauNames.ts';
import { formatDueLine } from '../../formatDueLine.ts';
import { parseBureauList, MAX_UPCOMING_DAYS } from '../../parseBotArguments.ts';
import type { DiscordCommand, DiscordRequest } from '../DiscordCommand.ts';

const MAX_ITEMS = 50;
const TEXT_PREVIEW = 120;
const STATE_ICONS: Record<MilestoneState, string> = { approaching: '⏳', due: '📅', missed: '❗' };
const COLOURS = { upcoming: 0xf1c40f, overdue: 0xe74c3c };

function renderLine(request: DiscordRequest, milestone: DueMilestone): string {
  const language = request.readerLanguage;
  const line = formatDueLine(milestone, language);
  const bureaus = formatBureauNames(milestone.bureaus, language);
  const text = milestone.subject ? `${milestone.subject}${language === 'zh-HK' ? '：' : ': '}${milestone.text}` : milestone.text;
  return `${STATE_ICONS[milestone.state]} \`${line.ref}\` · ${line.when}${bureaus ? ` · *${bureaus}*` : ''}\n${escapeMarkdown(shortenText(text, TEXT_PREVIEW, { measure: utf16Units }))}`;
}

async function runDueList(request: DiscordRequest, command: 'upcoming' | 'overdue'): Promise<void> {
  const { interaction, texts, deps } = request;
  const days = command === 'upcoming' ? interaction.options.getInteger('days') : null;
  if (days !== null && (days < 1 || days > MAX_UPCOMING_DAYS)) return request.reply.send({ content: texts.daysProblem, ephemeral: true });
  const list = parseBureauList(interaction.options.getString('bureau') ?? '');
  if (list.unknown.length) {
    return request.reply.send({ content: texts.unknownBureaus(escapeMarkdown(list.unknown.join(', '))), ephemeral: true });
  }
  const within = days ?? Math.max(...deps.policy.leadDays);
  const codes = list.all ? [] : list.bureaus.map((bureau) => bureau.code);
  const states: MilestoneState[] = command === 'upcoming' ? ['approaching', 'due'] : ['missed'];
  const milestones = await listDueMilestones(deps.pool, { at: request.now, policy: deps.policy, bureaus: codes, states, withinDays: within, language: request.readerLanguage });
  if (!milestones.length) return request.reply.send({ content: command === 'upcoming' ? texts.noneUpcoming(within) : texts.noneOverdue, ephemeral: true });
  const scope = codes.length ? formatBureauNames(codes, request.readerLanguage) : null;
  const heading = command === 'upcoming' ? texts.upcomingHeading(within, scope, milestones.length) : texts.overdueHeading(scope, milestones.length);
  const lines = milestones.slice(0, MAX_ITEMS).map((milestone) => renderLine(request, milestone));
  if (milestones.length > MAX_ITEMS) lines.push(texts.more(milestones.length - MAX_ITEMS));
  // Blank lines between items: the text splits there when it continues in a further embed.
  const embeds = composeEmbeds({ title: heading, color: COLOURS[command], text: lines.join('\n\n'), continuationTitle: heading });
  await request.reply.send({ pages: paginateEmbeds([{ embeds, notificationIds: [] }]), ephemeral: true });
}

export const upcomingCommand: DiscordCommand = { name: 'upcoming', access: 'everyone', run: (request) => runDueList(request, 'upcoming') };
export const overdueCommand: DiscordCommand = { name: 'overdue', access: 'everyone', run: (request) => runDueList(request, 'overdue') };
