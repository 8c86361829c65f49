import { Decimal, toCanonical, toPrintable } from '../decimal';
import { needsCandleAtr } from '../engine/derive';
import { createEngine, isQuiet, step } from '../engine/step';
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
  let state = createEngine(plan, { mode: 'auto', fill: settings.fill });
  const lines: SimLine[] = [];
  const feed = (price: string, index: number, isGap: boolean, atr: string | null) => {
    if (isQuiet(state, Number(price))) return;
    const result = step(state, { type: 'tick', price, time: data.times[index] ?? 0, gap: isGap, atr });
    state = result.state;
    for (const effect of result.effects) {
      const line = toLine(effect, data.labels[index] ?? '', settings);
      if (line) lines.push(line);
    }
  };
  const period = plan.volatility?.atrPeriod;
  if (data.kind === 'ticks') {
    if (needsCandleAtr(plan)) {
      throw new SimError(
        `volatility.atrPeriod ${period} needs candles: give a time,open,high,low,close file, or set volatility.atr`,
      );
    }
    data.prices.forEach((price, index) => feed(price, index, false, null));
  } else {
    const atr = period === undefined ? null : new WilderAtr(period);
    for (let index = 0; index < data.times.length; index += 1) {
      const open = data.open[index] ?? '';
      const high = data.high[index] ?? '';
      const low = data.low[index] ?? '';
      const close = data.close[index] ?? '';
      const closeNumber = Number(close);
      const openNumber = Number(open);
      const isUp = closeNumber > openNumber || (closeNumber === openNumber && !new Decimal(close).lt(open));
      const atrNow = atr?.value ? toCanonical(atr.value) : null;
      feed(open, index, index > 0, atrNow);
      for (const price of isUp ? [low, high, close] : [high, low, close]) feed(price, index, false, atrNow);
      if (atr !== null && state.derived === null) {
        atr.add({ high: new Decimal(high), low: new Decimal(low), close: new Decimal(close) });
      }
    }
  }
  lines.push(summarize(state));
  return { lines, state };
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
