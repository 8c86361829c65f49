import { Decimal, isDecimalString } from '../decimal';
import type { Effect } from './effects';
import { adjustTrade } from './adjust';
import { onPrice } from './price-path';
import { isQuiet, placeBounds } from './quiet-band';
import { closeTrade } from './tranches';
import { confirmFill, skipByTrader } from './trader-events';
import type { EngineEvent, EngineState, StepResult } from './types';
import { copyState } from './types';
import type { Working } from './working';
import { workOn } from './working';

const NO_EFFECTS: readonly Effect[] = Object.freeze([]);

/**
 * The engine: a pure, deterministic reducer `step(state, event) -> { state, effects }`.
 * Replaying the same events gives the same effects, byte for byte; a quiet tick returns the
 * same state object; a duplicate or out-of-order tick (at or before the last one that could
 * act) never produces anything.
 */
export function step(state: EngineState, event: EngineEvent): StepResult {
  if (event.type === 'tick') return onTick(state, event);
  if (event.type === 'adjust') {
    const adjusted = adjustTrade(state, event);
    return adjusted.isChanged ? finish(adjusted.work) : { state, effects: adjusted.work.effects };
  }
  const work = workOn(copyState(state));
  switch (event.type) {
    case 'fill':
      confirmFill(work, event);
      break;
    case 'skip':
      skipByTrader(work, event.tranche, event.time);
      break;
    case 'cancel':
      if (work.state.phase !== 'closed') closeTrade(work, event.time);
      break;
    case 'stale':
      if (work.state.phase !== 'closed' && !work.state.isStale) {
        work.state.isStale = true;
        work.effects.push({
          type: 'alert',
          kind: 'stale',
          tranche: 'price',
          price: state.lastPrice,
          qty: null,
          time: event.time,
          since: state.lastTime ?? event.time,
        });
      }
      break;
  }
  return finish(work);
}

function onTick(state: EngineState, event: Extract<EngineEvent, { type: 'tick' }>): StepResult {
  const priceNumber = Number(event.price);
  const isDuplicate =
    state.lastTime !== null &&
    (event.time < state.lastTime || (event.time === state.lastTime && event.price === state.lastPrice));
  if (isDuplicate || state.phase === 'closed' || !isDecimalString(event.price) || !(priceNumber > 0)) {
    return { state, effects: NO_EFFECTS };
  }
  if (isQuiet(state, priceNumber)) return { state, effects: NO_EFFECTS };
  const work = workOn(copyState(state), event.heat ?? null);
  work.state.isStale = false;
  onPrice(work, new Decimal(event.price), event.time, event.gap === true, event.atr ?? null);
  return finish(work);
}

function finish(work: Working): StepResult {
  placeBounds(work);
  return { state: work.state, effects: work.effects.length === 0 ? NO_EFFECTS : work.effects };
}
