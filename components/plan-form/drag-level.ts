import { Decimal } from '../../lib/decimal';
import type { Plan } from '../../lib/plan/schema';
import { measureOf } from '../../lib/plan/schema';
import { parseTrancheId } from '../../lib/plan/tranche-id';
import type { Ladder } from '../../lib/sim/ladder';
import { levelMeasure, stopMeasure } from '../../lib/sizing/measure';
import type { FieldPath, JsonObject } from './plan-json';
import { withValueAt } from './plan-json';

type Planned = Extract<Ladder, { ok: true }>;

/** The price a tranche of the planned ladder filled at (or was skipped at): the reference of the next step. */
function plannedPrice(ladder: Planned, tranche: string): Decimal | null {
  const row = ladder.rows.find((candidate) => candidate.tranche === tranche);
  if (row === undefined) return null;
  const price = row.status === 'filled' ? row.price : row.level;
  return price === null ? null : new Decimal(price);
}

/**
 * The plan file with one of its levels moved to `price` (dragged on the ladder chart,
 * already on the tick), each in the unit the plan writes it: the entry's price; the stop
 * as a price, or its % or ATR from the entry; an add's step from the fill before it; a
 * target from the entry (docs/plan-format.md#level-measures). Null when the key is none of
 * the plan's levels.
 */
export function withDraggedLevel(
  json: JsonObject,
  plan: Plan,
  ladder: Planned,
  key: string,
  price: string,
): JsonObject | null {
  const level = new Decimal(price);
  const atr = ladder.atr === null ? null : new Decimal(ladder.atr);
  const r = new Decimal(ladder.r);
  const entry = new Decimal(ladder.entryPrice);
  const set = (path: FieldPath, value: unknown) => withValueAt(json, path, value);
  if (key === 'entry') return set(['entry', 'price'], price);
  if (key === 'stop') {
    const { kind } = measureOf(plan.stop);
    return set(['stop'], { [kind]: stopMeasure(kind, level, entry, plan.side, atr) });
  }
  const ref = parseTrancheId(key);
  if (ref?.kind === 'add') {
    const step = plan.scaleIn[ref.index - 1]?.step;
    const from = ref.index === 1 ? entry : plannedPrice(ladder, `add-${ref.index - 1}`);
    if (step === undefined || from === null) return null;
    const { kind } = measureOf(step);
    return set(['scaleIn', ref.index - 1, 'step'], {
      [kind]: levelMeasure(kind, level, from, plan.side, r, atr),
    });
  }
  if (ref?.kind === 'target') {
    const at = plan.scaleOut[ref.index - 1]?.at;
    if (at === undefined) return null;
    const { kind } = measureOf(at);
    return set(['scaleOut', ref.index - 1, 'at'], {
      [kind]: levelMeasure(kind, level, entry, plan.side, r, atr),
    });
  }
  return null;
}
