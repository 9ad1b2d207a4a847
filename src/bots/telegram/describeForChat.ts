// A subscription's summary lines as escaped HTML for a reply.
import type { SubscriptionRow } from '../../services/subscriptions.ts';
import { escapeHtml } from '../../notify/telegram/escapeHtml.ts';
import { describeSubscription } from '../describeSubscription.ts';
import type { ChatRequest } from './ChatRequest.ts';

export function describeForChat(request: ChatRequest, subscription: SubscriptionRow): string {
  return describeSubscription(subscription, request.language, { now: request.now, timezone: request.deps.config.timezone })
    .map(escapeHtml)
    .join('\n');
}
