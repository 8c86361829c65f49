import { Decimal, toCanonical } from '../decimal';
import { nearestStop } from './position';
import { nextOpen, trancheOf } from './tranches';
import type { Working } from './working';

/** Approach alerts without an `alerts.approachPercent` in the plan: a quarter percent. */
export const DEFAULT_APPROACH_PERCENT = '0.25';

export interface WatchedLevel {
  /** A tranche id, `stop`, or `level` for a key level. */
  readonly tranche: string;
  readonly level: Decimal;
  /** A key level's label (plan format, "Key levels"). */
  readonly label?: string;
}

/** The tranche name of a key level in alerts: key levels fill nothing, they are watched. */
export const KEY_LEVEL = 'level';

/**
 * The levels worth an approach alert now: the entry (while armed); the next add, the next
 * target and the nearest stop (while active); and every key level until the plan closes.
 */
export function approachLevels(work: Working): WatchedLevel[] {
  const { state, plan } = work;
  const levels: WatchedLevel[] = [];
  if (state.phase !== 'closed') {
    for (const key of plan.levels) {
      levels.push({ tranche: KEY_LEVEL, level: new Decimal(key.price), label: key.label });
    }
  }
  if (state.phase === 'armed') {
    const entry = trancheOf(work, 'entry');
    if (entry.status === 'pending' && entry.level !== null) {
      levels.push({ tranche: 'entry', level: new Decimal(entry.level) });
    }
  } else if (state.phase === 'active') {
    for (const kind of ['add', 'target'] as const) {
      const tranche = nextOpen(work, kind);
      if (tranche?.status === 'pending' && tranche.level !== null) {
        levels.push({ tranche: tranche.id, level: new Decimal(tranche.level) });
      }
    }
    const stop = nearestStop(state.lots, plan.side);
    if (stop !== null && state.stopTrigger === null) levels.push({ tranche: 'stop', level: stop });
  }
  return levels;
}

/** The approach distance of a level: `approachPercent` of its price. */
export function approachDistance(work: Working, level: Decimal): Decimal {
  return level.mul(work.plan.alerts.approachPercent ?? DEFAULT_APPROACH_PERCENT).div(100);
}

/** How a watched level is remembered in `approached` while its alert stands. */
export function approachKey(watched: WatchedLevel): string {
  return `${watched.tranche}@${toCanonical(watched.level)}`;
}

/**
 * The approach alert (plan format, "Approach alert"): once per level when the price comes
 * within `approachPercent` of it; re-armed only after the price moves away twice that
 * distance, so a price dancing at the edge raises no storm.
 */
export function approachAlerts(work: Working, price: Decimal, time: number): void {
  const { state } = work;
  const levels = approachLevels(work);
  const keys = new Set(levels.map(approachKey));
  state.approached = state.approached.filter((key) => keys.has(key));
  for (const watched of levels) {
    const key = approachKey(watched);
    const distance = price.minus(watched.level).abs();
    const zone = approachDistance(work, watched.level);
    const isAlerted = state.approached.includes(key);
    if (isAlerted && distance.gte(zone.mul(2))) {
      state.approached = state.approached.filter((candidate) => candidate !== key);
    } else if (!isAlerted && distance.lte(zone) && (watched.label !== undefined || !distance.isZero())) {
      // A tranche's level reached is a trigger, said as one; a key level reached is still an approach.
      state.approached.push(key);
      work.effects.push({
        type: 'alert',
        kind: 'approach',
        tranche: watched.tranche,
        price: toCanonical(watched.level),
        qty: null,
        time,
        lastPrice: toCanonical(price),
        ...(watched.label === undefined ? {} : { label: watched.label }),
      });
    }
  }
}
