// Dead letters for operators: what could not be delivered and why, and putting it back in the queue once the
// cause is fixed (a permission restored, a token renewed). A requeued row gets fresh attempts and wakes the
// delivery loops; the worker still re-checks it before sending, so a promise met since is not announced.
import type { Pool } from '../db/createPool.ts';
import { listDeadNotifications, requeueDeadNotifications, type DeadNotification } from '../db/notifications.ts';

export type { DeadNotification } from '../db/notifications.ts';

export function listDeadLetters(pool: Pool, options: { target?: string | null } = {}): Promise<DeadNotification[]> {
  return listDeadNotifications(pool, options);
}

export function retryDeadLetters(pool: Pool, selection: { ids?: readonly number[]; target?: string }, now: Date): Promise<number[]> {
  return requeueDeadNotifications(pool, selection, now);
}
