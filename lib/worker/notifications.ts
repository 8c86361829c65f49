import { step } from '../engine/step';
import type { Effect, EngineState } from '../engine/types';
import { formatAtStep } from '../format';
import { notificationId } from './notification-id';
import type { NotificationSpec } from './ports';

type AlertEffect = Extract<Effect, { type: 'alert' }>;

/** Kinds that wait for the trader: the notification carries Confirm fill / Skip. */
const CONFIRMABLE = new Set(['trigger', 'target', 'stop']);

/** `add 2 of 3`, `target 1 of 2`, `entry`, `stop`. */
export function describeTranche(state: EngineState, tranche: string): string {
  const [kind, index] = tranche.split('-');
  if (index === undefined) return tranche;
  const total = state.tranches.filter((candidate) => candidate.kind === kind).length;
  return `${kind} ${index} of ${total}`;
}

/**
 * A notification a trader reads in a glance: the title names the plan, the tranche and its
 * price (`BTCUSDT long · add 2 of 3 at 61,250.0`); the body the suggested quantity and the
 * stop after the fill. `state` is the engine state right after the alert.
 */
export function notificationFor(
  planId: string,
  number: { readonly epoch: string; readonly seq: number },
  alert: AlertEffect,
  state: EngineState,
): NotificationSpec {
  const { instrument, side } = state.plan;
  const head = `${instrument.symbol} ${side}`;
  const price = alert.price === null ? '' : ` at ${formatAtStep(alert.price, instrument.tickSize)}`;
  const what = alert.tranche === 'price' ? 'price' : describeTranche(state, alert.tranche);
  const isConfirmable = CONFIRMABLE.has(alert.kind) && isWaiting(state, alert.tranche);
  let title = `${head} · ${what}${price}`;
  let message = alert.text.replace(`${head} · `, '');
  if (alert.kind === 'approach') title = `${head} · ${what} approaching${price}`;
  if (alert.kind === 'stale') title = `${head} · price stale`;
  if (alert.kind === 'risk') title = `${head} · risk cap`;
  if (isConfirmable && alert.qty !== null) {
    const isEntering = alert.tranche === 'entry' || alert.tranche.startsWith('add-');
    const verb = isEntering === (side === 'long') ? 'Buy' : 'Sell';
    const stopAfter = stopAfterFill(state, alert.tranche, alert.time);
    message = `${verb} ${formatAtStep(alert.qty, instrument.lotStep)}${
      stopAfter === null ? '' : ` · stop after: ${formatAtStep(stopAfter, instrument.tickSize)}`
    }`;
  }
  return {
    id: notificationId(planId, number.epoch, number.seq, alert.tranche),
    planId,
    tranche: alert.tranche,
    kind: alert.kind,
    title,
    message,
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
