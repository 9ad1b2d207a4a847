// /report <ref> <met|claimed|progress|dropped> <url> [note]: anyone proposes evidence. /review (editors):
// the open proposals, each with approve and reject buttons. The decision is recorded by the shared
// services; the proposer is told by the outcome pass (tellTelegramOutcomes), wherever the decision was made.
import type { Context } from 'grammy';
import { decideProposal } from '../../../services/decideProposal.ts';
import { listEvidenceProposals } from '../../../services/listEvidenceProposals.ts';
import { ProposalError } from '../../../services/ProposalError.ts';
import { proposeEvidence } from '../../../services/proposeEvidence.ts';
import { REVIEW_BUTTON_PATTERN, REVIEW_LIMIT, refOf, statusLabel } from '../../describeProposal.ts';
import { formatMilestoneRef } from '../../formatDueLine.ts';
import { createChatRequest, isEditor } from '../ChatRequest.ts';
import { replyUsage } from '../replyUsage.ts';
import type { TelegramBotDeps } from '../TelegramBotDeps.ts';
import type { TelegramCommand } from '../TelegramCommand.ts';

export const reportCommand: TelegramCommand = {
  name: 'report',
  access: 'everyone',
  async run(request) {
    const [ref, status, url, ...note] = request.args.split(/\s+/).filter(Boolean);
    if (!ref || !status || !url) return replyUsage(request, 'report');
    const from = request.ctx.from;
    if (!from) return void (await request.reply(request.texts.editorNeedsPerson));
    try {
      const receipt = await proposeEvidence(
        request.deps.pool,
        {
          ref,
          status,
          url,
          note: note.join(' ') || null,
          proposer: `telegram:${from.id}`,
          proposerName: from.username ? `@${from.username}` : [from.first_name, from.last_name].filter(Boolean).join(' '),
          replyTarget: request.chat.target,
          replyLanguage: request.language,
        },
        { now: request.now, limits: { perPersonPerDay: request.deps.config.evidence.perPersonPerDay } },
      );
      await request.reply(
        request.texts.reportReceived(receipt.id, formatMilestoneRef(receipt.ref, receipt.seq, receipt.milestoneCount), statusLabel(receipt.status, request.language), receipt.merged),
      );
    } catch (error) {
      if (error instanceof ProposalError) return replyUsage(request, 'report', request.texts.reportRefused(error.message));
      throw error;
    }
  },
};

export const reviewCommand: TelegramCommand = {
  name: 'review',
  access: 'editor',
  async run(request) {
    const { texts, language } = request;
    const open = await listEvidenceProposals(request.deps.pool, { state: 'open', limit: REVIEW_LIMIT });
    if (!open.length) return void (await request.reply(texts.reviewEmpty));
    await request.reply(texts.reviewHeading(open.length));
    // One message per proposal, so each keeps its own buttons and can be redrawn on its own.
    for (const p of open) {
      await request.reply(
        texts.reviewItem({
          id: p.id,
          ref: refOf(p),
          status: statusLabel(p.status, language),
          url: p.url,
          proposer: p.proposerName ?? p.proposer,
          others: p.alsoProposedBy.length,
          note: p.note,
          due: p.due,
          current: statusLabel(p.milestoneStatus, language),
        }),
        { keyboard: { inline_keyboard: [[{ text: texts.approveButton, callback_data: `ev:a:${p.id}` }, { text: texts.rejectButton, callback_data: `ev:r:${p.id}` }]] } },
      );
    }
  },
};

/** A press on approve or reject under a /review item: editors only; the item is redrawn with the decision. */
export async function handleReviewButton(ctx: Context, deps: TelegramBotDeps, onDecided: () => void): Promise<void> {
  const match = REVIEW_BUTTON_PATTERN.exec(ctx.callbackQuery?.data ?? '');
  const request = match ? await createChatRequest(ctx, deps) : null;
  if (!match || !request) return void (await ctx.answerCallbackQuery());
  const { texts, language } = request;
  if (!isEditor(request)) return void (await ctx.answerCallbackQuery({ text: texts.notEditor, show_alert: true }));
  const approve = match[1] === 'a';
  let text: string;
  try {
    const outcome = await decideProposal(
      deps.pool,
      { proposalId: Number(match[2]), approve, editor: `telegram:${ctx.from!.id}`, via: 'telegram' },
      request.now,
    );
    const p = outcome.proposal;
    text = texts.decided(p.id, approve, refOf(p), statusLabel(p.milestoneStatus, language), outcome.supersededAlerts);
    deps.logger.info({ proposal: p.id, state: p.state, editor: ctx.from!.id }, 'proposal decided from Telegram');
    onDecided();
  } catch (error) {
    if (!(error instanceof ProposalError)) throw error;
    text = texts.decisionRefused(error.message);
  }
  await ctx.answerCallbackQuery({ text: text.replace(/<[^>]+>/g, '') });
  try {
    await ctx.editMessageText(text, { parse_mode: 'HTML' });
  } catch (error) {
    deps.logger.warn({ err: error }, 'could not redraw the review item');
  }
}
