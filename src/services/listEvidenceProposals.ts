// The review queue and the outcomes waiting to be told, for the CLI and the bots.
import type { Pool } from '../db/createPool.ts';
import { listProposals, listUntoldOutcomes, markOutcomeSent, type ProposalRow, type ProposalState } from '../db/evidenceProposals.ts';

export type { ProposalRow as EvidenceProposal } from '../db/evidenceProposals.ts';

export function listEvidenceProposals(pool: Pool, options: { state?: ProposalState | 'all'; limit?: number } = {}): Promise<ProposalRow[]> {
  return listProposals(pool, options);
}

/**
 * Tells proposers on one platform ('telegram' or 'discord') the outcome of their decided proposals. A
 * proposal is marked told only after `send` succeeded, so a crash in between tells it again (at least once);
 * a failing send is reported to onError and retried on the next pass.
 */
export async function tellProposalOutcomes(
  pool: Pool,
  platform: 'telegram' | 'discord',
  send: (proposal: ProposalRow) => Promise<void>,
  now: () => Date,
  onError: (error: unknown, proposal: ProposalRow) => void = () => undefined,
): Promise<{ told: number; failed: number }> {
  let told = 0;
  let failed = 0;
  for (const proposal of await listUntoldOutcomes(pool, platform)) {
    try {
      await send(proposal);
    } catch (error) {
      onError(error, proposal);
      failed++;
      continue;
    }
    await markOutcomeSent(pool, proposal, now());
    told++;
  }
  return { told, failed };
}
