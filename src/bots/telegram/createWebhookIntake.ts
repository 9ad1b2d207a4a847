// Webhook updates, safe across replicas: an update is recorded and claimed in PostgreSQL before Telegram gets
// its answer, handled in the background, and marked done when its handler has finished. What holds:
// - a re-sent or concurrently delivered copy finds the update id recorded and is answered without handling;
// - a process killed mid-handle leaves a claim whose lease runs out; any replica's sweep takes it over with
//   the stored update (so nothing is lost even though Telegram was already answered);
// - handling is at least once: a handler killed after replying but before "done" is written replies again
//   when the claim is taken over (the one source of repeats, as with alerts). An update whose claim ran out
//   `maxAttempts` times is abandoned rather than retried for ever.
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Update } from 'grammy/types';
import type { Logger } from '../../logger.ts';
import type { Pool } from '../../services/database.ts';
import {
  claimExpiredTelegramUpdates,
  claimNewTelegramUpdate,
  finishTelegramUpdate,
  pruneTelegramUpdates,
  renewTelegramUpdateClaims,
  type UpdateClaim,
} from '../../services/telegramUpdates.ts';

export type WebhookReceipt = 'accepted' | 'duplicate';

export interface WebhookIntake {
  /**
   * Records and claims one update, then handles it in the background. 'duplicate' when the update id is
   * already known. Throws when the update cannot be recorded (the route answers 5xx and Telegram re-sends).
   */
  receive(update: Update): Promise<WebhookReceipt>;
  /** Starts taking over expired claims; call once the bot can handle updates. */
  start(): void;
  stop(): Promise<void>;
}

export interface WebhookIntakeOptions {
  pool: Pool;
  botId: number;
  logger: Logger;
  leaseMs: number;
  maxAttempts: number;
  /** Handles one update to the end (resolves when its handler finished, whatever the outcome). */
  handle(update: Update): Promise<void>;
  /** Whether handle() can run now (the bot knows who it is); until then updates are refused. */
  ready(): boolean;
  /** How long finished update ids are kept (Telegram re-sends an update for at most a day). */
  keepMs?: number;
}

export class WebhookNotReadyError extends Error {
  constructor() {
    super('the Telegram bot is still connecting; Telegram will re-send this update');
    this.name = 'WebhookNotReadyError';
  }
}

const KEEP_MS = 48 * 3_600_000;
const PRUNE_EVERY_MS = 3_600_000;
// Claims taken over per sweep, and the most this process handles at once from sweeps.
const SWEEP_BATCH = 16;
const MAX_IN_FLIGHT = 64;

export function createWebhookIntake(options: WebhookIntakeOptions): WebhookIntake {
  const { pool, botId, leaseMs, maxAttempts } = options;
  const logger = options.logger.child({ component: 'telegram-webhook' });
  const owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const inFlight = new Map<number, { claim: UpdateClaim; done: Promise<void> }>();
  const timers: NodeJS.Timeout[] = [];
  let stopped = false;
  let sweeping = false;
  let lastPrune = 0;

  const run = (claim: UpdateClaim, takenOver: boolean): void => {
    if (takenOver) logger.info({ updateId: claim.updateId, attempt: claim.attempt }, 'took over an update whose claim ran out');
    const done = (async () => {
      try {
        await options.handle(claim.update);
      } catch (error) {
        // Left claimed: the lease runs out and a sweep tries again, up to maxAttempts.
        logger.error({ err: error, updateId: claim.updateId }, 'telegram update could not be handled; it will be tried again');
        return;
      }
      try {
        const ours = await finishTelegramUpdate(pool, botId, owner, claim);
        if (!ours) logger.warn({ updateId: claim.updateId }, 'an update was handled after its claim had been taken over');
      } catch (error) {
        logger.warn({ err: error, updateId: claim.updateId }, 'could not record a handled update; it may be handled again');
      }
    })().finally(() => inFlight.delete(claim.updateId));
    inFlight.set(claim.updateId, { claim, done });
  };

  const renew = async (): Promise<void> => {
    if (!inFlight.size) return;
    await renewTelegramUpdateClaims(pool, botId, owner, [...inFlight.values()].map((entry) => entry.claim), leaseMs).catch((error: unknown) =>
      logger.warn({ err: error }, 'could not renew the claims of updates in progress'),
    );
  };

  const sweep = async (): Promise<void> => {
    if (sweeping || stopped || inFlight.size >= MAX_IN_FLIGHT) return;
    sweeping = true;
    try {
      const claims = await claimExpiredTelegramUpdates(pool, botId, owner, leaseMs, SWEEP_BATCH, maxAttempts);
      for (const claim of claims) run(claim, true);
      if (Date.now() - lastPrune > PRUNE_EVERY_MS) {
        lastPrune = Date.now();
        const pruned = await pruneTelegramUpdates(pool, options.keepMs ?? KEEP_MS);
        if (pruned) logger.debug({ pruned }, 'forgot old telegram update ids');
      }
    } catch (error) {
      logger.warn({ err: error }, 'could not look for updates whose claim ran out');
    } finally {
      sweeping = false;
    }
  };

  return {
    async receive(update) {
      if (stopped || !options.ready()) throw new WebhookNotReadyError();
      const claim = await claimNewTelegramUpdate(pool, botId, owner, leaseMs, update);
      if (!claim) {
        logger.debug({ updateId: update.update_id }, 'telegram re-sent an update that is already recorded');
        return 'duplicate';
      }
      run(claim, false);
      return 'accepted';
    },
    start() {
      if (timers.length || stopped) return;
      // Renew well before the lease ends; sweep often enough that a dead replica's updates wait about one lease.
      timers.push(setInterval(() => void renew(), Math.max(250, Math.floor(leaseMs / 3))));
      timers.push(setInterval(() => void sweep(), Math.max(250, Math.min(5_000, Math.floor(leaseMs / 4)))));
      for (const timer of timers) timer.unref();
      void sweep();
    },
    async stop() {
      stopped = true;
      for (const timer of timers) clearInterval(timer);
      // Unfinished claims stay recorded; their lease runs out and another replica (or the next start) takes them.
      await Promise.all([...inFlight.values()].map((entry) => entry.done));
    },
  };
}
