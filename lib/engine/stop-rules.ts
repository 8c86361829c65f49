import { Decimal, toCanonical } from '../decimal';
import type { StopRule, StopSet } from '../plan/schema';
import { direction, isBetter } from '../plan/side';
import { distanceOf } from '../sizing/measure';
import { roundStop } from '../sizing/round';
import { averageEntry, positionOf } from './position';
import type { Lot } from './types';
import type { Working } from './working';
import { atrOf } from './working';

/**
 * The stop rules (plan format, "Lots and stops"). `raise` moves the stops of every lot
 * except the one just added (on `target`: every lot) by a distance; `set` offers every lot
 * one stop: `trail`, `breakeven`, `previousTarget` or `budget`. A stop only ever moves in
 * the trade's favour, and rounds toward safety.
 */

/** Offer a lot a stop, rounded toward safety: kept only if it is better than the lot's own. */
export function offerStop(work: Working, lot: Lot, candidate: Decimal): void {
  const rounded = roundStop(candidate, work.tick, work.plan.side);
  if (isBetter(work.plan.side, rounded, new Decimal(lot.stop))) lot.stop = toCanonical(rounded);
}

/** The `add` or `target` rules that apply after the `index`-th one filled, in plan order. */
export function applyStopRules(
  work: Working,
  on: 'add' | 'target',
  index: number,
  justAdded: string | null,
): void {
  for (const rule of work.plan.stopRules) {
    if (rule.on === on && (rule.index === undefined || rule.index === index)) {
      applyRule(work, rule, on, index, justAdded);
    }
  }
}

function applyRule(
  work: Working,
  rule: StopRule,
  on: 'add' | 'target',
  index: number,
  justAdded: string | null,
): void {
  const reference = new Decimal(work.state.lastEntryFill ?? '0');
  if (rule.raise) {
    const distance = distanceOf(rule.raise, reference, atrOf(work)).mul(direction(work.plan.side));
    for (const lot of work.state.lots) {
      if (on === 'add' && lot.tranche === justAdded) continue;
      offerStop(work, lot, new Decimal(lot.stop).plus(distance));
    }
    return;
  }
  if (rule.set === undefined) return;
  const stop = stopForSet(work, rule.set, on, index, reference);
  if (stop !== null) for (const lot of work.state.lots) offerStop(work, lot, stop);
}

/**
 * The one stop a `set` offers every lot, or null when it has none to offer: `trail` from
 * `trailFrom` (the last entry or add fill; on `tick`, the best price since activation),
 * `breakeven` (the average entry), `previousTarget` (the target before this one, breakeven
 * after the first), `budget`.
 */
export function stopForSet(
  work: Working,
  set: StopSet,
  on: 'add' | 'target' | 'tick',
  index: number,
  trailFrom: Decimal,
): Decimal | null {
  if (typeof set === 'object') {
    return trailFrom.minus(distanceOf(set.trail, trailFrom, atrOf(work)).mul(direction(work.plan.side)));
  }
  if (set === 'breakeven') return averageEntry(work.state.lots);
  if (set === 'previousTarget') {
    if (on !== 'target') return null;
    if (index <= 1) return averageEntry(work.state.lots);
    const previous = work.state.derived?.targets[index - 2];
    return previous === undefined ? null : new Decimal(previous);
  }
  return budgetStop(work);
}

/**
 * The one stop at which open risk, every lot at it, equals the risk budget:
 * Σ (fill − S) × qty × pv = budget  ⇒  S = average − budget / (pv × position) for a long.
 */
function budgetStop(work: Working): Decimal | null {
  const { lots, derived } = work.state;
  const average = averageEntry(lots);
  if (average === null || derived === null) return null;
  const perPrice = new Decimal(work.plan.instrument.pointValue).mul(positionOf(lots));
  return average.minus(new Decimal(derived.budget).div(perPrice).mul(direction(work.plan.side)));
}
