import { Decimal, toCanonical } from '../decimal';
import { isBetter } from '../plan/side';
import { roundStop } from '../sizing/round';
import type { StopMove } from './stop-rules';
import { lotsAfterMoves, stopForSet } from './stop-rules';
import type { Working } from './working';

/**
 * The tick trail (plan format, "The tick trail"): a `tick` rule activates once the path
 * reaches its `activateAt` level (measured from the planned entry) while a position is
 * open, and from then on offers every lot the stop its `set` gives from the best price the
 * path has reached since. The price path (lib/engine/price-path.ts) calls this at each
 * price it visits, in order, and a fill at its own price: never with a price the path has
 * not reached yet, so a fill line never shows a stop from the future.
 */
export function applyTickTrail(work: Working, price: Decimal): void {
  const { state, plan } = work;
  if (state.phase !== 'active' || state.lots.length === 0 || state.derived === null) return;
  const offers: StopMove[] = [];
  plan.stopRules.forEach((rule, index) => {
    const ruleState = state.tickRules[index];
    if (rule.on !== 'tick' || rule.set === undefined || ruleState === undefined) return;
    if (!ruleState.active) {
      const activation = state.derived?.activations[index] ?? null;
      if (activation !== null && isBetter(plan.side, new Decimal(activation), price)) return;
      ruleState.active = true;
      ruleState.best = toCanonical(price);
    } else if (ruleState.best === null || isBetter(plan.side, price, new Decimal(ruleState.best))) {
      ruleState.best = toCanonical(price);
    }
    const stop = stopForSet(work, state.lots, rule.set, 'tick', 0, new Decimal(ruleState.best ?? price));
    if (stop !== null) offers.push({ kind: 'offer', stop: roundStop(stop, work.tick, plan.side) });
  });
  if (offers.length > 0) state.lots = lotsAfterMoves(work, state.lots, offers, null);
}
