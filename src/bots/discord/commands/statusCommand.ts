// /status ref:<…> status:<met|claimed|rescheduled|dropped|pending> [evidence] [due] [note], for editors: records a
// milestone status through the same service as the CLI, with the editor as actor (discord:<user id>).
import { escapeMarkdown } from 'discord.js';
import { labelsFor } from '../../../domain/alertLabels.ts';
import { StatusChangeError } from '../../../domain/milestoneStatus.ts';
import { changeMilestoneStatus } from '../../../services/changeMilestoneStatus.ts';
import { MilestoneRefError } from '../../../services/parseMilestoneRef.ts';
import { formatMilestoneRef } from '../../formatDueLine.ts';
import type { DiscordCommand } from '../DiscordCommand.ts';

export const statusCommand: DiscordCommand = {
  name: 'status',
  access: 'editor',
  async run(request) {
    const { interaction, deps, texts } = request;
    const labels = labelsFor(request.readerLanguage);
    const optional = (name: string): string | null => interaction.options.getString(name)?.trim() || null;
    const ref = interaction.options.getString('ref', true);
    try {
      const outcome = await changeMilestoneStatus(
        deps.pool,
        ref,
        { to: interaction.options.getString('status', true), evidenceUrl: optional('evidence'), due: optional('due') },
        { actor: `discord:${interaction.user.id}`, source: 'discord', note: optional('note'), at: request.now },
      );
      deps.logger.info({ ref: outcome.ref, seq: outcome.seq, status: outcome.status, actor: interaction.user.id }, 'status recorded from Discord');
      const recorded = texts.statusRecorded(
        formatMilestoneRef(outcome.ref, outcome.seq),
        labels.status[outcome.previousStatus],
        labels.status[outcome.status],
        outcome.due !== outcome.previousDue ? outcome.due : null,
      );
      await request.reply.send({ content: recorded, ephemeral: true });
    } catch (error) {
      const problem = error instanceof MilestoneRefError ? `${error.input}: ${error.problem}` : error instanceof StatusChangeError ? error.problem : null;
      if (problem === null) throw error;
      await request.reply.send({ content: texts.statusRefused(escapeMarkdown(problem)), ephemeral: true });
    }
  },
};
