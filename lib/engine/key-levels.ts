import { Decimal, toCanonical } from '../decimal';
import type { AdjustmentOf } from '../plan/adjustment';
import { MAX_KEY_LEVELS } from '../plan/schema';
import { roundLevel } from '../sizing/round';
import { approachKey, KEY_LEVEL } from './approach';
import type { Refusal } from './effects';
import type { Working } from './working';
import { replacePlan } from './working';

/**
 * Key levels (plan format, "Key levels") added or removed on a live plan, journaled like
 * any adjustment: `level` with `price` + `label` adds one (at the nearest tick), with
 * `index` + `remove` takes the `index`-th away. They fill nothing; they raise approach
 * alerts (lib/engine/approach.ts) and are offered as the price of other adjustments.
 */
export function changeKeyLevel(work: Working, adjustment: AdjustmentOf<'level'>): Refusal[] {
  const { levels } = work.plan;
  const { index } = adjustment;
  if (index !== undefined) {
    const removed = levels[index - 1];
    if (removed === undefined) return [{ code: 'no-such', what: 'level', index, count: levels.length }];
    const kept = levels.filter((_, place) => place !== index - 1);
    replacePlan(work, { ...work.plan, levels: kept });
    // Its approach alert is forgotten unless another key level stands at the same price.
    if (!kept.some((level) => new Decimal(level.price).eq(removed.price))) {
      const key = approachKey({ tranche: KEY_LEVEL, level: new Decimal(removed.price) });
      work.state.approached = work.state.approached.filter((candidate) => candidate !== key);
    }
    return [];
  }
  if (levels.length >= MAX_KEY_LEVELS) return [{ code: 'too-many-levels', max: MAX_KEY_LEVELS }];
  const price = toCanonical(roundLevel(new Decimal(adjustment.price ?? '0'), work.tick));
  replacePlan(work, { ...work.plan, levels: [...levels, { price, label: adjustment.label ?? '' }] });
  return [];
}
