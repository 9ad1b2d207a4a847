// The webhook's update record, for the Telegram bot (front-ends do not import db/): claim a received update,
// take over claims that ran out, renew, finish, prune. See db/telegramUpdates.ts for what each statement holds.
export {
  claimExpiredTelegramUpdates,
  claimNewTelegramUpdate,
  finishTelegramUpdate,
  pruneTelegramUpdates,
  renewTelegramUpdateClaims,
  type UpdateClaim,
} from '../db/telegramUpdates.ts';
