/** Wall-clock timings of repeated runs of the same work, summarized by their median. */
export interface Timing {
  readonly medianMillis: number;
  readonly runsMillis: readonly number[];
}

export function millisOf(body: () => void): number {
  const start = process.hrtime.bigint();
  body();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** The median is robust to the odd run that a GC pause or the other core's load slows down. */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/**
 * The value below which `percent` of the values lie, interpolated between the two nearest
 * ranks (so the 50th is the median of an even count: the mean of the middle two).
 */
export function percentile(values: readonly number[], percent: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = ((sorted.length - 1) * percent) / 100;
  const below = Math.floor(rank);
  const low = sorted[below] ?? Number.NaN;
  const high = sorted[Math.ceil(rank)] ?? Number.NaN;
  return low + (high - low) * (rank - below);
}

export function timingOf(runsMillis: readonly number[]): Timing {
  return { medianMillis: median(runsMillis), runsMillis };
}
