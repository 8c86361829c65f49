import type { Plan } from '../lib/plan/schema';
import type { CandleRow } from '../lib/sim/csv';
import { parseCsv } from '../lib/sim/csv';
import type { SimLine } from '../lib/sim/run';
import { simulate } from '../lib/sim/run';
import type { Timing } from './measure';
import { millisOf, timingOf } from './measure';
import { normalFrom, seededRandom } from './seeded-random';

/** 365 days of one-minute candles. */
export const MINUTES_PER_YEAR = 525_600;

const MINUTE_IN_MILLIS = 60_000;
const YEAR_START_IN_MILLIS = Date.UTC(2025, 0, 1);
/** Per-minute volatility of the log price: about 40 % a year, a liquid crypto pair. */
const MINUTE_VOLATILITY = 0.0006;

/**
 * A year of one-minute candles from a seeded log-normal walk, in whole cents: each open is
 * the previous close, the wicks reach past the body by a random part of a minute's move.
 * Built as the simulator's own rows, so that the year's figure times `simulate` alone.
 */
export function minuteCandles(count: number, seed: number, startCents: number): CandleRow[] {
  const random = seededRandom(seed);
  const rows: CandleRow[] = [];
  let previousCents = startCents;
  for (let index = 0; index < count; index += 1) {
    const openCents = previousCents;
    const closeCents = Math.max(1, Math.round(openCents * Math.exp(MINUTE_VOLATILITY * normalFrom(random))));
    const wick = () => Math.round(openCents * MINUTE_VOLATILITY * Math.abs(normalFrom(random)) * 0.5);
    const highCents = Math.max(openCents, closeCents) + wick();
    const lowCents = Math.max(1, Math.min(openCents, closeCents) - wick());
    const time = YEAR_START_IN_MILLIS + index * MINUTE_IN_MILLIS;
    rows.push({
      kind: 'candle',
      line: index + 2,
      time,
      label: new Date(time).toISOString(),
      open: String(openCents / 100),
      high: String(highCents / 100),
      low: String(lowCents / 100),
      close: String(closeCents / 100),
    });
    previousCents = closeCents;
  }
  return rows;
}

/** The same candles as a `time,open,high,low,close,volume` file, for timing the parser. */
export function toCsv(candles: readonly CandleRow[], seed: number): string {
  const random = seededRandom(seed);
  const rows = ['time,open,high,low,close,volume'];
  for (const { label, open, high, low, close } of candles) {
    const volume = Math.floor(random() * 5000) + 1;
    rows.push(`${label},${open},${high},${low},${close},${volume}`);
  }
  return `${rows.join('\n')}\n`;
}

export interface SimulateFigures {
  readonly candles: number;
  readonly seconds: number;
  readonly timing: Timing;
  readonly fills: number;
  readonly summary: SimLine;
}

/** `simulate` over candles already in memory: the simulator's walk and the engine, no I/O. */
export function timeSimulate(
  plan: Plan,
  candles: readonly CandleRow[],
  warmups: number,
  runs: number,
): SimulateFigures {
  let lines: SimLine[] = [];
  const millis: number[] = [];
  for (let round = 0; round < warmups + runs; round += 1) {
    const time = millisOf(() => {
      ({ lines } = simulate(plan, candles));
    });
    if (round >= warmups) millis.push(time);
  }
  const timing = timingOf(millis);
  const summary = lines.at(-1);
  if (summary?.type !== 'summary') throw new Error('simulate ended without a summary line');
  return {
    candles: candles.length,
    seconds: timing.medianMillis / 1000,
    timing,
    fills: lines.filter((line) => line.type === 'fill').length,
    summary,
  };
}

/**
 * `parseCsv` over the same candles as file text, timed on its own: reading a file is a cost
 * that the simulator's figure should neither hide nor include.
 */
export function timeParseCsv(text: string, candles: number, runs: number): Timing {
  const millis: number[] = [];
  for (let round = 0; round < runs; round += 1) {
    let rows = 0;
    millis.push(
      millisOf(() => {
        rows = parseCsv(text, 'year-of-minutes.csv').rows.length;
      }),
    );
    if (rows !== candles) throw new Error(`parseCsv read ${rows} candles of ${candles}`);
  }
  return timingOf(millis);
}
