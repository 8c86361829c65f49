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
 * current stop when it is a price.
 */
function newLot(work: Working, id: string, price: Decimal, qty: Decimal, time: number): Lot {
  const previous = work.state.lots.at(-1);
  const isPriceStop = measureOf(work.plan.stop).kind === 'price';
  const stop = isPriceStop && previous ? new Decimal(previous.stop) : stopFrom(work.plan, price, atrOf(work));
  return { tranche: id, fill: toCanonical(price), qty: toCanonical(qty), stop: toCanonical(stop), time };
}

/** The lot opens, its tranche is filled, and the peak position follows. */
export function openLot(work: Working, id: string, price: Decimal, qty: Decimal, time: number): void {
  const { state } = work;
  state.lots.push(newLot(work, id, price, qty, time));
  const tranche = trancheOf(work, id);
  tranche.status = 'filled';
  tranche.price = toCanonical(price);
  tranche.qty = toCanonical(qty);
  tranche.time = time;
  const position = positionOf(state.lots);
  if (position.gt(state.peak)) state.peak = toCanonical(position);
}

/** An add's lot and the `add` rules it triggers, in plan order (the last entry or add fill is now this one). */
export function openAddedLot(work: Working, id: string, price: Decimal, qty: Decimal, time: number): void {
  openLot(work, id, price, qty, time);
  work.state.lastEntryFill = toCanonical(price);
  applyStopRules(work, 'add', trancheOf(work, id).index, id);
}

/** The open lots as an add of `qty` at `price` would leave them, its rules applied; the state is not changed. */
export function lotsAfterAdd(work: Working, id: string, price: Decimal, qty: Decimal, time: number): Lot[] {
  const lots = [...work.state.lots, newLot(work, id, price, qty, time)];
  return lotsAfterRules(work, lots, 'add', trancheOf(work, id).index, id, price);
}
