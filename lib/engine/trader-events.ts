import { Decimal, isDecimalString, toCanonical } from '../decimal';
import type { Rejection } from './effects';
import { fillAdd, fillEntry, fillStop, fillTarget } from './fills';
import { placeNextAdd } from './levels';
import { positionOf } from './position';
import { closeTrade, findTranche, isOpen } from './tranches';
import type { EngineEvent } from './types';
import type { Working } from './working';

/**
 * The trader's answers in the extension (confirm mode): `fill {tranche, price?, qty?}`
 * confirms a triggered tranche or a reached stop (defaults: the suggested values), `skip
 * {tranche}` passes on a pending or triggered one. An answer that does not fit is refused
 * with the reason, as data.
 */
export function confirmFill(work: Working, event: Extract<EngineEvent, { type: 'fill' }>): void {
  const { state } = work;
  const reject = (rejection: Rejection): void => {
    work.effects.push({
      type: 'rejected',
      event: 'fill',
      tranche: event.tranche,
      rejection,
      time: event.time,
    });
  };
  const position = positionOf(state.lots);
  const exceeds = (qty: Decimal): Rejection => ({
    code: 'exceeds-position',
    qty: toCanonical(qty),
    position: toCanonical(position),
  });
  if (event.tranche === 'stop') {
    const waiting = state.stopTrigger;
    if (waiting === null) return reject({ code: 'no-stop-waiting' });
    const price = positiveNumber(event.price ?? waiting.price);
    const qty = positiveNumber(event.qty ?? waiting.qty);
    if (price === null || qty === null) return reject({ code: 'not-a-number' });
    if (qty.gt(position)) return reject(exceeds(qty));
    return fillStop(work, price, qty, event.time);
  }
  const tranche = findTranche(work, event.tranche);
  if (tranche === undefined) return reject({ code: 'no-tranche' });
  if (tranche.status !== 'triggered') return reject({ code: 'not-waiting', status: tranche.status });
  const price = positiveNumber(event.price ?? tranche.price ?? '');
  const qty = positiveNumber(event.qty ?? tranche.qty ?? '');
  if (price === null || qty === null) return reject({ code: 'not-a-number' });
  if (!qty.mod(work.lotStep).isZero()) {
    return reject({ code: 'not-lot-multiple', qty: toCanonical(qty), lotStep: toCanonical(work.lotStep) });
  }
  if (tranche.kind === 'target') {
    if (qty.gt(position)) return reject(exceeds(qty));
    fillTarget(work, tranche.id, price, qty, event.time);
  } else if (tranche.kind === 'add') {
    fillAdd(work, tranche.id, price, qty, event.time);
  } else {
    fillEntry(work, price, qty, event.time);
  }
}

function positiveNumber(text: string): Decimal | null {
  if (!isDecimalString(text)) return null;
  const value = new Decimal(text);
  return value.gt(0) ? value : null;
}

/** Skipping the entry closes the plan; a skipped add's level is where the next add is measured from. */
export function skipByTrader(work: Working, id: string, time: number): void {
  const { state } = work;
  const tranche = findTranche(work, id);
  const reject = (rejection: Rejection): void => {
    work.effects.push({ type: 'rejected', event: 'skip', tranche: id, rejection, time });
  };
  if (tranche === undefined) return reject({ code: 'no-tranche' });
  if (!isOpen(tranche)) return reject({ code: 'settled', status: tranche.status });
  if (tranche.kind === 'entry') return closeTrade(work, time);
  const level = tranche.level;
  tranche.status = 'skipped';
  tranche.reason = { code: 'trader' };
  tranche.time = time;
  work.effects.push({ type: 'skip', tranche: id, reason: { code: 'trader' }, time });
  if (tranche.kind === 'add' && level !== null) {
    state.stepFrom = level;
    placeNextAdd(work);
  }
}
