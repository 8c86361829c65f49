import type { PlanRecord } from '../store/plans';
import { isTickForPlan } from './routing';

/** An armed or active, unpaused plan for the tick's symbol and venue: it steps on the tick. */
export function isListening(
  record: PlanRecord,
  tick: { readonly venue: string; readonly symbol: string },
): boolean {
  const isRunning =
    !record.isPaused && record.engine !== null && (record.status === 'armed' || record.status === 'active');
  return isRunning && isTickForPlan(record.plan.instrument, tick);
}

/** When the plan was last armed (0 when its lifecycle was lost and repaired). */
export function armedAt(record: PlanRecord): number {
  for (let index = record.lifecycle.length - 1; index >= 0; index -= 1) {
    const entry = record.lifecycle[index];
    if (entry?.status === 'armed') return entry.at;
  }
  return 0;
}
