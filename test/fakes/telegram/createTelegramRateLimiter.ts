// Telegram's documented broadcast limits for sendMessage, enforced as sliding windows ("at most N sends in any
// window of W ms"), which is how the FAQ words them and never lets a burst through that Telegram would refuse:
//   - per chat: about 1 message per second. Burst tolerance: 2 messages in any 2 s, so a pair sent back to back
//     passes but a third is refused until 2 s after the first;
//   - per group, supergroup or channel (negative ids and @usernames): 20 messages in any 60 s;
//   - overall: 30 messages in any 1 s.
// Each window is a ring buffer of the last N send times per key, so a check is O(1) whatever the volume.
// A refused send is not counted as sent; it gets retry_after = whole seconds until every window it needs has room
// (at least 1), so a client that honours retry_after succeeds on its next attempt unless others sent meanwhile.
import type { ChatId } from './readTelegramParams.ts';

export interface WindowLimit {
  messages: number;
  windowMs: number;
}

export interface TelegramLimits {
  perChat: WindowLimit;
  perGroup: WindowLimit;
  global: WindowLimit;
}

export const DEFAULT_TELEGRAM_LIMITS: TelegramLimits = {
  perChat: { messages: 2, windowMs: 2_000 },
  perGroup: { messages: 20, windowMs: 60_000 },
  global: { messages: 30, windowMs: 1_000 },
};

export type LimitName = keyof TelegramLimits;

export interface RateLimitedCounts {
  total: number;
  byChat: Map<ChatId, number>;
  byLimit: Record<LimitName, number>;
}

export interface RateLimitVerdict {
  limit: LimitName;
  /** Whole seconds, at least 1. */
  retryAfter: number;
}

export interface TelegramRateLimiter {
  readonly counts: RateLimitedCounts;
  /** Returns null and records the send when it is allowed. */
  check(chatId: ChatId): RateLimitVerdict | null;
  reset(): void;
}

/** The send times of the last `messages` sends; `next` is the oldest once the ring is full. */
interface Ring {
  times: number[];
  next: number;
}

export function createTelegramRateLimiter(
  limits: TelegramLimits = DEFAULT_TELEGRAM_LIMITS,
  now: () => number = Date.now,
): TelegramRateLimiter {
  let chatRings = new Map<ChatId, Ring>();
  let groupRings = new Map<ChatId, Ring>();
  let globalRing: Ring = { times: [], next: 0 };
  const counts: RateLimitedCounts = { total: 0, byChat: new Map(), byLimit: { perChat: 0, perGroup: 0, global: 0 } };

  function ringIn(rings: Map<ChatId, Ring>, chatId: ChatId): Ring {
    let ring = rings.get(chatId);
    if (!ring) {
      ring = { times: [], next: 0 };
      rings.set(chatId, ring);
    }
    return ring;
  }

  /** Milliseconds until the window has room for one more send. */
  function msUntilRoom(ring: Ring, limit: WindowLimit, at: number): number {
    if (ring.times.length < limit.messages) return 0;
    const oldest = ring.times[ring.next] ?? Number.NEGATIVE_INFINITY;
    return Math.max(0, oldest + limit.windowMs - at);
  }

  function note(ring: Ring, limit: WindowLimit, at: number): void {
    if (ring.times.length < limit.messages) {
      ring.times.push(at);
      return;
    }
    ring.times[ring.next] = at;
    ring.next = (ring.next + 1) % limit.messages;
  }

  return {
    counts,

    check(chatId) {
      const at = now();
      const isGroup = typeof chatId === 'string' || chatId < 0;
      const chatRing = ringIn(chatRings, chatId);
      const groupRing = isGroup ? ringIn(groupRings, chatId) : null;

      let worst: LimitName = 'perChat';
      let wait = msUntilRoom(chatRing, limits.perChat, at);
      const groupWait = groupRing ? msUntilRoom(groupRing, limits.perGroup, at) : 0;
      if (groupWait > wait) [worst, wait] = ['perGroup', groupWait];
      const globalWait = msUntilRoom(globalRing, limits.global, at);
      if (globalWait > wait) [worst, wait] = ['global', globalWait];

      if (wait > 0) {
        counts.total += 1;
        counts.byChat.set(chatId, (counts.byChat.get(chatId) ?? 0) + 1);
        counts.byLimit[worst] += 1;
        return { limit: worst, retryAfter: Math.max(1, Math.ceil(wait / 1000)) };
      }
      note(chatRing, limits.perChat, at);
      if (groupRing) note(groupRing, limits.perGroup, at);
      note(globalRing, limits.global, at);
      return null;
    },

    reset() {
      chatRings = new Map();
      groupRings = new Map();
      globalRing = { times: [], next: 0 };
      counts.total = 0;
      counts.byChat.clear();
      counts.byLimit = { perChat: 0, perGroup: 0, global: 0 };
    },
  };
}
