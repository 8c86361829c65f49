import { Decimal } from '../decimal';
import type { Plan } from '../plan/schema';
import type { AccountHeat } from './account-heat';
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
  /** The live plan, `state.plan`: an adjustment of the ladder replaces both (`replacePlan`). */
  plan: Plan;
  readonly tick: Decimal;
  readonly lotStep: Decimal;
  /** The account's other open risk and its cap, when the event carries them. */
  readonly heat: AccountHeat | null;
}

export function workOn(state: EngineState, heat: AccountHeat | null = null): Working {
  return {
    state,
    effects: [],
    plan: state.plan,
    tick: new Decimal(state.plan.instrument.tickSize),
    lotStep: new Decimal(state.plan.instrument.lotStep),
    heat,
  };
}

/** The live plan after an adjustment: a new object, never the old one changed in place. */
export function replacePlan(work: Working, plan: Plan): void {
  work.state.plan = plan;
  work.plan = plan;
}

/** The trade's ATR once known (a fixed value, or the candles' before the entry). */
export function atrOf(work: Working): Decimal | null {
  const atr = work.state.derived?.atr ?? null;
  return atr === null ? null : new Decimal(atr);
}
