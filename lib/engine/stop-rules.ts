import { Decimal, toCanonical } from '../decimal';
import type { StopSet } from '../plan/schema';
import type { Side } from '../plan/side';
import { direction, isBetter } from '../plan/side';
import { distanceOf } from '../sizing/measure';
import { roundStop } from '../sizing/round';
import { averageEntry, positionOf } from './position';
import type { Lot } from './types';
import type { Working } from './working';
import { atrOf } from './working';

/**
 * The stop rules (plan format, "How the stop moves"). `raise` moves the stops of every lot
 * except the one just added (on `target`: every lot) by a distance; `set` offers every lot
 * one stop: `trail`, `breakeven`, `previousTarget` or `budget`. A stop only ever moves in
 * the trade's favour, and rounds toward safety.
 */

/** One rule's effect, in plan order: a raise by a distance, or one stop offered to every lot (rounded). */
export type StopMove =
  { readonly kind: 'raise'; readonly distance: Decimal } | { readonly kind: 'offer'; readonly stop: Decimal };

/** The `add` or `target` rules that apply after the `index`-th one filled, applied to the open lots. */
export function applyStopRules(
  work: Working,
  on: 'add' | 'target',
  index: number,
  justAdded: string | null,
): void {
  const reference = new Decimal(work.state.lastEntryFill ?? '0');
  work.state.lots = lotsAfterRules(work, work.state.lots, on, index, justAdded, reference);
}

/**
 * The lots after the `on` rules of the `index`-th add or target, without changing the state
 * (the open-risk cut tries candidate adds with it). `reference` is the last entry or add
 * fill: the base of `raise` and `trail` percentages.
 */
export function lotsAfterRules(
  work: Working,
  lots: readonly Lot[],
  on: 'add' | 'target',
  index: number,
  justAdded: string | null,
  reference: Decimal,
): Lot[] {
  const moves: StopMove[] = [];
  for (const rule of work.plan.stopRules) {
    if (rule.on !== on || (rule.index !== undefined && rule.index !== index)) continue;
    if (rule.raise) {
      moves.push({ kind: 'raise', distance: distanceOf(rule.raise, reference, atrOf(work)) });
    } else if (rule.set !== undefined) {
      // Rules move stops only, never fills or quantities: every offer can come from the lots as they are.
      const stop = stopForSet(work, lots, rule.set, on, index, reference);
      if (stop !== null) moves.push({ kind: 'offer', stop: roundStop(stop, work.tick, work.plan.side) });
    }
  }
  return lotsAfterMoves(work, lots, moves, on === 'add' ? justAdded : null);
}

/**
 * The lots after a list of moves, in one pass over the lots. A stop on the tick grid moved
 * by a raise of d lands on stop ± ⌈d / tick⌉ × tick, so the raises add up and an offer is
 * carried by the raises after it: every such lot ends at the better of (its stop plus all
 * raises) and (the best offer, plus the raises after it). A stop off the grid (a plan edited
 * to another tick size) takes the moves one by one. The lot just added takes the offers
 * only.
 */
export function lotsAfterMoves(
  work: Working,
  lots: readonly Lot[],
  moves: readonly StopMove[],
  justAdded: string | null,
): Lot[] {
  if (moves.length === 0) return [...lots];
  const { side } = work.plan;
  const sign = direction(side);
  let raised = new Decimal(0);
  let offer: Decimal | null = null;
  let offerToNew: Decimal | null = null;
  for (const move of moves) {
    if (move.kind === 'raise') {
      const step = move.distance.div(work.tick).ceil().mul(work.tick).mul(sign);
      raised = raised.plus(step);
      if (offer !== null) offer = offer.plus(step);
    } else {
      offer = better(side, offer, move.stop);
      offerToNew = better(side, offerToNew, move.stop);
    }
  }
  return lots.map((lot) => {
    const stop = new Decimal(lot.stop);
    let moved: Decimal | null;
    if (lot.tranche === justAdded) moved = better(side, stop, offerToNew);
    else if (isOnTickGrid(work, stop)) moved = better(side, stop.plus(raised), offer);
    else moved = movedOneByOne(work, stop, moves);
    return moved !== null && isBetter(side, moved, stop) ? { ...lot, stop: toCanonical(moved) } : lot;
  });
}

/** Whether a stop is a whole number of ticks; for a tick of 1, 0.1, 0.01, … its decimal places tell. */
function isOnTickGrid(work: Working, stop: Decimal): boolean {
  return DECIMAL_TICK.test(work.plan.instrument.tickSize)
    ? stop.decimalPlaces() <= work.tick.decimalPlaces()
    : stop.mod(work.tick).isZero();
}

/** 1, 0.1, 0.01, …: a tick whose multiples are the numbers with at most as many decimal places. */
const DECIMAL_TICK = /^(1|0\.0*1)$/;

function movedOneByOne(work: Working, from: Decimal, moves: readonly StopMove[]): Decimal {
  const { side } = work.plan;
  let stop = from;
  for (const move of moves) {
    const candidate =
      move.kind === 'offer'
        ? move.stop
        : roundStop(stop.plus(move.distance.mul(direction(side))), work.tick, side);
    if (isBetter(side, candidate, stop)) stop = candidate;
  }
  return stop;
}

/** The better stop for the trade of the two (higher for a long), either of which may be missing. */
function better(side: Side, a: Decimal | null, b: Decimal | null): Decimal | null {
  if (a === null) return b;
  if (b === null) return a;
  return isBetter(side, b, a) ? b : a;
}

/**
 * The one stop a `set` offers every lot, or null when it has none to offer: `trail` from
 * `trailFrom` (the last entry or add fill; on `tick`, the best price since activation),
 * `breakeven` (the average entry), `previousTarget` (the target before this one, breakeven
 * after the first), `budget`.
 */
export function stopForSet(
  work: Working,
  lots: readonly Lot[],
  set: StopSet,
  on: 'add' | 'target' | 'tick',
  index: number,
  trailFrom: Decimal,
): Decimal | null {
  if (typeof set === 'object') {
    return trailFrom.minus(distanceOf(set.trail, trailFrom, atrOf(work)).mul(direction(work.plan.side)));
  }
  if (set === 'breakeven') return averageEntry(lots);
  if (set === 'previousTarget') {
    if (on !== 'target') return null;
    if (index <= 1) return averageEntry(lots);
    const previous = work.state.derived?.targets[index - 2];
    return previous === undefined ? null : new Decimal(previous);
  }
  return budgetStop(work, lots);
}

/**
 * The one stop at which open risk, every lot at it, equals the risk budget:
 * Σ (fill − S) × qty × pv = budget  ⇒  S = average − budget / (pv × position) for a long.
 */
function budgetStop(work: Working, lots: readonly Lot[]): Decimal | null {
  const average = averageEntry(lots);
  const derived = work.state.derived;
  if (average === null || derived === null) return null;
  const perPrice = new Decimal(work.plan.instrument.pointValue).mul(positionOf(lots));
  return average.minus(new Decimal(derived.budget).div(perPrice).mul(direction(work.plan.side)));
}
