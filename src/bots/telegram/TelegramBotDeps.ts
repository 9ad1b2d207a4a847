// What the bot's handlers share: the database, the clock, configuration, and the per-process caches.
import type { Clock } from '../../clock.ts';
import type { Config } from '../../config.ts';
import type { Pool } from '../../services/database.ts';
import type { ReaderLanguage } from '../../domain/alertLabels.ts';
import type { AlertPolicy } from '../../domain/alertPolicy.ts';
import type { Logger } from '../../logger.ts';

export interface TelegramBotDeps {
  pool: Pool;
  clock: Clock;
  logger: Logger;
  config: Config;
  policy: AlertPolicy;
  /** Telegram user ids (as strings) allowed to record statuses. */
  editors: ReadonlySet<string>;
  /** Whether the user administers the chat (cached briefly). */
  isAdmin(chatId: number, userId: number): Promise<boolean>;
  /** /lang in a chat that has no subscription yet: remembered here until it subscribes. */
  languagePreferences: Map<string, ReaderLanguage>;
  /** Called after an editor decided a proposal here: tells the proposer without waiting for the timer. */
  onProposalDecided?: () => void;
}
