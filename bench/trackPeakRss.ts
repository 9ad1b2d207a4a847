// Samples the process's resident memory every 20 ms, so a benchmark can report the peak of one phase.
export interface PeakRss {
  /** Starts a new phase: the peak so far is forgotten. */
  reset(): void;
  peakMb(): number;
  stop(): void;
}

export function trackPeakRss(): PeakRss {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  return {
    reset: () => {
      peak = process.memoryUsage().rss;
    },
    peakMb: () => Math.round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20),
    stop: () => clearInterval(timer),
  };
}
