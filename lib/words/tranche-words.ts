import type { Plan } from '../plan/schema';
import { parseTrancheId } from '../plan/tranche-id';

/** `BTCUSDT long`: how every alert about a plan starts. */
export function planTitle(plan: Plan): string {
  return `${plan.instrument.symbol} ${plan.side}`;
}

/** `entry`, `stop`, `add 2 of 3`, `target 1 of 2`; `price` for the price itself (a stale alert). */
export function trancheName(plan: Plan, id: string): string {
  const ref = parseTrancheId(id);
  if (ref === null) return id;
  if (ref.kind === 'entry' || ref.kind === 'stop') return ref.kind;
  const total = ref.kind === 'add' ? plan.scaleIn.length : plan.scaleOut.length;
  return `${ref.kind} ${ref.index} of ${total}`;
}

/** What the trader does to fill a tranche: a long buys its entry and adds and sells its targets and stop. */
export function actionOf(plan: Plan, id: string): 'buy' | 'sell' {
  const ref = parseTrancheId(id);
  const isOpening = ref?.kind === 'entry' || ref?.kind === 'add';
  return isOpening === (plan.side === 'long') ? 'buy' : 'sell';
}
