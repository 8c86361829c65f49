import { Decimal, toCanonical } from '../decimal';
import { createEngine } from '../engine/create';
import { needsCandleAtr } from '../engine/derive';
import { isQuiet } from '../engine/quiet-band';
import { step } from '../engine/step';
import type { Effect } from '../engine/effects';
import type { EngineState } from '../engine/types';
import type { Plan } from '../plan/schema';
import { WilderAtr } from '../sizing/atr';
import { effectWords } from '../words/effect-words';
import type { AdjustmentLine } from './adjust-file';
import type { PriceRow } from './csv';
import { DataError } from './csv';
import type { TimeKind } from './csv-time';
import { readTime } from './csv-time';
import type { SimLine, SimOptions } from './lines';
import { summarize, toLine } from './lines';

export type { SimLine, SimOptions } from './lines';
export { summarize } from './lines';

export interface SimResult {
  readonly lines: SimLine[];
  readonly state: EngineState;
}

/** The data cannot answer the plan (an ATR from candles that are not there). */
export class SimError extends Error {
  override name = 'SimError';
}

const DEFAULT_OPTIONS: SimOptions = { fill: 'level', alerts: 'risk' };

/** Replay rows through the engine, collecting the output lines (the planner, tests). */
export function simulate(
  plan: Plan,
  rows: Iterable<PriceRow>,
  options: Partial<SimOptions> = {},
  adjustments: Iterable<AdjustmentLine> = [],
): SimResult {
  const lines: SimLine[] = [];
  const state = runSimulation(plan, rows, options, (line) => lines.push(line), adjustments);
  return { lines, state };
}

/**
 * Replay ticks or candles through the engine (plan format, "Fills and gaps", "CSV"), every triggered
 * tranche filling at once, handing each output line to `emit` as it is made and keeping
 * nothing per row: a file of any length runs in the same memory. Candles are walked
 * open→low→high→close when close ≥ open, else open→high→low→close; each open after the
 * first is a jump from the previous close. With `atrPeriod`, each candle's prices carry the
 * Wilder ATR of the completed candles before it. Each adjustment applies after the last row
 * whose time is at or before it, at that row's price (a tick's price, a candle's close),
 * several at one time in their order (plan format, "Adjusting a live trade").
 */
export function runSimulation(
  plan: Plan,
  rows: Iterable<PriceRow>,
  options: Partial<SimOptions>,
  emit: (line: SimLine) => void,
  adjustments: Iterable<AdjustmentLine> = [],
): EngineState {
  const settings = { ...DEFAULT_OPTIONS, ...options };
  const period = plan.volatility?.atrPeriod;
  let state = createEngine(plan, { mode: 'auto', fill: settings.fill });
  const atr = period === undefined ? null : new WilderAtr(period);
  const emitAll = (effects: readonly Effect[], label: string): void => {
    for (const effect of effects) {
      if (effect.type === 'error') throw new SimError(`${effectWords(plan, effect)} (at ${label})`);
      const line = toLine(plan, effect, label, settings);
      if (line !== null) emit(line);
    }
  };
  const visit = (price: string, row: PriceRow, isJump: boolean): void => {
    if (isQuiet(state, Number(price))) return;
    const atrNow =
      atr !== null && state.derived === null && atr.value !== null ? toCanonical(atr.value) : null;
    const result = step(state, { type: 'tick', price, time: row.time, gap: isJump, atr: atrNow });
    state = result.state;
    emitAll(result.effects, row.label);
  };
  const pending = adjustments[Symbol.iterator]();
  let next = pending.next();
  let lastPrice: string | null = null;
  let dataKind: TimeKind | null = null;
  /** The adjustments before `time` (all that are left, when null), at the last row's price. */
  const adjustBefore = (time: number | null): void => {
    for (; next.done !== true && (time === null || next.value.time < time); next = pending.next()) {
      const line = next.value;
      if (dataKind !== null && line.kind !== dataKind) {
        throw new DataError(
          line.file,
          line.line,
          `time ${line.label} is ${line.kind}, but the data file's times are ${dataKind}: write them as the data file does`,
        );
      }
      const event = { type: 'adjust', adjustment: line.adjustment, time: line.time } as const;
      const result = step(state, lastPrice === null ? event : { ...event, lastPrice });
      state = result.state;
      emitAll(result.effects, line.label);
    }
  };
  let isFirst = true;
  for (const row of rows) {
    dataKind ??= timeKindOf(row);
    adjustBefore(row.time);
    if (row.kind === 'tick') {
      if (needsCandleAtr(plan)) {
        throw new SimError(
          `volatility.atrPeriod ${period} needs candles: give a time,open,high,low,close file, or set volatility.atr`,
        );
      }
      visit(row.price, row, false);
      lastPrice = row.price;
      continue;
    }
    const close = Number(row.close);
    const open = Number(row.open);
    const isUp = close > open || (close === open && !new Decimal(row.close).lt(row.open));
    visit(row.open, row, !isFirst);
    visit(isUp ? row.low : row.high, row, false);
    visit(isUp ? row.high : row.low, row, false);
    visit(row.close, row, false);
    // The ATR needs every completed candle until the trade fixes it at the entry.
    if (atr !== null && state.derived === null) {
      atr.add({ high: new Decimal(row.high), low: new Decimal(row.low), close: new Decimal(row.close) });
    }
    isFirst = false;
    lastPrice = row.close;
  }
  adjustBefore(null);
  emit(summarize(state));
  return state;
}

/** The kind of the data file's times, from its first row (the reader holds every row to it). */
function timeKindOf(row: PriceRow): TimeKind {
  const read = readTime(row.label);
  return read.ok ? read.kind : 'ISO 8601';
}
