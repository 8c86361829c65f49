/*
 * One clock for instants taken in different processes. The page, the panel's frame and the
 * service worker each run in a process of their own; each reads `performance.timeOrigin +
 * performance.now()`, a high-resolution clock whose origin that process took from the
 * system clock when it started. The system clock (`Date.now()`) is one for every process on
 * the machine but whole milliseconds only. So each context's high-resolution clock is tied
 * to the system clock by sampling both: `Date.now() − highRes`, read in that order, is never
 * above the true offset and reaches it within a sample's duration whenever a millisecond
 * has just begun, so the largest of 20,000 samples is the offset to about 0.1 ms (the
 * browser's coarsening of performance.now()). An instant then reads `highRes + offset` on
 * the system's clock, whichever process took it.
 */

export const CLOCK_SAMPLES = 20_000;

/** Evaluated in a page, frame or worker (self-contained): that context's offset to the system clock. */
export function highResClockOffset(samples: number): number {
  let offset = -Infinity;
  for (let sample = 0; sample < samples; sample += 1) {
    const system = Date.now();
    const highRes = performance.timeOrigin + performance.now();
    offset = Math.max(offset, system - highRes);
  }
  return offset;
}
