// The one interface every delivery channel implements. An adapter turns a group of alerts for one target
// into the platform's messages, and classifies failures so the worker knows whether to retry.
import type { AlertKind } from '../domain/alertPolicy.ts';
import type { PausedNotice } from '../domain/describePausedTarget.ts';
import type { WeeklyDigest } from '../domain/weeklyDigest.ts';
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
  /** Aborted when the worker's claim on these alerts is no longer safe to use: send nothing more. */
  signal?: AbortSignal;
}

export interface ChannelAdapter {
  /** Target prefix this adapter serves: console, telegram, discord or discord-webhook. */
  readonly channel: string;
  /** Messages a second the platform takes from this bot; the worker claims no more than a lease can send. */
  readonly messagesPerSecond?: number;
  send(message: OutgoingMessage): Promise<void>;
  /**
   * Tells the people who manage a target that alerts cannot be posted there (missing permissions), wherever the
   * platform lets the bot reach them; resolves to how many were told. Never throws for those it cannot reach.
   */
  tellAdmins?(notice: PausedNotice): Promise<number>;
  close?(): Promise<void>;
}

/**
 * transient: retry with backoff. permanent: the target is gone for good (blocked, kicked, unknown channel),
 * its subscription ends. paused: the target exists but we may not post (missing permissions): it waits and
 * is tried again later, its subscription stays.
 */
export type DeliveryErrorKind = 'transient' | 'permanent' | 'paused';

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
