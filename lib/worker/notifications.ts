import type { AlertEffect } from '../engine/effects';
import { step } from '../engine/step';
import type { EngineState } from '../engine/types';
import { notificationWords } from '../words/notification-words';
import { notificationId } from './notification-id';
import type { NotificationSpec } from './ports';

/** Kinds that wait for the trader: the notification carries Confirm fill / Skip. */
const CONFIRMABLE = new Set(['trigger', 'target', 'stop']);

/**
 * The notification for one alert (its words from lib/words). `state` is the engine state
 * right after the alert: a tranche still waiting gets the Confirm fill and Skip buttons and
 * the stop it would leave.
 */
export function notificationFor(
  planId: string,
  number: { readonly epoch: string; readonly seq: number },
  alert: AlertEffect,
  state: EngineState,
): NotificationSpec {
  const isConfirmable = CONFIRMABLE.has(alert.kind) && isWaiting(state, alert.tranche);
  const waiting = isConfirmable ? { stopAfter: stopAfterFill(state, alert.tranche, alert.time) } : null;
  return {
    id: notificationId(planId, number.epoch, number.seq, alert.tranche),
    planId,
    tranche: alert.tranche,
    kind: alert.kind,
    ...notificationWords(state.plan, alert, waiting),
    isConfirmable,
  };
}

function isWaiting(state: EngineState, tranche: string): boolean {
  if (tranche === 'stop') return state.stopTrigger !== null;
  return state.tranches.some((candidate) => candidate.id === tranche && candidate.status === 'triggered');
}

/** The nearest stop once the tranche fills at its suggested price: a preview through the engine itself. */
export function stopAfterFill(state: EngineState, tranche: string, time: number): string | null {
  const preview = step(state, { type: 'fill', tranche, time });
  for (const effect of preview.effects) if (effect.type === 'fill') return effect.stop;
  return null;
}
