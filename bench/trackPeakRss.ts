// The process's peak resident memory during one phase of a benchmark. On Linux the kernel's high-water mark
// (VmHWM) is exact and is reset per phase through /proc/self/clear_refs; sampling every 20 ms misses peaks
// while the event loop is busy, so it is only the fallback elsewhere.
import { readFileSync, writeFileSync } from 'node:fs';

export interface PeakRss {
  /** Starts a new phase: the peak so far is forgotten. */
  reset(): void;
  peakMb(): number;
  stop(): void;
}

/** VmHWM in bytes, or null where /proc is not there. */
function readHighWaterMark(): number | null {
  try {
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}

/** Resets VmHWM to the current RSS; false where the kernel does not allow it. */
function resetHighWaterMark(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

export function trackPeakRss(): PeakRss {
  let exact = resetHighWaterMark() && readHighWaterMark() !== null;
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  timer.unref();
  return {
    reset: () => {
      exact = resetHighWaterMark() && exact;
      peak = process.memoryUsage().rss;
    },
    peakMb: () => Math.round(Math.max(peak, process.memoryUsage().rss, (exact && readHighWaterMark()) || 0) / 2 ** 20),
    stop: () => clearInterval(timer),
  };
}
