import { Decimal } from '../decimal';
import { approachDistance, approachKey, approachLevels } from './approach';
import { pendingLevels } from './levels';
import type { EngineState } from './types';
import type { Working } from './working';

/**
 * The quiet band: the hot path of every tick. After each event the engine stores two float
 * bounds placed a hair inside the nearest levels, approach zones and trail prices; a price
 * strictly between them crosses nothing, so a tick at it changes nothing and costs two
 * comparisons. Everything else is decided with decimals (docs/decisions.md "Quiet band").
 */

/** Whether a price crosses nothing. NaN bounds (a new or edited state) are never quiet. */
export function isQuiet(state: EngineState, price: number): boolean {
  return price > state.downBound && price < state.upBound;
}

/**
 * The index of the first price in `prices[from, to)` that leaves the quiet band (`to` when
 * none does). The bounds are held in locals, so each quiet price costs a load and two
 * comparisons; the caller steps the price found and goes on.
 */
export function nextActive(state: EngineState, prices: Float64Array, from: number, to: number): number {
  const down = state.downBound;
  const up = state.upBound;
  for (let index = from; index < to; index += 1) {
    const price = prices[index] as number;
    if (!(price > down && price < up)) return index;
  }
  return to;
}

/** A relative margin that keeps float bounds strictly inside their decimal levels. */
const FLOAT_MARGIN = 1e-12;

/** Recompute the bounds after every change, so the next tick knows at once whether it can act. */
export function placeBounds(work: Working): void {
  const { state } = work;
  state.upBound = Number.NaN;
  state.downBound = Number.NaN;
  if (state.phase === 'closed') {
    state.upBound = Number.POSITIVE_INFINITY;
    state.downBound = Number.NEGATIVE_INFINITY;
    return;
  }
  if (state.lastPrice === null || state.isStale) return;
  const price = new Decimal(state.lastPrice);
  let up = Number.POSITIVE_INFINITY;
  let down = Number.NEGATIVE_INFINITY;
  const addUp = (level: Decimal) => {
    up = Math.min(up, level.toNumber() * (1 - FLOAT_MARGIN));
  };
  const addDown = (level: Decimal) => {
    down = Math.max(down, level.toNumber() * (1 + FLOAT_MARGIN));
  };
  for (const trigger of pendingLevels(work)) (trigger.way === 'up' ? addUp : addDown)(trigger.level);
  for (const watched of approachLevels(work)) {
    const zone = approachDistance(work, watched.level);
    const isAlerted = state.approached.includes(approachKey(watched));
    if (watched.level.gt(price)) {
      if (isAlerted) addDown(watched.level.minus(zone.mul(2)));
      else addUp(watched.level.minus(zone));
    } else if (isAlerted) {
      addUp(watched.level.plus(zone.mul(2)));
    } else {
      addDown(watched.level.plus(zone));
    }
  }
  if (state.phase === 'active' && state.derived !== null) {
    const addFavourable = state.plan.side === 'long' ? addUp : addDown;
    state.plan.stopRules.forEach((rule, index) => {
      if (rule.on !== 'tick') return;
      const ruleState = state.tickRules[index];
      const watch = ruleState?.active ? ruleState.best : (state.derived?.activations[index] ?? null);
      if (watch !== null && watch !== undefined) addFavourable(new Decimal(watch));
    });
  }
  state.upBound = up;
  state.downBound = down;
}
