import { Decimal, toCanonical } from '../decimal';
import type { Side } from '../plan/side';
import { direction, isBetter } from '../plan/side';
import type { Lot } from './types';

/**
 * The position and its lots (plan format, "Position", "Open risk", "Realized R"), in one
 * place: the engine, the popup's view, the checks and the simulator all call these.
 */

/** Position = the quantity held (never negative; the side gives the direction). */
export function positionOf(lots: readonly Lot[]): Decimal {
  let qty = new Decimal(0);
  for (const lot of lots) qty = qty.plus(lot.qty);
  return qty;
}

/** Average entry = the qty-weighted mean of the open lots' fills; null when flat. */
export function averageEntry(lots: readonly Lot[]): Decimal | null {
  let qty = new Decimal(0);
  let cost = new Decimal(0);
  for (const lot of lots) {
    qty = qty.plus(lot.qty);
    cost = cost.plus(new Decimal(lot.fill).mul(lot.qty));
  }
  return qty.isZero() ? null : cost.div(qty);
}

/** Open risk = Σ (fill − stop) × qty × pointValue for a long, mirrored for a short; negative once profit is locked in. */
export function openRisk(lots: readonly Lot[], side: Side, pointValue: string): Decimal {
  let risk = new Decimal(0);
  for (const lot of lots) risk = risk.plus(new Decimal(lot.fill).minus(lot.stop).mul(lot.qty));
  return risk.mul(pointValue).mul(direction(side));
}

/** The nearest stop: the open lots' stop the price meets first (the highest for a long). */
export function nearestStop(lots: readonly Lot[], side: Side): Decimal | null {
  let nearest: Decimal | null = null;
  for (const lot of lots) {
    const stop = new Decimal(lot.stop);
    if (nearest === null || isBetter(side, stop, nearest)) nearest = stop;
  }
  return nearest;
}

/** P&L of the open lots marked to `price`: Σ (price − fill) × qty × pointValue, mirrored for a short. */
export function unrealizedPnl(lots: readonly Lot[], price: Decimal, side: Side, pointValue: string): Decimal {
  let pnl = new Decimal(0);
  for (const lot of lots) pnl = pnl.plus(price.minus(lot.fill).mul(lot.qty));
  return pnl.mul(pointValue).mul(direction(side));
}

/** Whether a price has reached a lot's stop: at or below it for a long, at or above for a short. */
export function isStopReached(lot: Lot, price: Decimal, side: Side): boolean {
  return !isBetter(side, price, new Decimal(lot.stop));
}

/** Lots left and the P&L realized by closing some of them. */
export interface Closing {
  readonly lots: Lot[];
  /** Σ qty × (exit − lot fill) × pointValue, mirrored for a short. */
  readonly realized: Decimal;
}

/**
 * Close `qty` at `price` from the lots `isClosing` picks, oldest first: first-in, first-out
 * for a target exit (every lot), the lots whose stops it reached for a stop. Emptied lots go.
 */
export function closeLots(
  lots: readonly Lot[],
  qty: Decimal,
  price: Decimal,
  side: Side,
  pointValue: string,
  isClosing: (lot: Lot) => boolean = () => true,
): Closing {
  let left = qty;
  let realized = new Decimal(0);
  const kept: Lot[] = [];
  for (const lot of lots) {
    const take = left.gt(0) && isClosing(lot) ? Decimal.min(left, lot.qty) : new Decimal(0);
    left = left.minus(take);
    realized = realized.plus(price.minus(lot.fill).mul(take));
    const remaining = new Decimal(lot.qty).minus(take);
    if (!remaining.isZero()) kept.push(take.isZero() ? lot : { ...lot, qty: toCanonical(remaining) });
  }
  return { lots: kept, realized: realized.mul(pointValue).mul(direction(side)) };
}
