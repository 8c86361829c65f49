import type { Effect } from '../engine/effects';
import type { Plan } from '../plan/schema';
import { effectWords } from '../words/effect-words';

/**
 * The effects as the journal keeps them: the engine's data, and the sentence the trader was
 * told (`text`) for the popup's recent alerts and the CSV export.
 */
export function journalEffects(plan: Plan, effects: readonly Effect[]): Record<string, unknown>[] {
  return effects.map((effect) => {
    const text = effectWords(plan, effect);
    return text === null ? { ...effect } : { ...effect, text };
  });
}
