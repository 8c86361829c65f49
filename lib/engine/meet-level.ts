import { Decimal, toCanonical } from '../decimal';
import { highestSafeLeverage, isStopInsideLiquidation, liquidationPrice } from '../sizing/liquidation';
import { derive } from './derive';
import { fillAdd, fillEntry, fillStop, fillTarget } from './fills';
import type { Trigger } from './levels';
import { isStopReached, positionOf } from './position';
import { trancheQty } from './tranche-size';
import { closeTrade, skipTranche, trancheOf } from './tranches';
import type { Working } from './working';

/**
 * The path met a level at `price`. In `auto` mode (the simulator) it fills now; in
 * `confirm` mode (the extension) it waits for the trader with the suggested price and
 * quantity. Returns false when the path must stop at this price: the entry needs an ATR
 * from candles that are not there yet.
 */
export function meetLevel(
  work: Working,
  trigger: Trigger,
  price: Decimal,
  time: number,
  atr: string | null,
): boolean {
  const isAuto = work.state.options.mode === 'auto';
  switch (trigger.kind) {
    case 'entry':
      if (work.state.derived === null) {
        if (atr === null) {
          const period = work.plan.volatility?.atrPeriod ?? 0;
          work.effects.push({
            type: 'error',
            code: 'atr-unavailable',
            price: toCanonical(price),
            period,
            time,
          });
          return false;
        }
        fixTradeValues(work, atr);
        if (!isEntryStopInsideLiquidation(work, time)) return true;
      }
      if (isAuto) fillEntry(work, price, null, time);
      else suggest(work, 'entry', price, time);
      return true;
    case 'add':
      if (isAuto) fillAdd(work, trigger.tranche, price, null, time);
      else suggest(work, trigger.tranche, price, time);
      return true;
    case 'target':
      if (isAuto) fillTarget(work, trigger.tranche, price, null, time);
      else suggest(work, trigger.tranche, price, time);
      return true;
    case 'stop':
      if (isAuto) fillStop(work, price, null, time);
      else suggestStop(work, price, time);
      return true;
  }
}

/** With `atrPeriod` the trade's values, and the target levels, become known at the entry. */
function fixTradeValues(work: Working, atr: string): void {
  const derived = derive(work.plan, atr);
  work.state.derived = derived;
  for (const tranche of work.state.tranches) {
    if (tranche.kind === 'target') tranche.level = derived.targets[tranche.index - 1] ?? null;
  }
}

/** With a candle ATR the stop is only known at the entry: a stop past the liquidation estimate skips the trade. */
function isEntryStopInsideLiquidation(work: Working, time: number): boolean {
  const { leverage, maintenanceMarginRate } = work.plan.limits;
  const derived = work.state.derived;
  if (leverage === undefined || derived === null) return true;
  const mmr = new Decimal(maintenanceMarginRate ?? '0');
  const entry = new Decimal(derived.entryPrice);
  const stop = new Decimal(derived.initialStop);
  const liquidation = liquidationPrice(work.plan.side, entry, new Decimal(leverage), mmr);
  if (isStopInsideLiquidation(work.plan.side, stop, liquidation)) return true;
  skipTranche(
    work,
    'entry',
    {
      code: 'liquidation',
      stop: derived.initialStop,
      liquidation: toCanonical(liquidation),
      leverage,
      safeLeverage: highestSafeLeverage(work.plan.side, entry, stop, mmr),
    },
    time,
  );
  closeTrade(work, time);
  return false;
}

/** Confirm mode: the tranche waits for the trader, with the price and quantity it would fill at now. */
function suggest(work: Working, id: string, price: Decimal, time: number): void {
  const tranche = trancheOf(work, id);
  const qty = trancheQty(work, tranche, price, time);
  if (qty === null) return;
  tranche.status = 'triggered';
  tranche.price = toCanonical(price);
  tranche.qty = toCanonical(qty);
  tranche.time = time;
  work.effects.push({
    type: 'alert',
    kind: tranche.kind === 'target' ? 'target' : 'trigger',
    tranche: id,
    price: toCanonical(price),
    qty: toCanonical(qty),
    time,
  });
}

/** Confirm mode: a stop that is reached waits too (the trader's stop order may have filled at another price). */
function suggestStop(work: Working, price: Decimal, time: number): void {
  const { state, plan } = work;
  const qty = positionOf(state.lots.filter((lot) => isStopReached(lot, price, plan.side)));
  state.stopTrigger = { price: toCanonical(price), qty: toCanonical(qty), time };
  work.effects.push({
    type: 'alert',
    kind: 'stop',
    tranche: 'stop',
    price: toCanonical(price),
    qty: toCanonical(qty),
    time,
  });
}
