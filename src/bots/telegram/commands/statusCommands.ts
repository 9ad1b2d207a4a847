// Editors' commands: /met <ref> <evidence-url> [note], /claimed <ref> [note], /reschedule <ref> <date>
// <reason>. Recorded through the same service as the CLI, with the editor as actor (telegram:<user id>).
import { labelsFor } from '../../../domain/alertLabels.ts';
import { StatusChangeError, type StatusChangeRequest } from '../../../domain/milestoneStatus.ts';
import { changeMilestoneStatus } from '../../../services/changeMilestoneStatus.ts';
import { MilestoneRefError } from '../../../services/parseMilestoneRef.ts';
import { formatMilestoneRef } from '../../formatDueLine.ts';
import type { ChatRequest } from '../ChatRequest.ts';
import { replyUsage } from '../replyUsage.ts';
import type { TelegramCommand } from '../TelegramCommand.ts';
import type { BotTexts, CommandName } from '../texts.ts';

interface StatusInput {
  ref: string;
  change: StatusChangeRequest;
  note: string | null;
}

async function record(request: ChatRequest, command: CommandName, input: StatusInput): Promise<void> {
  const { deps, texts, language } = request;
  const labels = labelsFor(language);
  try {
    const outcome = await changeMilestoneStatus(deps.pool, input.ref, input.change, {
      actor: `telegram:${request.ctx.from!.id}`,
      source: 'telegram',
      note: input.note,
      at: request.now,
    });
    deps.logger.info({ ref: outcome.ref, seq: outcome.seq, status: outcome.status, actor: request.ctx.from!.id }, 'status recorded from Telegram');
    await request.reply(
      texts.statusRecorded(
        formatMilestoneRef(outcome.ref, outcome.seq),
        labels.status[outcome.previousStatus],
        labels.status[outcome.status],
        outcome.due !== outcome.previousDue ? outcome.due : null,
      ),
    );
  } catch (error) {
    if (error instanceof MilestoneRefError) return replyUsage(request, command, texts.statusRefused(`${error.input}: ${error.problem}`));
    if (error instanceof StatusChangeError) return void (await request.reply(texts.statusRefused(error.problem)));
    throw error;
  }
}

function words(args: string): string[] {
  return args.split(/\s+/).filter(Boolean);
}

type EditorCommandName = 'met' | 'claimed' | 'reschedule';

/** One editor's command: its words read as a change, or null for the usage alone, or a problem to say with it. */
function statusCommand(name: EditorCommandName, parse: (words: string[], texts: BotTexts) => StatusInput | string | null): TelegramCommand {
  return {
    name,
    access: 'editor',
    async run(request) {
      const input = parse(words(request.args), request.texts);
      if (input === null || typeof input === 'string') return replyUsage(request, name, input ?? undefined);
      await record(request, name, input);
    },
  };
}

export const metCommand = statusCommand('met', ([ref, evidenceUrl, ...note]) =>
  ref && evidenceUrl ? { ref, change: { to: 'met', evidenceUrl }, note: note.join(' ') || null } : null,
);

export const claimedCommand = statusCommand('claimed', ([ref, ...note]) => (ref ? { ref, change: { to: 'claimed' }, note: note.join(' ') || null } : null));

export const rescheduleCommand = statusCommand('reschedule', ([ref, due, ...reason], texts) => {
  if (!ref || !due) return null;
  if (!reason.length) return texts.reasonNeeded;
  return { ref, change: { to: 'rescheduled', due }, note: reason.join(' ') };
});
