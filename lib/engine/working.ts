import { Decimal } from '../decimal';
import type { Plan } from '../plan/schema';
import type { Effect } from './effects';
import type { EngineState } from './types';

/**
 * One step's working copy (lib/engine/step.ts): `step` copies the state, the rules in this
 * folder change the copy and add their effects, and the step returns both. Nothing here
 * touches I/O; the tick size and lot step are read once per step.
 */
export interface Working {
  readonly state: EngineState;
  readonly effects: Effect[];
  readonly plan: Plan;
  readonly tick: Decimal;
  readonly lotStep: Decimal;
}

export function workOn(state: EngineState): Working {
  return {
    state,
    effects: [],
    plan: state.plan,
    tick: new Decimal(state.plan.instrument.tickSize),
    lotStep: new Decimal(state.plan.instrument.lotStep),
  };
}

/** The trade's ATR once known (a fixed value, or the candles' before the entry). */
export function atrOf(work: Working): Decimal | null {
  const atr = work.state.derived?.atr ?? null;
  return atr === null ? null : new Decimal(atr);
}
