// What a failed Telegram send means for delivery. The chat's own refusals (blocked, kicked, deleted, no
// rights) are permanent: retrying cannot help and the target is disabled. Anything that is our side's or
// Telegram's trouble (bad token, a bug in our HTML, 5xx, network) is transient, so a fault of ours never
// unsubscribes a reader. A 429 carries its retry-after; a migrated group says where it went.
import { GrammyError, HttpError } from 'grammy';
import { formatTelegramTarget } from '../../domain/parseTarget.ts';
import { DeliveryError } from '../ChannelAdapter.ts';

// 400s caused by the message we built, not by the chat: a retry after a fix may succeed.
const OUR_FAULT_400 = /can't parse entities|message is too long|message text is empty|text must be non-empty|wrong http url|unsupported url protocol/i;

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
    if (error.error_code === 403) return new DeliveryError('permanent', reason, base);
    if (error.error_code === 400 && !OUR_FAULT_400.test(error.description)) return new DeliveryError('permanent', reason, base);
    return new DeliveryError('transient', reason, base);
  }
  if (error instanceof HttpError) {
    return new DeliveryError('transient', `telegram unreachable: ${error.message}`, { cause: error, deliveredIds });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new DeliveryError('transient', message, { cause: error, deliveredIds });
}
