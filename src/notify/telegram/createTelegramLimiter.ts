// Paces everything a process sends to Telegram so the flood limits are never hit: a send waits until every
// window it counts against (its chat, its group, the whole bot) has room, instead of being refused with 429.
// A window's slot is taken when a request starts and freed windowMs after its answer arrives: Telegram saw
// the request somewhere in between, so two sends we space by the window are spaced by it there too, however
// long the network took. Sends wait in one queue, in order; a chat that must wait does not hold up others,
// and the parts of one message (same chat) keep their order.

export interface WindowLimit {
  messages: number;
  windowMs: number;
}

export interface TelegramLimits {
  /** One chat: about one message a second. */
  perChat: WindowLimit;
  /** One group, supergroup or channel (negative ids, @usernames): 20 a minute. */
  perGroup: WindowLimit;
  /** The whole bot: 30 a second. */
  global: WindowLimit;
}

export const TELEGRAM_LIMITS: TelegramLimits = Object.freeze({
  perChat: { messages: 1, windowMs: 1_000 },
  perGroup: { messages: 20, windowMs: 60_000 },
  global: { messages: 30, windowMs: 1_000 },
});

export type ChatKey = number | string;

/** Timer functions, injectable so tests and benchmarks can run the schedule on a virtual clock. */
export interface LimiterTimers {
  now(): number;
  /** Calls fn after ms; returns a function that cancels it. */
  setTimer(fn: () => void, ms: number): () => void;
}

export interface TelegramLimiter {
  readonly limits: TelegramLimits;
  /** Runs send once its chat, group and the bot have room; resolves or rejects with its outcome. */
  schedule<T>(chatId: ChatKey, send: () => Promise<T>): Promise<T>;
  /** Sends nothing to this chat for ms (a 429's retry_after); never shortens an earlier hold. */
  hold(chatId: ChatKey, ms: number): void;
  /** Sends waiting for room, and sends started but not yet answered. */
  pending(): { queued: number; inFlight: number };
}

/** A slot in a window: end is when its request was answered (Infinity while in flight). */
interface Slot {
  end: number;
}

interface Waiting {
  key: string;
  group: boolean;
  start(): void;
}

// Monotonic: pacing is about elapsed time, not the (possibly shifted) application clock.
const REAL_TIMERS: LimiterTimers = {
  now: () => performance.now(),
  setTimer(fn, ms) {
    const timer = setTimeout(fn, Math.max(0, Math.ceil(ms)));
    return () => clearTimeout(timer);
  },
};

const SWEEP_EVERY_MS = 10_000;

export function normaliseChatKey(chatId: ChatKey): string {
  return typeof chatId === 'string' && !chatId.startsWith('@') ? String(Number(chatId)) : String(chatId).toLowerCase();
}

function isGroupChat(key: string): boolean {
  return key.startsWith('@') || key.startsWith('-');
}

export interface TelegramLimiterOptions {
  limits?: Partial<TelegramLimits>;
  timers?: LimiterTimers;
  /** The bot-wide budget shared with other processes; each send reserves its slot there too. */
  budget?: { take(): Promise<void> };
}

