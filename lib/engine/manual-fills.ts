import { Decimal, toCanonical } from '../decimal';
import type { AdjustmentOf } from '../plan/adjustment';
import { orderSide } from '../plan/tranche-id';
import { roundQty } from '../sizing/round';
import { tooSmall } from '../sizing/too-small';
import { lastPriceOf, liquidationRefusal, openRiskRefusals } from './adjust-guard';
import type { Refusal } from './effects';
import { recordFill } from './fills';
import { openManualLot } from './open-lot';
import { averageEntry, closeLots, isStopReached, positionOf, unrealizedPnl } from './position';
import { applyTickTrail } from './tick-trail';
import { closeTrade, nextOpen } from './tranches';
import type { Working } from './working';

/**
 * The trader's fills now (plan format, "Adjusting a live trade"): `addNow` and `exitNow`
 * fill at the last price, and their fill line names the tranche `manual`.
 */

/** The fill line's tranche for a fill the trader makes now. */
export const MANUAL = 'manual';

/**
 * `addNow`: a lot at the last price, its stop as for a planned add, then the `add` rules.
 * Refused always beyond `maxQty` or the liquidation estimate, or when the quantity cannot
 * be traded; unless overridden, while the position is at a loss at the last price
 * (averaging down) or when open risk afterwards exceeds the plan's cap or the account heat.
 */
export function addNow(work: Working, adjustment: AdjustmentOf<'addNow'>, time: number): Refusal[] {
  const { state, plan } = work;
  const last = lastPriceOf(work);
  const qty = adjustment.qty === undefined ? defaultAddQty(work) : new Decimal(adjustment.qty);
  const lotRefusal = tradableRefusal(work, qty, last);
  if (lotRefusal !== null) return [lotRefusal];
  const { maxQty } = plan.limits;
  const after = positionOf(state.lots).plus(qty);
  if (maxQty !== undefined && after.gt(maxQty)) {
    return [{ code: 'beyond-max-qty', position: toCanonical(after), maxQty }];
  }
  const refusals: Refusal[] = [];
  const pnl = unrealizedPnl(state.lots, last, plan.side, plan.instrument.pointValue);
  const average = averageEntry(state.lots);
  if (pnl.lt(0) && average !== null) {
    refusals.push({
      code: 'averaging-down',
      lastPrice: toCanonical(last),
      averageEntry: toCanonical(average),
      loss: toCanonical(pnl.neg()),
    });
  }
  openManualLot(work, last, qty, time);
  applyTickTrail(work, last);
  const liquidation = liquidationRefusal(work, state.lots);
  if (liquidation !== null) return [liquidation];
  refusals.push(...openRiskRefusals(work, state.lots));
  recordFill(work, MANUAL, last, qty, time, orderSide(plan.side, 'entry'));
  return refusals;
}

/** `addNow` without a quantity: the next pending add's planned quantity, else the entry quantity. */
function defaultAddQty(work: Working): Decimal {
  const entryQty = new Decimal(work.state.derived?.entryQty ?? '0');
  const next = nextOpen(work, 'add');
  const planned = next === undefined ? undefined : work.plan.scaleIn[next.index - 1];
  return planned === undefined ? entryQty : roundQty(entryQty.mul(planned.size), work.lotStep);
}

/**
 * `exitNow`: a share of the current position (rounded down to the lot step), a quantity,
 * or all of it, at the last price, lots first-in, first-out; no lot left closes the plan.
 */
export function exitNow(work: Working, adjustment: AdjustmentOf<'exitNow'>, time: number): Refusal[] {
  const { state, plan } = work;
  const last = lastPriceOf(work);
  const position = positionOf(state.lots);
  const qty =
    adjustment.all === true
      ? position
      : adjustment.share !== undefined
        ? roundQty(position.mul(adjustment.share), work.lotStep)
        : new Decimal(adjustment.qty ?? '0');
  if (qty.gt(position)) {
    return [{ code: 'exceeds-position', qty: toCanonical(qty), position: toCanonical(position) }];
  }
  // The whole position can always be closed, whatever the exchange's minimums.
  if (!qty.eq(position) || qty.isZero()) {
    const lotRefusal = tradableRefusal(work, qty, last);
    if (lotRefusal !== null) return [lotRefusal];
  }
  const closing = closeLots(state.lots, qty, last, plan.side, plan.instrument.pointValue);
  state.lots = closing.lots;
  state.realizedPnl = toCanonical(closing.realized.plus(state.realizedPnl));
  if (state.stopTrigger !== null) {
    const trigger = state.stopTrigger;
    const reached = positionOf(
      state.lots.filter((lot) => isStopReached(lot, new Decimal(trigger.price), plan.side)),
    );
    state.stopTrigger = reached.isZero() ? null : { ...trigger, qty: toCanonical(reached) };
  }
  recordFill(work, MANUAL, last, qty, time, orderSide(plan.side, 'stop'));
  if (state.lots.length === 0) closeTrade(work, time);
  return [];
}

/** A quantity the exchange can take: a multiple of the lot step, not below the minimums. */
function tradableRefusal(work: Working, qty: Decimal, price: Decimal): Refusal | null {
  if (!qty.mod(work.lotStep).isZero()) {
    return { code: 'not-lot-multiple', qty: toCanonical(qty), lotStep: work.plan.instrument.lotStep };
  }
  const small = tooSmall(work.plan, qty, price);
  return small === null ? null : { code: 'too-small', tooSmall: small };
}
