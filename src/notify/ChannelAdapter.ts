// The one interface every delivery channel implements. An adapter turns a group of alerts for one target
// into the platform's messages, and classifies failures so the worker knows whether to retry.
import type { AlertKind } from '../domain/alertPolicy.ts';
import type { WeeklyDigest } from '../domain/composeDigest.ts';
import type { MilestoneStatus } from '../domain/milestoneStatus.ts';

export interface AlertItem {
  notificationId: number;
  dedupeKey: string;
  kind: AlertKind;
  ref: string;
  seq: number;
  text: string;
  subject: string | null;
  phrase: string;
  milestoneKind: 'deadline' | 'start';
  bureaus: { code: string; zh: string; en: string }[];
  withRelevantBureaux: boolean;
  due: string;
  /** Days from today (in the configured zone) to the due date; negative when overdue. */
  daysLeft: number;
  status: MilestoneStatus;
  evidenceUrl: string | null;
  documentKey: string;
  documentTitle: string;
  documentUrl: string | null;
}

export interface OutgoingMessage {
  target: string;
  language: 'zh-HK' | 'en';
  /** Empty for a digest. */
  items: AlertItem[];
  /** A weekly digest: always alone in its message, never grouped with alerts. */
  digest?: WeeklyDigest;
  /** Stable for the same group of alerts, so a platform can drop a resend (Discord's nonce). */
  groupKey: string;
}

export interface ChannelAdapter {
  /** Target prefix this adapter serves: console, telegram, discord or discord-webhook. */
  readonly channel: string;
  send(message: OutgoingMessage): Promise<void>;
  close?(): Promise<void>;
}

export type DeliveryErrorKind = 'transient' | 'permanent';

export class DeliveryError extends Error {
  constructor(
    readonly kind: DeliveryErrorKind,
    readonly reason: string,
    readonly options: {
      retryAfterMs?: number | null;
      /** Alerts that did reach the target before the failure (a message split in parts). */
      deliveredIds?: readonly number[];
      /** The target moved (Telegram group upgraded): where to send instead. */
      movedTo?: string | null;
      cause?: unknown;
    } = {},
  ) {
    super(reason, { cause: options.cause });
    this.name = 'DeliveryError';
  }
}

export function channelOf(target: string): string {
  return target.split(':', 1)[0]!;
}
