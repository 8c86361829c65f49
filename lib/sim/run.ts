import { Decimal, toCanonical, toPrintable } from '../decimal';
import { needsCandleAtr } from '../engine/derive';
import { createEngine, nextActive, step } from '../engine/step';
import type { Effect, EngineState } from '../engine/types';
import type { Plan } from '../plan/schema';
import { WilderAtr } from '../sizing/atr';
import type { PriceData } from './csv';

export interface SimOptions {
  /** `level`: resting orders at the levels (default); `observed`: market orders on alerts. */
  readonly fill: 'level' | 'observed';
  /** `risk`: only the alerts a fill line does not already say (risk); `all`: every alert. */
  readonly alerts: 'risk' | 'all';
}

/** One output line of `tranche sim`: a JSON object whose decimals are strings. */
export type SimLine = Record<string, string | number | readonly string[]>;

export interface SimResult {
  readonly lines: SimLine[];
  readonly state: EngineState;
}

/** The data cannot answer the plan (an ATR from candles that are not there). */
export class SimError extends Error {
  override name = 'SimError';
}

const DEFAULT_OPTIONS: SimOptions = { fill: 'level', alerts: 'risk' };

/**
 * Replay ticks or candles through the engine (SPEC §2 "Fills", §5 "CSV"), every triggered
 * tranche filling at once. Candles are walked open→low→high→close when close ≥ open, else
 * open→high→low→close; each open after the first is a gap from the previous close. With
 * `atrPeriod`, each candle's prices carry the Wilder ATR of the completed candles before it.
 */
export function simulate(plan: Plan, data: PriceData, options: Partial<SimOptions> = {}): SimResult {
  const settings = { ...DEFAULT_OPTIONS, ...options };
  const period = plan.volatility?.atrPeriod;
  if (data.kind === 'ticks' && needsCandleAtr(plan)) {
    throw new SimError(
      `volatility.atrPeriod ${period} needs candles: give a time,open,high,low,close file, or set volatility.atr`,
    );
  }
  let state = createEngine(plan, { mode: 'auto', fill: settings.fill });
  const lines: SimLine[] = [];
  const path = walk(data);
  const atr = data.kind === 'candles' && period !== undefined ? new WilderAtr(period) : null;
  let atrCandles = 0;
  // The ATR of the completed candles before `row`, brought up to date only when a price can
  // act and the trade has not fixed its ATR yet: quiet candles cost no decimal work.
  const atrBefore = (row: number): string | null => {
    if (atr === null || data.kind !== 'candles' || state.derived !== null) return null;
    for (; atrCandles < row; atrCandles += 1) {
      atr.add({
        high: new Decimal(data.high[atrCandles] ?? '0'),
        low: new Decimal(data.low[atrCandles] ?? '0'),
        close: new Decimal(data.close[atrCandles] ?? '0'),
      });
    }
    return atr.value ? toCanonical(atr.value) : null;
  };
  const count = path.prices.length;
  for (
    let point = nextActive(state, path.prices, 0, count);
    point < count;
    point = nextActive(state, path.prices, point + 1, count)
  ) {
    const row = path.rows[point] ?? 0;
    const result = step(state, {
      type: 'tick',
      price: path.texts[point] ?? '',
      time: data.times[row] ?? 0,
      gap: path.gaps[point] === 1,
      atr: atrBefore(row),
    });
    state = result.state;
    for (const effect of result.effects) {
      const line = toLine(effect, data.labels[row] ?? '', settings);
      if (line) lines.push(line);
    }
  }
  lines.push(summarize(state));
  return { lines, state };
}

/** Every price of the path in order, as floats for the quiet-band scan and as the decimal text. */
interface Path {
  readonly prices: Float64Array;
  readonly texts: readonly string[];
  /** The data row each point comes from. */
  readonly rows: Int32Array;
  /** 1 where the path jumps to the point from the previous one (a candle's open). */
  readonly gaps: Uint8Array;
}

/**
 * Ticks as they are; candles walked open→low→high→close when close ≥ open, else
 * open→high→low→close, each open after the first a gap from the previous close.
 */
function walk(data: PriceData): Path {
  if (data.kind === 'ticks') {
    const prices = Float64Array.from(data.prices, Number);
    return {
      prices,
      texts: data.prices,
      rows: Int32Array.from(data.prices, (_, row) => row),
      gaps: new Uint8Array(prices.length),
    };
  }
  const count = data.times.length * 4;
  const prices = new Float64Array(count);
  const texts: string[] = new Array<string>(count);
  const rows = new Int32Array(count);
  const gaps = new Uint8Array(count);
  for (let row = 0; row < data.times.length; row += 1) {
    const open = data.open[row] ?? '';
    const high = data.high[row] ?? '';
    const low = data.low[row] ?? '';
    const close = data.close[row] ?? '';
    const closeNumber = Number(close);
    const openNumber = Number(open);
    const isUp = closeNumber > openNumber || (closeNumber === openNumber && !new Decimal(close).lt(open));
    const order = isUp ? [open, low, high, close] : [open, high, low, close];
    order.forEach((text, offset) => {
      const point = row * 4 + offset;
      prices[point] = Number(text);
      texts[point] = text;
      rows[point] = row;
    });
    gaps[row * 4] = row > 0 ? 1 : 0;
  }
  return { prices, texts, rows, gaps };
}

function toLine(effect: Effect, time: string, options: SimOptions): SimLine | null {
  switch (effect.type) {
    case 'fill': {
      const line: SimLine = {
        type: 'fill',
        tranche: effect.tranche,
        side: effect.side,
        price: effect.price,
        qty: effect.qty,
        position: effect.position,
      };
      if (effect.avgPrice !== null) line.avgPrice = toPrintable(new Decimal(effect.avgPrice));
      if (effect.stop !== null) line.stop = effect.stop;
      if (effect.stops.length > 0) line.stops = effect.stops;
      line.openRisk = toPrintable(new Decimal(effect.openRisk));
      line.realizedPnl = toPrintable(new Decimal(effect.realizedPnl));
      if (effect.atr !== null) line.atr = toPrintable(new Decimal(effect.atr));
      line.time = time;
      return line;
    }
    case 'skip':
      return { type: 'skip', tranche: effect.tranche, reason: effect.reason, time };
    case 'alert':
      if (options.alerts !== 'all' && effect.kind !== 'risk') return null;
      return {
        type: 'alert',
        kind: effect.kind,
        tranche: effect.tranche,
        text: effect.text,
        ...(effect.price === null ? {} : { price: effect.price }),
        ...(effect.qty === null ? {} : { qty: effect.qty }),
        time,
      };
    case 'error':
      throw new SimError(`${effect.text} (at ${time})`);
    case 'phase':
    case 'rejected':
      return null;
  }
}

/** The summary line: peak position, largest open risk, realized P&L and R, fill count. */
export function summarize(state: EngineState): SimLine {
  const initialRisk = new Decimal(state.derived?.initialRisk ?? '0');
  const realized = new Decimal(state.realizedPnl);
  const position = state.lots.reduce((sum, lot) => sum.plus(lot.qty), new Decimal(0));
  return {
    type: 'summary',
    maxPosition: state.peak,
    maxOpenRisk: toPrintable(new Decimal(state.maxOpenRisk)),
    realizedPnl: toPrintable(realized),
    realizedR: initialRisk.isZero() ? '0' : toPrintable(realized.div(initialRisk)),
    fills: state.fills,
    position: toCanonical(position),
  };
}
