// /report ref:<…> status:<met|claimed|progress|dropped> url:<…> [note]: anyone proposes evidence.
// /review (editors): the open proposals, each with approve and reject buttons (custom id ev:a:<id> / ev:r:<id>).
// Decisions go through the shared services; the proposer is told by the outcome pass in the channel they
// proposed from, wherever the decision was made.
import { ActionRowBuilder, ButtonBuilder, ButtonStyle, MessageFlags, escapeMarkdown, type ButtonInteraction } from 'discord.js';
import { decideProposal } from '../../../services/decideProposal.ts';
import { listEvidenceProposals } from '../../../services/listEvidenceProposals.ts';
import { ProposalError } from '../../../services/ProposalError.ts';
import { proposeEvidence } from '../../../services/proposeEvidence.ts';
import { REVIEW_BUTTON_PATTERN, REVIEW_LIMIT, refOf, statusLabel } from '../../describeProposal.ts';
import { formatMilestoneRef } from '../../formatDueLine.ts';
import type { DiscordBotDeps, DiscordCommand } from '../DiscordCommand.ts';
import { languageOfLocale } from '../languageOfLocale.ts';
import { textsFor } from '../texts.ts';

export const reportCommand: DiscordCommand = {
  name: 'report',
  access: 'everyone',
  async run(request) {
    const { interaction, deps, texts, readerLanguage } = request;
    try {
      const receipt = await proposeEvidence(
        deps.pool,
        {
          ref: interaction.options.getString('ref', true),
          status: interaction.options.getString('status', true),
          url: interaction.options.getString('url', true),
          note: interaction.options.getString('note')?.trim() || null,
          proposer: `discord:${interaction.user.id}`,
          proposerName: interaction.user.username,
          replyTarget: request.target,
          replyLanguage: readerLanguage,
        },
        { now: request.now, limits: { perPersonPerDay: deps.config.evidence.perPersonPerDay } },
      );
      const ref = formatMilestoneRef(receipt.ref, receipt.seq, receipt.milestoneCount);
      await request.reply.send({ content: texts.reportReceived(receipt.id, ref, statusLabel(receipt.status, readerLanguage), receipt.merged), ephemeral: true });
    } catch (error) {
      if (!(error instanceof ProposalError)) throw error;
      await request.reply.send({ content: texts.reportRefused(escapeMarkdown(error.message)), ephemeral: true });
    }
  },
};

export const reviewCommand: DiscordCommand = {
  name: 'review',
  access: 'editor',
  async run(request) {
    const { interaction, deps, texts, readerLanguage } = request;
    const open = await listEvidenceProposals(deps.pool, { state: 'open', limit: REVIEW_LIMIT });
    if (!open.length) return request.reply.send({ content: texts.reviewEmpty, ephemeral: true });
    await request.reply.send({ content: texts.reviewHeading(open.length), ephemeral: true });
    // One message per proposal, so each keeps its own buttons and is redrawn on its own.
    for (const p of open) {
      const content = texts.reviewItem({
        id: p.id,
        ref: refOf(p),
        status: statusLabel(p.status, readerLanguage),
        url: p.url,
        proposer: escapeMarkdown(p.proposerName ?? p.proposer),
        others: p.alsoProposedBy.length,
        note: p.note ? escapeMarkdown(p.note) : null,
        due: p.due,
        current: statusLabel(p.milestoneStatus, readerLanguage),
      });
      const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId(`ev:a:${p.id}`).setLabel(texts.approveButton).setStyle(ButtonStyle.Success),
        new ButtonBuilder().setCustomId(`ev:r:${p.id}`).setLabel(texts.rejectButton).setStyle(ButtonStyle.Danger),
      );
      await interaction.followUp({ content, components: [row], flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
    }
  },
};

/** A press on approve or reject: editors only (checked again here); the item is redrawn with the decision. */
export async function handleReviewButton(
  interaction: ButtonInteraction,
  deps: DiscordBotDeps,
  isEditor: (interaction: ButtonInteraction) => boolean,
  onDecided: () => void,
): Promise<void> {
  const match = REVIEW_BUTTON_PATTERN.exec(interaction.customId);
  const language = languageOfLocale(interaction.locale) ?? 'zh-HK';
  const texts = textsFor(language);
  if (!match) return;
  if (!isEditor(interaction)) {
    await interaction.reply({ content: texts.notEditor, flags: MessageFlags.Ephemeral });
    return;
  }
  const approve = match[1] === 'a';
  try {
    const outcome = await decideProposal(deps.pool, { proposalId: Number(match[2]), approve, editor: `discord:${interaction.user.id}`, via: 'discord' }, deps.clock.now());
    const p = outcome.proposal;
    deps.logger.info({ proposal: p.id, state: p.state, editor: interaction.user.id }, 'proposal decided from Discord');
    await interaction.update({ content: texts.decided(p.id, approve, refOf(p), statusLabel(p.milestoneStatus, language), outcome.supersededAlerts), components: [] });
    onDecided();
  } catch (error) {
    if (!(error instanceof ProposalError)) throw error;
    await interaction.reply({ content: texts.decisionRefused(escapeMarkdown(error.message)), flags: MessageFlags.Ephemeral });
  }
}
