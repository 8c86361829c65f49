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

/** A tranche's name on a chart or in a table column: `Entry`, `Add 1`, `Target 2`, `Stop`. */
export function shortTrancheName(id: string): string {
  const ref = parseTrancheId(id);
  if (ref === null) return id;
  const name = `${ref.kind.charAt(0).toUpperCase()}${ref.kind.slice(1)}`;
  return ref.index === 0 ? name : `${name} ${ref.index}`;
}
