import { Decimal, toCanonical } from '../decimal';
import { measureOf } from '../plan/schema';
import { stopFrom } from '../sizing/measure';
import { positionOf } from './position';
import { applyStopRules, lotsAfterRules } from './stop-rules';
import { trancheOf } from './tranches';
import type { Lot } from './types';
import type { Working } from './working';
import { atrOf } from './working';

/**
 * A fill of the entry or an add opens a lot with its own stop (plan format, "Lots and
 * stops"): the plan's stop from its fill when the stop is relative, the previous lot's
 * current stop when it is a price. A manual add (`addNow`) opens one the same way.
 */
function newLot(work: Working, lotId: string, price: Decimal, qty: Decimal, time: number): Lot {
  const previous = work.state.lots.at(-1);
  const isPriceStop = measureOf(work.plan.stop).kind === 'price';
  const stop = isPriceStop && previous ? new Decimal(previous.stop) : stopFrom(work.plan, price, atrOf(work));
  return { tranche: lotId, fill: toCanonical(price), qty: toCanonical(qty), stop: toCanonical(stop), time };
}

/** The lot opens and the peak position follows. */
function addLot(work: Working, lotId: string, price: Decimal, qty: Decimal, time: number): void {
  const { state } = work;
  state.lots.push(newLot(work, lotId, price, qty, time));
  const position = positionOf(state.lots);
  if (position.gt(state.peak)) state.peak = toCanonical(position);
}

/** The lot of a filled tranche (the entry or an add): it opens and its tranche is filled. */
export function openLot(work: Working, id: string, price: Decimal, qty: Decimal, time: number): void {
  addLot(work, id, price, qty, time);
  const tranche = trancheOf(work, id);
  tranche.status = 'filled';
  tranche.price = toCanonical(price);
  tranche.qty = toCanonical(qty);
  tranche.time = time;
}

/** An add's lot and the `add` rules it triggers, in plan order (the last entry or add fill is now this one). */
export function openAddedLot(work: Working, id: string, price: Decimal, qty: Decimal, time: number): void {
  openLot(work, id, price, qty, time);
  work.state.lastEntryFill = toCanonical(price);
  applyStopRules(work, 'add', trancheOf(work, id).index, id);
}

/**
 * A manual add's lot (`addNow`): its stop as for a planned add, then the `add` rules that
 * name no add (a rule with an `index` belongs to that planned add). It is the last entry or
 * add fill for the trail and the raises; the planned adds stay measured as they were.
 */
export function openManualLot(work: Working, price: Decimal, qty: Decimal, time: number): void {
  const lotId = manualLotId(work);
  addLot(work, lotId, price, qty, time);
  work.state.lastEntryFill = toCanonical(price);
  applyStopRules(work, 'add', MANUAL_RULE_INDEX, lotId);
}

/** No planned add has the index 0: only the `add` rules without an index run for a manual add. */
const MANUAL_RULE_INDEX = 0;

/** A manual lot's name, unique in the trade: the fill it is, counted from the entry. */
function manualLotId(work: Working): string {
  return `manual-${work.state.fills + 1}`;
}

/**
 * The open lots as an add of `qty` at `price` would leave them, its rules applied; the
 * state is not changed. `id` names the planned add, or null for a manual one.
 */
export function lotsAfterAdd(
  work: Working,
  id: string | null,
  price: Decimal,
  qty: Decimal,
  time: number,
): Lot[] {
  const lotId = id ?? manualLotId(work);
  const lots = [...work.state.lots, newLot(work, lotId, price, qty, time)];
  const index = id === null ? MANUAL_RULE_INDEX : trancheOf(work, id).index;
  return lotsAfterRules(work, lots, 'add', index, lotId, price);
}
