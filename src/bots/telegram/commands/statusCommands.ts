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
import type { CommandName } from '../texts.ts';

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

export const metCommand: TelegramCommand = {
  name: 'met',
  access: 'editor',
  async run(request) {
    const [ref, evidenceUrl, ...note] = words(request.args);
    if (!ref || !evidenceUrl) return replyUsage(request, 'met');
    await record(request, 'met', { ref, change: { to: 'met', evidenceUrl }, note: note.join(' ') || null });
  },
};

export const claimedCommand: TelegramCommand = {
  name: 'claimed',
  access: 'editor',
  async run(request) {
    const [ref, ...note] = words(request.args);
    if (!ref) return replyUsage(request, 'claimed');
    await record(request, 'claimed', { ref, change: { to: 'claimed' }, note: note.join(' ') || null });
  },
};

export const rescheduleCommand: TelegramCommand = {
  name: 'reschedule',
  access: 'editor',
  async run(request) {
    const [ref, due, ...reason] = words(request.args);
    if (!ref || !due) return replyUsage(request, 'reschedule');
    if (!reason.length) return replyUsage(request, 'reschedule', request.texts.reasonNeeded);
    await record(request, 'reschedule', { ref, change: { to: 'rescheduled', due }, note: reason.join(' ') });
  },
};
