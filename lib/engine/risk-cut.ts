import { Decimal } from '../decimal';
import { lotsAfterAdd } from './open-lot';
import { openRisk } from './position';
import type { Working } from './working';

/**
 * The plan's open-risk cap in money (plan format, "Open risk"): `maxOpenRiskPercent` of the
 * equity, or of the risk budget when the plan gives only `riskAmount`; null without a cap.
 */
export function maxOpenRiskCap(work: Working): Decimal | null {
  const { maxOpenRiskPercent } = work.plan.limits;
  const derived = work.state.derived;
  if (maxOpenRiskPercent === undefined || derived === null) return null;
  return new Decimal(work.plan.account.equity ?? derived.budget).mul(maxOpenRiskPercent).div(100);
}

/**
 * The open-risk cut (plan format, "Open risk"): `maxOpenRiskPercent` holds after every add,
 * counting the stop moves the add triggers, so an add is cut to the largest lot-step
 * multiple that fits. Open risk grows with the added quantity, so the largest count of lot
 * steps that fits is searched between one that fits and one that does not.
 *
 * Counts are decimal integers, never floats: with a tick of 1e-8 and a budget of 1000 an add
 * can be 10^17 lot steps, past the 2^53 where floats stop counting; the input limits keep
 * every count under 10^34, where decimals are exact. The search alternates a guess
 * interpolated on the risks found so far (exact when the risk grows in a straight line, as
 * it does unless `breakeven` or `budget` rules move the stops with the quantity; its
 * neighbour is tried at once to settle it) with halving the range: every turn narrows the
 * range and every second one halves it, so a search takes at most about 2 × 113 turns.
 */
export function largestAddWithin(
  work: Working,
  id: string,
  price: Decimal,
  planned: Decimal,
  cap: Decimal,
  time: number,
): Decimal {
  const { side, instrument } = work.plan;
  const riskOf = (steps: Decimal): Decimal =>
    openRisk(lotsAfterAdd(work, id, price, work.lotStep.mul(steps), time), side, instrument.pointValue);
  let high = planned.div(work.lotStep).floor();
  let highRisk = riskOf(high);
  if (highRisk.lte(cap)) return planned;
  let low = new Decimal(0);
  let lowRisk = riskOf(low);
  if (lowRisk.gt(cap)) return low;
  for (let isInterpolating = true; high.minus(low).gt(1); isInterpolating = !isInterpolating) {
    const guess = isInterpolating
      ? interpolated(low, lowRisk, high, highRisk, cap)
      : low.plus(high.minus(low).div(2).floor());
    const risk = riskOf(guess);
    const fits = risk.lte(cap);
    if (fits) [low, lowRisk] = [guess, risk];
    else [high, highRisk] = [guess, risk];
    const neighbour = fits ? guess.plus(1) : guess.minus(1);
    if (!isInterpolating || !neighbour.gt(low) || !neighbour.lt(high)) continue;
    const neighbourRisk = riskOf(neighbour);
    if (neighbourRisk.lte(cap)) [low, lowRisk] = [neighbour, neighbourRisk];
    else [high, highRisk] = [neighbour, neighbourRisk];
  }
  return work.lotStep.mul(low);
}

/** Where the cap falls between the two risks, as a count strictly between `low` and `high`. */
function interpolated(
  low: Decimal,
  lowRisk: Decimal,
  high: Decimal,
  highRisk: Decimal,
  cap: Decimal,
): Decimal {
  const share = cap.minus(lowRisk).div(highRisk.minus(lowRisk));
  const guess = low.plus(high.minus(low).mul(share).floor());
  return Decimal.min(Decimal.max(guess, low.plus(1)), high.minus(1));
}
