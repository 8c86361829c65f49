import { Decimal } from '../decimal';
import { openAddedLot } from './open-lot';
import { openRisk } from './position';
import { copyState } from './types';
import type { Working } from './working';
import { workOn } from './working';

/**
 * The open-risk cut (plan format, "Open risk"): `maxOpenRiskPercent` holds after every add,
 * counting the stop moves the add triggers, so an add is cut to the largest lot-step
 * multiple that fits. Open risk grows with the added quantity, so a binary search over the
 * number of lot steps finds it; each candidate is tried on a copy of the state.
 *
 * The count is a decimal integer, never a float: with a tick of 1e-8 and a budget of 1000 an
 * add can be 10^17 lot steps, past the 2^53 where floats stop counting. The input limits
 * keep every count under 10^34, where decimals are exact, so each turn halves the range:
 * at most about 110 turns.
 */
export function largestAddWithin(
  work: Working,
  id: string,
  price: Decimal,
  planned: Decimal,
  cap: Decimal,
  time: number,
): Decimal {
  const fits = (qty: Decimal): boolean => {
    const trial = workOn(copyState(work.state));
    openAddedLot(trial, id, price, qty, time);
    return openRisk(trial.state.lots, work.plan.side, work.plan.instrument.pointValue).lte(cap);
  };
  if (fits(planned)) return planned;
  let low = new Decimal(0);
  let high = planned.div(work.lotStep).floor().minus(1);
  while (low.lt(high)) {
    const middle = low.plus(high.minus(low).plus(1).div(2).floor());
    if (fits(work.lotStep.mul(middle))) low = middle;
    else high = middle.minus(1);
  }
  return work.lotStep.mul(low);
}
