import { Decimal, toCanonical } from '../decimal';
import type { Distance, Level, Plan } from '../plan/schema';
import { measureOf } from '../plan/schema';
import type { Side } from '../plan/side';
import { direction } from '../plan/side';
import { roundStop } from './round';

/**
 * The plan's measures turned into prices (plan format, "Measures: levels" and "Measures: distances"): a
 * distance is k × ATR, p % of a reference price, or an amount; a level is an absolute price
 * or a distance from a reference in the trade's favour.
 */

/** A distance in price units: k × ATR, p % of the reference price, or an amount. */
export function distanceOf(distance: Distance, reference: Decimal, atr: Decimal | null): Decimal {
  const { kind, value } = measureOf(distance);
  if (kind === 'amount') return new Decimal(value);
  if (kind === 'percent') return reference.mul(value).div(100);
  if (atr === null) throw new Error('ATR is not known yet');
  return atr.mul(value);
}

/**
 * A level measured from `from` in the trade's favourable direction: an absolute price, k × R,
 * k × ATR or p % of `from` (unrounded: callers round by the level's kind).
 */
export function levelFrom(level: Level, from: Decimal, side: Side, r: Decimal, atr: Decimal | null): Decimal {
  const { kind, value } = measureOf(level);
  if (kind === 'price') return new Decimal(value);
  const sign = direction(side);
  if (kind === 'r') return from.plus(r.mul(value).mul(sign));
  if (kind === 'percent') return from.plus(from.mul(value).div(100).mul(sign));
  if (atr === null) throw new Error('ATR is not known yet');
  return from.plus(atr.mul(value).mul(sign));
}

/** A lot's stop from its fill: the plan's price stop, or the fill ∓ the stop distance; rounded toward safety. */
export function stopFrom(plan: Plan, fill: Decimal, atr: Decimal | null): Decimal {
  const tick = new Decimal(plan.instrument.tickSize);
  const { kind, value } = measureOf(plan.stop);
  if (kind === 'price') return roundStop(new Decimal(value), tick, plan.side);
  const distance = distanceOf(kind === 'atr' ? { atr: value } : { percent: value }, fill, atr);
  return roundStop(fill.minus(distance.mul(direction(plan.side))), tick, plan.side);
}

/** Places kept when a dragged price becomes a measure again: finer than any trader writes an R or a percent. */
const MEASURE_PLACES = 4;

/**
 * The inverse of `levelFrom`: the value of a level's measure that puts it at `level`
 * (a price dragged on the chart), measured from `from` like the plan measures it. A level
 * on the wrong side of `from` gives a value of 0 or below, which the plan's checks refuse.
 */
export function levelMeasure(
  kind: keyof Level,
  level: Decimal,
  from: Decimal,
  side: Side,
  r: Decimal,
  atr: Decimal | null,
): string {
  if (kind === 'price') return toCanonical(level);
  const move = level.minus(from).mul(direction(side));
  const unit = kind === 'r' ? r : kind === 'percent' ? from.div(100) : atr;
  if (unit === null || unit.isZero()) throw new Error(`no ${kind} to measure from`);
  return toCanonical(move.div(unit).toDecimalPlaces(MEASURE_PLACES, Decimal.ROUND_HALF_UP));
}

/** The stop's measure that puts it at `stop`, below a long's entry (above a short's) as the plan measures it. */
export function stopMeasure(
  kind: 'price' | 'atr' | 'percent',
  stop: Decimal,
  entry: Decimal,
  side: Side,
  atr: Decimal | null,
): string {
  if (kind === 'price') return toCanonical(stop);
  const opposite: Side = side === 'long' ? 'short' : 'long';
  return levelMeasure(kind, stop, entry, opposite, new Decimal(1), atr);
}
