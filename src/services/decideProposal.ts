// An editor approves or rejects an evidence proposal. Approval records the proposed status in the
// milestone's history with the evidence, the approver and the proposal it came from, and supersedes the
// milestone's queued alerts when the status closes it. A decided or unknown proposal changes nothing.
import type { Pool } from '../db/createPool.ts';
import { findProposal, recordDecision, type ProposalRow } from '../db/evidenceProposals.ts';
import { lockMilestone } from '../db/milestones.ts';
import { supersedePendingAlerts } from '../db/notifications.ts';
import { appendStatusHistory } from '../db/statusHistory.ts';
import { withTransaction } from '../db/withClient.ts';
import { OPEN_STATUSES, StatusChangeError } from '../domain/milestoneStatus.ts';
import { applyStatusChange, type StatusSource } from './changeMilestoneStatus.ts';
import { ProposalError } from './ProposalError.ts';

export interface Decision {
  proposalId: number;
  approve: boolean;
  /** telegram:<user id>, discord:<user id>, cli:<name> */
  editor: string;
  note?: string | null;
  /** Where the decision was made (history source of an approval is always 'proposal'). */
  via: Exclude<StatusSource, 'proposal' | 'carryover' | 'seed' | 'loader'>;
}

export interface DecisionOutcome {
  proposal: ProposalRow;
  /** Alerts that will not be sent because the milestone is closed. */
  supersededAlerts: number;
}

export async function decideProposal(pool: Pool, decision: Decision, now: Date): Promise<DecisionOutcome> {
  return withTransaction(pool, 'deciding an evidence proposal', async (client) => {
    const proposal = await findProposal(client, decision.proposalId, { lock: true });
    if (!proposal) throw new ProposalError('unknown', `no proposal #${decision.proposalId}`, { id: decision.proposalId });
    if (proposal.state !== 'open') {
      throw new ProposalError('decided', `proposal #${proposal.id} was already ${proposal.state} by ${proposal.decidedBy}`, {
        id: proposal.id,
        state: proposal.state,
        decidedBy: proposal.decidedBy,
      });
    }
    let supersededAlerts = 0;
    if (decision.approve) {
      const milestone = (await lockMilestone(client, proposal.milestoneId))!;
      // Who proposed and who approved are in the entry's provenance (proposal_id, actor); the note keeps the words.
      const note = [proposal.note, decision.note].filter(Boolean).join('; ') || null;
      const context = { actor: decision.editor, source: 'proposal' as const, note, at: now, proposalId: proposal.id };
      if (proposal.status === 'progress') {
        // Progress is not a status: the history keeps the evidence; the milestone keeps its status, date and alerts.
        await appendStatusHistory(client, {
          milestoneId: milestone.id, status: milestone.status, due: milestone.due, previousStatus: milestone.status, previousDue: milestone.due,
          actor: decision.editor, source: 'proposal', note: `progress${note ? `: ${note}` : ''}`, evidenceUrl: proposal.url, changedAt: now, proposalId: proposal.id,
        });
      } else {
        try {
          await applyStatusChange(
            client,
            { ...milestone, ref: proposal.ref },
            { to: proposal.status, evidenceUrl: proposal.status === 'dropped' ? null : proposal.url },
            { ...context, historyEvidenceUrl: proposal.url },
          );
        } catch (error) {
          if (error instanceof StatusChangeError) throw new ProposalError('change', `proposal #${proposal.id}: ${error.problem}`, { id: proposal.id });
          throw error;
        }
        if (!OPEN_STATUSES.includes(proposal.status as never)) {
          supersededAlerts = await supersedePendingAlerts(client, milestone.id, `milestone ${proposal.status} (proposal #${proposal.id} approved by ${decision.editor})`, now);
        }
      }
    }
    await recordDecision(client, proposal.id, { state: decision.approve ? 'approved' : 'rejected', decidedBy: decision.editor, note: decision.note ?? null }, now);
    return { proposal: (await findProposal(client, proposal.id))!, supersededAlerts };
  });
}
