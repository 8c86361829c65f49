import type { Decimal } from '../decimal';
import { toCanonical } from '../decimal';
import { orderSide } from '../plan/tranche-id';
import type { FillRecord, PositionRecord } from './effects';
import { placeNextAdd } from './levels';
import { openAddedLot, openLot } from './open-lot';
import { averageEntry, closeLots, isStopReached, nearestStop, openRisk, positionOf } from './position';
import { applyStopRules } from './stop-rules';
import { applyTickTrail } from './tick-trail';
import { trancheQty } from './tranche-size';
import { closeTrade, trancheOf } from './tranches';
import type { Working } from './working';

/**
 * Fills (plan format, "Fills and gaps", "Lots"): the simulator's automatic fill of a level
 * the path met, or the trader's confirmation in the extension (`qty` given). After the
 * rules a fill triggers, the tick trail applies again at the fill's own price, so the fill
 * line shows the stops of that moment.
 */

export function fillEntry(work: Working, price: Decimal, qtyGiven: Decimal | null, time: number): void {
  const { state } = work;
  const qty = qtyGiven ?? trancheQty(work, trancheOf(work, 'entry'), price, time);
  if (qty === null || state.derived === null) return;
  openLot(work, 'entry', price, qty, time);
  state.phase = 'active';
  work.effects.push({ type: 'phase', phase: 'active', time });
  state.stepFrom = toCanonical(price);
  state.lastEntryFill = toCanonical(price);
  placeNextAdd(work);
  const risk = openRisk(state.lots, work.plan.side, work.plan.instrument.pointValue);
  if (risk.gt(state.derived.initialRisk)) {
    work.effects.push({
      type: 'alert',
      kind: 'risk',
      tranche: 'entry',
      price: toCanonical(price),
      qty: toCanonical(qty),
      time,
      risk: { cause: 'entry-risk', risk: toCanonical(risk), planned: state.derived.initialRisk },
    });
  }
  applyTickTrail(work, price);
  recordFill(work, 'entry', price, qty, time);
}

export function fillAdd(
  work: Working,
  id: string,
  price: Decimal,
  qtyGiven: Decimal | null,
  time: number,
): void {
  const qty = qtyGiven ?? trancheQty(work, trancheOf(work, id), price, time);
  if (qty === null) return;
  openAddedLot(work, id, price, qty, time);
  applyTickTrail(work, price);
  work.state.stepFrom = toCanonical(price);
  placeNextAdd(work);
  recordFill(work, id, price, qty, time);
}

/** Target exits take lots first-in, first-out; then the `target` rules run. */
export function fillTarget(
  work: Working,
  id: string,
  price: Decimal,
  qtyGiven: Decimal | null,
  time: number,
): void {
  const { state, plan } = work;
  const tranche = trancheOf(work, id);
  const qty = qtyGiven ?? trancheQty(work, tranche, price, time);
  if (qty === null) return;
  const closing = closeLots(state.lots, qty, price, plan.side, plan.instrument.pointValue);
  state.lots = closing.lots;
  state.realizedPnl = toCanonical(closing.realized.plus(state.realizedPnl));
  tranche.status = 'filled';
  tranche.price = toCanonical(price);
  tranche.qty = toCanonical(qty);
  tranche.time = time;
  applyStopRules(work, 'target', tranche.index, null);
  applyTickTrail(work, price);
  recordFill(work, id, price, qty, time);
  if (state.lots.length === 0) closeTrade(work, time);
}

/** A stop closes the lots whose stops it reached: one fill for the lots stopped at the same moment and price. */
export function fillStop(work: Working, price: Decimal, qtyGiven: Decimal | null, time: number): void {
  const { state, plan } = work;
  const isReached = (lot: (typeof state.lots)[number]) => isStopReached(lot, price, plan.side);
  const reached = positionOf(state.lots.filter(isReached));
  const qty = qtyGiven !== null && qtyGiven.lt(reached) ? qtyGiven : reached;
  const closing = closeLots(state.lots, qty, price, plan.side, plan.instrument.pointValue, isReached);
  state.lots = closing.lots;
  state.realizedPnl = toCanonical(closing.realized.plus(state.realizedPnl));
  state.stopTrigger = null;
  recordFill(work, 'stop', price, qty, time);
  if (state.lots.length === 0) closeTrade(work, time);
}

/** The fill line: the position after the fill, its rules and the trail applied; a manual fill names its side. */
export function recordFill(
  work: Working,
  id: string,
  price: Decimal,
  qty: Decimal,
  time: number,
  side: 'buy' | 'sell' = orderSide(work.plan.side, id),
): void {
  work.state.fills += 1;
  const record: FillRecord = {
    ...positionRecord(work),
    tranche: id,
    side,
    price: toCanonical(price),
    qty: toCanonical(qty),
    time,
  };
  work.effects.push({ type: 'fill', ...record });
}

/**
 * The position as an event leaves it (the fill and adjustment lines), and the largest open
 * risk so far, which every event that can raise it counts here.
 */
export function positionRecord(work: Working): PositionRecord {
  const { state, plan } = work;
  const average = averageEntry(state.lots);
  const nearest = nearestStop(state.lots, plan.side);
  const risk = openRisk(state.lots, plan.side, plan.instrument.pointValue);
  if (risk.gt(state.maxOpenRisk)) state.maxOpenRisk = toCanonical(risk);
  return {
    position: toCanonical(positionOf(state.lots)),
    avgPrice: average === null ? null : toCanonical(average),
    stop: nearest === null ? null : toCanonical(nearest),
    stops: state.lots.map((lot) => lot.stop),
    openRisk: toCanonical(risk),
    realizedPnl: state.realizedPnl,
    atr: state.derived?.atr ?? null,
  };
}
