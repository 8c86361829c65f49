import { Decimal, toCanonical } from '../decimal';
import { measureOf } from '../plan/schema';
import { stopFrom } from '../sizing/measure';
import { positionOf } from './position';
import { applyStopRules } from './stop-rules';
import { trancheOf } from './tranches';
import type { Working } from './working';
import { atrOf } from './working';

/**
 * A fill of the entry or an add opens a lot with its own stop (plan format, "Lots and
 * stops"): the plan's stop from its fill when the stop is relative, the previous lot's
 * current stop when it is a price. The peak position follows.
 */
export function openLot(work: Working, id: string, price: Decimal, qty: Decimal, time: number): void {
  const { state, plan } = work;
  const previous = state.lots.at(-1);
  const isPriceStop = measureOf(plan.stop).kind === 'price';
  const stop = isPriceStop && previous ? new Decimal(previous.stop) : stopFrom(plan, price, atrOf(work));
  state.lots.push({
    tranche: id,
    fill: toCanonical(price),
    qty: toCanonical(qty),
    stop: toCanonical(stop),
    time,
  });
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
