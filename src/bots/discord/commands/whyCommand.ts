// /why ref:<ref[/n]>: for channel managers, the alert slots of a deadline up to now, which this channel gets
// and why not the others (the same explanation as `policywatch why`), shown only to the asker.
import { escapeMarkdown } from 'discord.js';
import { shortenText, utf16Units } from '../../../domain/shortenText.ts';
import { ExplainAlertsError, explainAlerts } from '../../../services/explainAlerts.ts';
import { MilestoneRefError } from '../../../services/parseMilestoneRef.ts';
import { describeAlertSlots } from '../../describeAlertSlots.ts';
import { isActive, type DiscordCommand } from '../DiscordCommand.ts';

const MAX_CONTENT = 2000;

export const whyCommand: DiscordCommand = {
  name: 'why',
  access: 'manager',
  async run(request) {
    const { deps, target, now, texts, readerLanguage } = request;
    const ref = request.interaction.options.getString('ref', true);
    if (!isActive(request.subscription)) return request.reply.send({ content: texts.noSubscription, ephemeral: true });
    let explanation;
    try {
      explanation = await explainAlerts(deps.pool, { target, ref }, now, deps.policy);
    } catch (error) {
      if (error instanceof MilestoneRefError || error instanceof ExplainAlertsError) {
        return request.reply.send({ content: texts.notFound(escapeMarkdown(ref)), ephemeral: true });
      }
      throw error;
    }
    const blocks = explanation.milestones.map((explained) => {
      const { ref: milestoneRef, heading, lines } = describeAlertSlots(explained, readerLanguage, deps.config.timezone);
      return [`**${milestoneRef}** · ${escapeMarkdown(heading)}`, ...lines.map((line) => escapeMarkdown(line))].join('\n');
    });
    await request.reply.send({ content: shortenText(blocks.join('\n\n'), MAX_CONTENT, { measure: utf16Units }), ephemeral: true });
  },
};
