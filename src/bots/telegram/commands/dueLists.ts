// /upcoming [bureau…] [days] and /overdue [bureau…]: open milestones coming due or already missed, as of now.
import type { MilestoneState } from '../../../domain/alertPolicy.ts';
import { escapeHtml } from '../../../notify/telegram/escapeHtml.ts';
import { listDueMilestones, type DueMilestone } from '../../../services/listDueMilestones.ts';
import { formatBureauNames } from '../../formatBureauNames.ts';
import { formatDueLine } from '../../formatDueLine.ts';
import { parseDueListArgs } from '../../parseBotArguments.ts';
import type { ChatRequest } from '../ChatRequest.ts';
import { replyUsage } from '../replyUsage.ts';
import type { TelegramCommand } from '../TelegramCommand.ts';

const MAX_ITEMS = 50;
const TEXT_PREVIEW = 140;
const STATE_ICONS: Record<MilestoneState, string> = { approaching: '⏳', due: '📅', missed: '❗' };

function preview(text: string): string {
  const chars = [...text];
  return chars.length > TEXT_PREVIEW ? `${chars.slice(0, TEXT_PREVIEW - 1).join('')}…` : text;
}

function renderMilestone(request: ChatRequest, milestone: DueMilestone): string {
  const line = formatDueLine(milestone, request.language);
  const bureaus = formatBureauNames(milestone.bureaus, request.language);
  return [
    `${STATE_ICONS[milestone.state]} <code>${escapeHtml(line.ref)}</code> · ${escapeHtml(line.when)}`,
    `${bureaus ? `<i>${escapeHtml(bureaus)}</i> · ` : ''}${escapeHtml(preview(milestone.subject ? `${milestone.subject}${request.language === 'zh-HK' ? '：' : ': '}${milestone.text}` : milestone.text))}`,
  ].join('\n');
}

async function runDueList(request: ChatRequest, command: 'upcoming' | 'overdue'): Promise<void> {
  const { texts, deps } = request;
  const parsed = parseDueListArgs(request.args, { allowDays: command === 'upcoming' });
  if (!parsed.ok) return replyUsage(request, command, parsed.problem === 'bureau' ? texts.unknownBureaus(parsed.unknown) : texts.daysProblem);
  const days = parsed.days ?? Math.max(...deps.policy.leadDays);
  const codes = parsed.bureaus.all ? [] : parsed.bureaus.bureaus.map((bureau) => bureau.code);
  const states: MilestoneState[] = command === 'upcoming' ? ['approaching', 'due'] : ['missed'];
  const milestones = await listDueMilestones(deps.pool, { at: request.now, policy: deps.policy, bureaus: codes, states, withinDays: days, language: request.language });
  const scope = codes.length ? formatBureauNames(codes, request.language) : null;
  if (!milestones.length) return void (await request.reply(command === 'upcoming' ? texts.noneUpcoming(days) : texts.noneOverdue));
  const heading = command === 'upcoming' ? texts.upcomingHeading(days, scope, milestones.length) : texts.overdueHeading(scope, milestones.length);
  const blocks = [heading, ...milestones.slice(0, MAX_ITEMS).map((milestone) => renderMilestone(request, milestone))];
  if (milestones.length > MAX_ITEMS) blocks.push(escapeHtml(texts.more(milestones.length - MAX_ITEMS)));
  await request.reply(blocks);
}

export const upcomingCommand: TelegramCommand = { name: 'upcoming', access: 'everyone', run: (request) => runDueList(request, 'upcoming') };
export const overdueCommand: TelegramCommand = { name: 'overdue', access: 'everyone', run: (request) => runDueList(request, 'overdue') };
