// Anyone may propose a status for a milestone, with a public source. The proposal waits for an editor; it
// names a milestone that exists, its URL is http(s), one person cannot flood the queue, and the same
// proposal (milestone, status, URL) while one is open is merged into it.
import type { Pool } from '../db/createPool.ts';
import { addProposalFollower, countProposalsSince, insertOrMergeProposal, lockProposer, type ProposedStatus } from '../db/evidenceProposals.ts';
import { withTransaction } from '../db/withClient.ts';
import { isHttpUrl } from '../domain/isHttpUrl.ts';
import { lockMilestoneByRef } from './changeMilestoneStatus.ts';
import { MilestoneRefError } from './parseMilestoneRef.ts';
import { ProposalError } from './ProposalError.ts';

export const PROPOSED_STATUSES: readonly ProposedStatus[] = ['met', 'claimed', 'progress', 'dropped'];

export interface EvidenceProposalInput {
  ref: string;
  status: string;
  url: string;
  note?: string | null;
  /** telegram:<user id>, discord:<user id>, cli:<name> */
  proposer: string;
  proposerName?: string | null;
  /** Where to tell the outcome (telegram:<chat>[:<thread>], discord:<channel>), or null. */
  replyTarget?: string | null;
  /** The language the proposer is answered in. */
  replyLanguage?: 'zh-HK' | 'en' | null;
}

export interface ProposalLimits {
  /** Proposals one person may make in 24 hours. */
  perPersonPerDay: number;
}

export interface ProposalReceipt {
  id: number;
  milestoneCount: number;
  merged: boolean;
  ref: string;
  seq: number;
  status: ProposedStatus;
}

export async function proposeEvidence(pool: Pool, input: EvidenceProposalInput, options: { now: Date; limits: ProposalLimits }): Promise<ProposalReceipt> {
  const status = input.status.trim().toLowerCase();
  if (!(PROPOSED_STATUSES as readonly string[]).includes(status)) {
    throw new ProposalError('status', `unknown status "${input.status}"; propose one of ${PROPOSED_STATUSES.join(', ')}`);
  }
  const url = input.url.trim();
  if (!isHttpUrl(url)) throw new ProposalError('url', `the source must be an http(s) URL, not "${input.url}"`);
  return withTransaction(pool, 'recording an evidence proposal', async (client) => {
    let milestone;
    try {
      milestone = await lockMilestoneByRef(client, input.ref);
    } catch (error) {
      if (error instanceof MilestoneRefError) throw new ProposalError('ref', error.message, { ref: input.ref });
      throw error;
    }
    // One person's proposals are counted under a per-person lock, so two at once cannot both slip in.
    await lockProposer(client, input.proposer);
    const since = new Date(options.now.getTime() - 24 * 3600_000);
    const recent = await countProposalsSince(client, input.proposer, since);
    if (recent >= options.limits.perPersonPerDay) {
      throw new ProposalError('rate', `${options.limits.perPersonPerDay} proposals in 24 hours is the limit per person; please try again later`, {
        limit: options.limits.perPersonPerDay,
      });
    }
    const proposal = {
      milestoneId: milestone.id,
      status: status as ProposedStatus,
      url,
      note: input.note?.trim() || null,
      proposer: input.proposer,
      proposerName: input.proposerName ?? null,
      replyTarget: input.replyTarget ?? null,
      replyLanguage: input.replyLanguage ?? null,
    };
    const saved = await insertOrMergeProposal(client, proposal, options.now);
    // A merged proposer is told the outcome too, where they proposed.
    if (saved.merged) await addProposalFollower(client, saved.id, proposal, options.now);
    return { ...saved, ref: milestone.ref, seq: milestone.seq, milestoneCount: milestone.milestoneCount, status: status as ProposedStatus };
  });
}
