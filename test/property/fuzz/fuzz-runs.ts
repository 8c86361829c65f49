import fc from 'fast-check';
import { afterAll } from 'vitest';

/*
 * The fuzz suites (test/property/fuzz): random and hostile inputs through every reader of
 * outside data. `npm test` runs a bounded number of cases per property, from a fixed seed
 * (the same cases every run), and prints the count; `npm run fuzz` runs the same
 * properties with FUZZ_RUNS cases each from a fresh seed (FUZZ_SEED replays the seed
 * fast-check reported with a failure).
 */

const LONG_RUNS = positiveInteger(process.env['FUZZ_RUNS']);

/** Cases per property. */
export const FUZZ_RUNS = LONG_RUNS ?? 100;
/** The bounded runs' seed: any fixed number. */
const BOUNDED_SEED = 20_261_205;
const FUZZ_SEED = integer(process.env['FUZZ_SEED']) ?? (LONG_RUNS === undefined ? BOUNDED_SEED : undefined);

/** A test's time limit: generous per case, so a long `npm run fuzz` is bounded by its runs, not a clock. */
export const FUZZ_TIMEOUT_MILLIS = Math.max(10_000, FUZZ_RUNS * 50);

/**
 * Count the cases of one suite file and print them when it ends:
 * `fuzz messages: 6 properties × 100 cases = 600 cases`.
 */
export function fuzzSuite(name: string): (property: fc.IRawProperty<unknown>) => void {
  let properties = 0;
  afterAll(() => {
    console.log(
      `fuzz ${name}: ${properties} properties × ${FUZZ_RUNS} cases = ${properties * FUZZ_RUNS} cases`,
    );
  });
  return (property) => {
    properties += 1;
    fc.assert(property, { numRuns: FUZZ_RUNS, ...(FUZZ_SEED === undefined ? {} : { seed: FUZZ_SEED }) });
  };
}

function integer(text: string | undefined): number | undefined {
  if (text === undefined || !/^-?\d+$/.test(text)) return undefined;
  return Number(text);
}

function positiveInteger(text: string | undefined): number | undefined {
  const value = integer(text);
  return value !== undefined && value > 0 ? value : undefined;
}