export function createTelegramLimiter(options: TelegramLimiterOptions = {}): TelegramLimiter {
  const limits: TelegramLimits = { ...TELEGRAM_LIMITS, ...options.limits };
  const timers = options.timers ?? REAL_TIMERS;
  const chatSlots = new Map<string, Slot[]>();
  const groupSlots = new Map<string, Slot[]>();
  const globalSlots: Slot[] = [];
  const holds = new Map<string, number>();
  let queue: Waiting[] = [];
  let inFlight = 0;
  let wake: { at: number; cancel: () => void } | null = null;
  let lastSweep = timers.now();

  /** 0 when the window has room now; ms until it has; Infinity when only an answer can free it. */
  function waitFor(slots: Slot[] | undefined, limit: WindowLimit, now: number): number {
    if (!slots) return 0;
    // Drop slots whose window has passed (oldest first is not guaranteed: answers arrive out of order).
    for (let i = slots.length - 1; i >= 0; i--) if (slots[i]!.end + limit.windowMs <= now) slots.splice(i, 1);
    if (slots.length < limit.messages) return 0;
    // Full: room comes when the (length - messages + 1)-th earliest slot expires.
    const ends = slots.map((slot) => slot.end + limit.windowMs - now).sort((a, b) => a - b);
    return ends[slots.length - limit.messages]!;
  }

  function take(map: Map<string, Slot[]> | null, key: string, slot: Slot): void {
    if (!map) {
      globalSlots.push(slot);
      return;
    }
    const slots = map.get(key);
    if (slots) slots.push(slot);
    else map.set(key, [slot]);
  }

  function sweep(now: number): void {
    lastSweep = now;
    for (const [map, limit] of [[chatSlots, limits.perChat], [groupSlots, limits.perGroup]] as const) {
      for (const [key, slots] of map) if (waitFor(slots, limit, now) === 0 && slots.length === 0) map.delete(key);
    }
    for (const [key, until] of holds) if (until <= now) holds.delete(key);
  }

  function setWake(now: number, delay: number): void {
    const at = now + delay;
    if (wake && wake.at <= at) return;
    wake?.cancel();
    const cancel = timers.setTimer(() => {
      wake = null;
      pump();
    }, delay);
    wake = { at, cancel };
  }

  let pumping = false;
  let pumpAgain = false;

  // A send may schedule another synchronously; that pump runs after this one instead of inside it.
  function pump(): void {
    if (pumping) {
      pumpAgain = true;
      return;
    }
    pumping = true;
    try {
      do {
        pumpAgain = false;
        pumpOnce();
      } while (pumpAgain);
    } finally {
      pumping = false;
    }
  }

  function pumpOnce(): void {
    const now = timers.now();
    if (now - lastSweep > SWEEP_EVERY_MS) sweep(now);
    let nextWake = Number.POSITIVE_INFINITY;
    const blocked = new Set<string>();
    const still: Waiting[] = [];
    let index = 0;
    for (; index < queue.length; index++) {
      const waiting = queue[index]!;
      if (blocked.has(waiting.key)) {
        still.push(waiting);
        continue;
      }
      const globalWait = waitFor(globalSlots, limits.global, now);
      if (globalWait > 0) {
        nextWake = Math.min(nextWake, globalWait);
        break;
      }
      const wait = Math.max(
        (holds.get(waiting.key) ?? 0) - now,
        waitFor(chatSlots.get(waiting.key), limits.perChat, now),
        waiting.group ? waitFor(groupSlots.get(waiting.key), limits.perGroup, now) : 0,
      );
      if (wait > 0) {
        blocked.add(waiting.key); // later sends to this chat keep their place behind this one
        nextWake = Math.min(nextWake, wait);
        still.push(waiting);
        continue;
      }
      waiting.start();
    }
    queue = still.concat(queue.slice(index));
    if (!queue.length) {
      wake?.cancel();
      wake = null;
    } else if (Number.isFinite(nextWake)) {
      setWake(now, nextWake);
    }
  }

  return {
    limits,

    schedule<T>(chatId: ChatKey, send: () => Promise<T>): Promise<T> {
      const key = normaliseChatKey(chatId);
      const group = isGroupChat(key);
      return new Promise<T>((resolve, reject) => {
        queue.push({
          key,
          group,
          start() {
            const slot: Slot = { end: Number.POSITIVE_INFINITY };
            take(chatSlots, key, slot);
            if (group) take(groupSlots, key, slot);
            take(null, key, slot);
            inFlight++;
            const settle = (): void => {
              slot.end = timers.now();
              inFlight--;
              pump();
            };
            let running: Promise<T>;
            try {
              running = options.budget ? options.budget.take().then(send) : send();
            } catch (error) {
              running = Promise.reject(error);
            }
            running.then(
              (value) => {
                settle();
                resolve(value);
              },
              (error: unknown) => {
                settle();
                reject(error);
              },
            );
          },
        });
        pump();
      });
    },

    hold(chatId, ms) {
      const key = normaliseChatKey(chatId);
      const until = timers.now() + ms;
      if ((holds.get(key) ?? 0) < until) holds.set(key, until);
    },

    pending: () => ({ queued: queue.length, inFlight }),
  };
}
