import { Decimal, toCanonical } from '../decimal';
import { levelFrom } from '../sizing/measure';
import { roundLevel } from '../sizing/round';
import { nearestStop } from './position';
import { nextOpen, trancheOf } from './tranches';
import type { Working } from './working';
import { atrOf } from './working';

/** Order of levels met at the same price (plan format, "Fills and gaps"): stops, then the entry, adds, targets. */
export const SAME_PRICE_ORDER = { stop: 0, entry: 1, add: 2, target: 3 } as const;

/** A level the path can meet: `up` is met at or above it, `down` at or below it. */
export interface Trigger {
  readonly kind: keyof typeof SAME_PRICE_ORDER;
  readonly tranche: string;
  readonly level: Decimal;
  readonly way: 'up' | 'down';
}

/** Whether `price` is at or past the trigger's level. */
export function isPast(trigger: Trigger, price: Decimal): boolean {
  return trigger.way === 'up' ? price.gte(trigger.level) : price.lte(trigger.level);
}

/**
 * The levels the path can meet now: the entry while armed (from the side `when` gives);
 * once active the nearest stop (unless one waits for confirmation), the next add and the
 * next target, when pending.
 */
export function pendingLevels(work: Working): Trigger[] {
  const { state, plan } = work;
  const found: Trigger[] = [];
  const favourable = plan.side === 'long' ? 'up' : 'down';
  const adverse = plan.side === 'long' ? 'down' : 'up';
  if (state.phase === 'armed') {
    const entry = trancheOf(work, 'entry');
    const way =
      plan.entry.when === 'above' ? 'up' : plan.entry.when === 'below' ? 'down' : state.entryDirection;
    if (entry.status === 'pending' && entry.level !== null && way !== null) {
      found.push({ kind: 'entry', tranche: 'entry', level: new Decimal(entry.level), way });
    }
    return found;
  }
  if (state.phase !== 'active') return found;
  if (state.stopTrigger === null) {
    const stop = nearestStop(state.lots, plan.side);
    if (stop !== null) found.push({ kind: 'stop', tranche: 'stop', level: stop, way: adverse });
  }
  for (const kind of ['add', 'target'] as const) {
    const tranche = nextOpen(work, kind);
    if (tranche?.status === 'pending' && tranche.level !== null) {
      found.push({ kind, tranche: tranche.id, level: new Decimal(tranche.level), way: favourable });
    }
  }
  return found;
}

/**
 * The next add's level (plan format, `scaleIn`): its step from the previous entry or add
 * fill's actual price (or from a skipped add's level), rounded to the nearest tick.
 */
export function placeNextAdd(work: Working): void {
  const { state, plan } = work;
  const tranche = nextOpen(work, 'add');
  if (tranche?.status !== 'pending' || state.derived === null || state.stepFrom === null) return;
  const planned = plan.scaleIn[tranche.index - 1];
  if (!planned) return;
  const from = new Decimal(state.stepFrom);
  const level = levelFrom(planned.step, from, plan.side, new Decimal(state.derived.r), atrOf(work));
  tranche.level = toCanonical(roundLevel(level, work.tick));
}
