// What a failed Telegram send means for delivery. Permanent means known-permanent: only the refusals on the
// list below end a subscription (the chat blocked, kicked or deleted the bot, the chat or topic is gone), as
// Healthchecks does with its exact list. Missing rights pause the target: an administrator can fix them and
// the subscription resumes. Everything else (bad token, a bug in our HTML, 5xx, network, a 400 we have not
// seen) is transient, so a fault of ours never unsubscribes a reader. A 429 carries its retry-after; a
// migrated group says where it went.
import { GrammyError, HttpError } from 'grammy';
import { formatTelegramTarget } from '../../domain/parseTarget.ts';
import { DeliveryError } from '../ChannelAdapter.ts';

// Descriptions Telegram gives when the chat is gone for this bot, for good.
export const PERMANENT_TELEGRAM_ERRORS: readonly string[] = [
  'bot was blocked by the user',
  'bot was kicked from the group chat',
  'bot was kicked from the supergroup chat',
  'bot was kicked from the channel chat',
  'bot is not a member of the channel chat',
  'bot is not a member of the supergroup chat',
  'user is deactivated',
  'chat not found',
  'the group chat was deleted',
  'group chat was deactivated',
  "bot can't initiate conversation with a user",
  "bot can't send messages to bots",
  'message thread not found',
  'topic_deleted',
];

// Descriptions of a chat that exists but where the bot may not post now: fixable by its administrators.
export const PAUSING_TELEGRAM_ERRORS: readonly string[] = [
  'not enough rights to send',
  'need administrator rights in the channel chat',
  'have no rights to send a message',
  'chat_write_forbidden',
  'chat_restricted',
  'topic_closed',
];

function matches(list: readonly string[], description: string): boolean {
  const lower = description.toLowerCase();
  return list.some((entry) => lower.includes(entry));
}

export interface ClassifyContext {
  threadId?: number | null;
  deliveredIds?: readonly number[];
}

export function classifyTelegramError(error: unknown, context: ClassifyContext = {}): DeliveryError {
  const deliveredIds = context.deliveredIds?.length ? [...context.deliveredIds] : undefined;
  if (error instanceof DeliveryError) return error;
  if (error instanceof GrammyError) {
    const reason = `telegram ${error.error_code}: ${error.description}`;
    const base = { cause: error, deliveredIds };
    const movedTo = error.parameters.migrate_to_chat_id;
    if (movedTo !== undefined) {
      return new DeliveryError('transient', reason, { ...base, movedTo: formatTelegramTarget(movedTo, context.threadId ?? null) });
    }
    if (error.error_code === 429) {
      return new DeliveryError('transient', reason, { ...base, retryAfterMs: (error.parameters.retry_after ?? 1) * 1000 });
    }
    if (matches(PERMANENT_TELEGRAM_ERRORS, error.description)) return new DeliveryError('permanent', reason, base);
    if (matches(PAUSING_TELEGRAM_ERRORS, error.description)) return new DeliveryError('paused', reason, base);
    return new DeliveryError('transient', reason, base);
  }
  if (error instanceof HttpError) {
    return new DeliveryError('transient', `telegram unreachable: ${error.message}`, { cause: error, deliveredIds });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new DeliveryError('transient', message, { cause: error, deliveredIds });
}
