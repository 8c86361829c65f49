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
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}

export function timingOf(runsMillis: readonly number[]): Timing {
  return { medianMillis: median(runsMillis), runsMillis };
}
