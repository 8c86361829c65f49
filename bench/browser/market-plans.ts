import type { PlanInput } from '../../lib/plan/schema';

/*
 * The plans the browser figures run, all long breakouts on Binance futures symbols, in the
 * shape a trader writes: entry above a level, a stop, one add at +1 R, targets at +2 R and
 * +3 R, the stop to breakeven after the add. Prices are in whole ticks: `ticks × tickSize`
 * written out as a decimal string, never through a float.
 */

export interface Market {
  readonly symbol: string;
  /** Decimal places of the tick: 2 is a tick of 0.01. */
  readonly places: number;
}

export const VENUE = 'binance-futures';

/** A price `ticks` ticks above zero, as a decimal string ("3092.05" for 309205 at 2 places). */
export function priceAt(market: Market, ticks: number): string {
  if (!Number.isSafeInteger(ticks) || ticks <= 0) throw new Error(`${ticks} ticks is no price`);
  if (market.places === 0) return String(ticks);
  const digits = String(ticks).padStart(market.places + 1, '0');
  return `${digits.slice(0, -market.places)}.${digits.slice(-market.places)}`;
}

export function tickSizeOf(market: Market): string {
  return priceAt(market, 1);
}

export interface BreakoutLevels {
  /** The entry level in ticks: the plan triggers when the price is at or above it. */
  readonly entryTicks: number;
  readonly stopTicks: number;
  /** The approach alert's distance in percent of the level. */
  readonly approachPercent: string;
}

export function breakoutPlan(market: Market, name: string, levels: BreakoutLevels): PlanInput {
  return {
    format: 'tranche.plan/1',
    name,
    instrument: { venue: VENUE, symbol: market.symbol, tickSize: tickSizeOf(market), lotStep: '0.001' },
    side: 'long',
    account: { equity: '100000', riskPercent: '0.5' },
    entry: { price: priceAt(market, levels.entryTicks), when: 'above' },
    stop: { price: priceAt(market, levels.stopTicks) },
    sizing: { method: 'risk' },
    scaleIn: [{ step: { r: '1' }, size: '0.5' }],
    scaleOut: [
      { at: { r: '2' }, share: '0.5' },
      { at: { r: '3' }, share: 'rest' },
    ],
    stopRules: [{ on: 'add', set: 'breakeven' }],
    alerts: { approachPercent: levels.approachPercent },
  };
}
