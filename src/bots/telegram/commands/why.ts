// /why <ref>[/n]: for chat admins, the alert slots of a deadline up to now, which this chat gets and why not
// the others (the same explanation as `policywatch why`).
import { escapeHtml } from '../../../notify/telegram/escapeHtml.ts';
import { ExplainAlertsError, explainAlerts } from '../../../services/explainAlerts.ts';
import { MilestoneRefError } from '../../../services/parseMilestoneRef.ts';
import { describeAlertSlots } from '../../describeAlertSlots.ts';
import { isActive } from '../ChatRequest.ts';
import { replyUsage } from '../replyUsage.ts';
import type { TelegramCommand } from '../TelegramCommand.ts';

export const whyCommand: TelegramCommand = {
  name: 'why',
  access: 'manager',
  async run(request) {
    const { deps, chat, texts, language, now } = request;
    if (!request.args) return replyUsage(request, 'why');
    if (!isActive(request.subscription)) return void (await request.reply(texts.noSubscription));
    let explanation;
    try {
      explanation = await explainAlerts(deps.pool, { target: chat.target, ref: request.args }, now, deps.policy);
    } catch (error) {
      if (error instanceof MilestoneRefError) return replyUsage(request, 'why');
      if (error instanceof ExplainAlertsError) return void (await request.reply(texts.notFound(request.args)));
      throw error;
    }
    const blocks = explanation.milestones.map((explained) => {
      const { ref, heading, lines } = describeAlertSlots(explained, language, deps.config.timezone);
      return [`<b>${escapeHtml(ref)}</b> · ${escapeHtml(heading)}`, ...lines.map((line) => escapeHtml(line))].join('\n');
    });
    await request.reply(blocks);
  },
};
