// Tells proposers on one platform the outcome of their evidence proposals, in the chat or channel they
// proposed from. A pass runs after every decision made in this bot and on a timer, so decisions made from
// the CLI or the other bot reach them too. A proposal is marked told only after the platform accepted the
// message, so a crash in between tells it again (at least once, never lost).
import type { Logger } from '../logger.ts';
import { tellProposalOutcomes, type EvidenceProposal } from '../services/listEvidenceProposals.ts';
import type { Pool } from '../services/withDatabase.ts';

export interface OutcomeTeller {
  wake(): void;
  stop(): Promise<void>;
}

export function createOutcomeTeller(options: {
  platform: 'telegram' | 'discord';
  pool: Pool;
  logger: Logger;
  now: () => Date;
  send: (proposal: EvidenceProposal) => Promise<void>;
  everyMs?: number;
}): OutcomeTeller {
  const { pool, logger, now, send, platform } = options;
  let running: Promise<void> = Promise.resolve();
  let again = false;
  let busy = false;
  const pass = async (): Promise<void> => {
    busy = true;
    try {
      do {
        again = false;
        const result = await tellProposalOutcomes(pool, platform, send, now, (error, p) => logger.warn({ err: error, proposal: p.id }, 'could not tell the proposer; retried later'));
        if (result.told) logger.info(result, 'proposal outcomes told');
      } while (again);
    } catch (error) {
      logger.warn({ err: error }, 'outcome pass failed; retried on the next one');
    } finally {
      busy = false;
    }
  };
  const wake = (): void => {
    if (busy) {
      again = true;
      return;
    }
    running = pass();
  };
  const timer = setInterval(wake, options.everyMs ?? 60_000);
  timer.unref();
  wake();
  return {
    wake,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
