import { Decimal, toCanonical } from '../decimal';
import type { AdjustmentOf } from '../plan/adjustment';
import { isBetter } from '../plan/side';
import { roundStop } from '../sizing/round';
import { lastPriceOf, liquidationRefusal } from './adjust-guard';
import type { Refusal, StopMovedBack } from './effects';
import { averageEntry, isStopReached } from './position';
import type { Working } from './working';

/**
 * `stop` (plan format, "Adjusting a live trade"): every open lot's stop, or one lot's
 * (1 = the oldest open lot), moves to a price or to breakeven (the average entry of the
 * open lots), rounded toward safety. A stop at or past the last price is refused (that is
 * an exit: `exitNow`), as is one beyond the liquidation estimate; a lot whose stop would
 * move against the trade (farther from the price) needs an override, judged lot by lot.
 */
export function moveStop(work: Working, adjustment: AdjustmentOf<'stop'>): Refusal[] {
  const { state, plan } = work;
  const { side } = plan;
  const count = state.lots.length;
  if (adjustment.lot !== undefined && adjustment.lot > count) {
    return [{ code: 'no-such', what: 'lot', index: adjustment.lot, count }];
  }
  const wanted = adjustment.price === undefined ? averageEntry(state.lots) : new Decimal(adjustment.price);
  if (wanted === null) return [{ code: 'no-position' }];
  const stop = roundStop(wanted, work.tick, side);
  const last = lastPriceOf(work);
  if (!isBetter(side, last, stop)) {
    return [{ code: 'stop-past-price', stop: toCanonical(stop), lastPrice: toCanonical(last) }];
  }
  const movedBack: StopMovedBack[] = [];
  state.lots = state.lots.map((lot, place) => {
    if (adjustment.lot !== undefined && place !== adjustment.lot - 1) return lot;
    if (isBetter(side, new Decimal(lot.stop), stop)) {
      movedBack.push({ lot: place + 1, from: lot.stop, to: toCanonical(stop) });
    }
    return { ...lot, stop: toCanonical(stop) };
  });
  const liquidation = liquidationRefusal(work, state.lots);
  if (liquidation !== null) return [liquidation];
  // A stop reached and waiting for the trader is no longer reached once moved away from the price.
  if (state.stopTrigger !== null && !state.lots.some((lot) => isStopReached(lot, last, side))) {
    state.stopTrigger = null;
  }
  return movedBack.length > 0 ? [{ code: 'stop-against-trade', moves: movedBack, lots: count }] : [];
}
