import type { Effect } from './effects';
import { step } from './step';
import type { EngineEvent, EngineState } from './types';

/**
 * A journal of events replayed through the engine from a state: the state they lead to and
 * every effect on the way. Replay is the engine itself, event by event, so the same events
 * give the same state and effects, byte for byte; the background recomputes a trade this
 * way when the trader corrects a confirmed fill.
 */
export function replayEvents(
  base: EngineState,
  events: readonly EngineEvent[],
): { readonly state: EngineState; readonly effects: readonly Effect[] } {
  let state = base;
  const effects: Effect[] = [];
  for (const event of events) {
    const result = step(state, event);
    state = result.state;
    effects.push(...result.effects);
  }
  return { state, effects };
}
