import { Decimal, isDecimalString } from '../decimal';
import type { Adjustment } from '../plan/adjustment';
import { verdict } from './adjust-guard';
import { changeAdd, changeTarget } from './adjust-ladder';
import { moveStop } from './adjust-stop';
import type { Refusal } from './effects';
import { positionRecord } from './fills';
import { changeKeyLevel } from './key-levels';
import { addNow, exitNow } from './manual-fills';
import { onPrice } from './price-path';
import type { EngineEvent, EngineState } from './types';
import { copyState } from './types';
import type { Working } from './working';
import { workOn } from './working';

type AdjustEvent = Extract<EngineEvent, { type: 'adjust' }>;

/**
 * An adjustment of the live trade (plan format, "Adjusting a live trade"). The path first
 * moves to the last price the event gives, as a tick would; then the adjustment is tried
 * on a copy, the guard judges it, and either the copy is the new state (an `adjusted`
 * effect, after the fill it caused) or nothing changes but a `refused` effect with the
 * reasons as data. The same step answers the trader's preview, on a copy. `isChanged` is
 * false when the state is as it was (a refusal at the price the engine last saw).
 */
export function adjustTrade(state: EngineState, event: AdjustEvent): { work: Working; isChanged: boolean } {
  const heat = event.heat ?? null;
  const work = workOn(copyState(state), heat);
  const hasMoved = moveToLastPrice(work, event);
  const trial = workOn(copyState(work.state), heat);
  const judged = verdict(applyAdjustment(trial, event.adjustment, event.time), event.adjustment.override);
  if (!judged.isApplied) {
    work.effects.push({
      type: 'refused',
      adjustment: event.adjustment,
      refusals: judged.refusals,
      time: event.time,
    });
    return { work, isChanged: hasMoved };
  }
  trial.state.revision += 1;
  trial.effects.unshift(...work.effects);
  trial.effects.push({
    type: 'adjusted',
    adjustment: event.adjustment,
    overridden: judged.overridden,
    revision: trial.state.revision,
    time: event.time,
    ...positionRecord(trial),
  });
  return { work: trial, isChanged: true };
}

/**
 * The market's price now, when the event brings one the engine has not seen: the path goes
 * there first (true), as a tick would.
 */
function moveToLastPrice(work: Working, event: AdjustEvent): boolean {
  const { state } = work;
  const price = event.lastPrice;
  if (price === undefined || !isDecimalString(price) || !new Decimal(price).gt(0)) return false;
  const isNewer = state.lastTime === null || event.time >= state.lastTime;
  if (state.phase === 'closed' || !isNewer || price === state.lastPrice) return false;
  state.isStale = false;
  onPrice(work, new Decimal(price), event.time, false, null);
  return true;
}

/** Every action on a closed plan is refused; before the entry fills only key levels change. */
function applyAdjustment(work: Working, adjustment: Adjustment, time: number): Refusal[] {
  const { phase } = work.state;
  if (phase === 'closed') return [{ code: 'closed' }];
  if (adjustment.action === 'level') return changeKeyLevel(work, adjustment);
  if (phase === 'armed') return [{ code: 'no-position' }];
  switch (adjustment.action) {
    case 'stop':
      return moveStop(work, adjustment);
    case 'target':
      return changeTarget(work, adjustment);
    case 'add':
      return changeAdd(work, adjustment, time);
    case 'addNow':
      return addNow(work, adjustment, time);
    case 'exitNow':
      return exitNow(work, adjustment, time);
  }
}
