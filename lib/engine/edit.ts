import type { Plan } from '../plan/schema';
import { createEngine } from './create';
import { derive } from './derive';
import { placeNextAdd } from './levels';
import { isOpen } from './tranches';
import type { EngineState } from './types';
import { copyState } from './types';
import { workOn } from './working';

/**
 * A new plan for a running trade (docs/decisions.md "Edit while active"). Armed: start
 * again from the new plan. Active: the lots, fills and the trade's fixed values (R, entry
 * quantity, ATR) stay; the remaining ladder and the rules come from the new plan.
 */
export function editPlan(state: EngineState, plan: Plan): EngineState {
  if (state.phase === 'armed') {
    const fresh = createEngine(plan, state.options);
    return {
      ...fresh,
      entryDirection: state.entryDirection,
      lastPrice: state.lastPrice,
      lastTime: state.lastTime,
    };
  }
  if (state.phase === 'closed' || state.derived === null) return state;
  const next = createEngine(plan, state.options);
  const redrawn = derive(plan, state.derived.atr);
  const derived = { ...state.derived, targets: redrawn.targets, activations: redrawn.activations };
  const before = new Map(state.tranches.map((tranche) => [tranche.id, tranche]));
  const tranches = next.tranches.map((tranche) => {
    const old = before.get(tranche.id);
    if (old !== undefined && !isOpen(old)) return { ...old };
    const level = tranche.kind === 'target' ? (derived.targets[tranche.index - 1] ?? null) : tranche.level;
    return { ...tranche, level };
  });
  const edited: EngineState = {
    ...copyState(state),
    plan,
    derived,
    tranches,
    tickRules: plan.stopRules.map((_, index) => state.tickRules[index] ?? { active: false, best: null }),
    approached: [],
  };
  placeNextAdd(workOn(edited));
  return edited;
}
