import type { AlertEffect } from '../engine/effects';
import { formatAtStep } from '../format';
import type { Plan } from '../plan/schema';
import { alertWords } from './effect-words';
import { planTitle, trancheName } from './tranche-words';
import { orderSide } from '../plan/tranche-id';

/**
 * A notification read in a glance: the title names the plan, the tranche and its price
 * (`BTCUSDT long · add 2 of 3 at 61,250.0`); the body what to do. A tranche waiting for the
 * trader says the quantity to trade and the stop after it (`Buy 0.050 · stop after: 59,400.0`).
 */
export function notificationWords(
  plan: Plan,
  alert: AlertEffect,
  waiting: { readonly stopAfter: string | null } | null,
): { readonly title: string; readonly message: string } {
  const head = planTitle(plan);
  const at = alert.price === null ? '' : ` at ${formatAtStep(alert.price, plan.instrument.tickSize)}`;
  const what =
    alert.kind === 'approach' && alert.label !== undefined ? alert.label : trancheName(plan, alert.tranche);
  const titles: Record<AlertEffect['kind'], string> = {
    approach: `${head} · ${what} approaching${at}`,
    trigger: `${head} · ${what}${at}`,
    target: `${head} · ${what}${at}`,
    stop: `${head} · ${what}${at}`,
    risk: `${head} · ${alert.kind === 'risk' && alert.risk.cause === 'entry-risk' ? 'risk above plan' : 'risk cap'}`,
    stale: `${head} · price stale`,
  };
  if (waiting === null || alert.qty === null)
    return { title: titles[alert.kind], message: alertWords(plan, alert) };
  const verb = orderSide(plan.side, alert.tranche) === 'buy' ? 'Buy' : 'Sell';
  const stop =
    waiting.stopAfter === null
      ? ''
      : ` · stop after: ${formatAtStep(waiting.stopAfter, plan.instrument.tickSize)}`;
  return {
    title: titles[alert.kind],
    message: `${verb} ${formatAtStep(alert.qty, plan.instrument.lotStep)}${stop}`,
  };
}
