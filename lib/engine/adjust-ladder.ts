import { Decimal, toCanonical } from '../decimal';
import type { AdjustmentOf } from '../plan/adjustment';
import type { Plan } from '../plan/schema';
import { isBetter } from '../plan/side';
import { trancheId } from '../plan/tranche-id';
import { roundLevel, roundQty, roundTarget } from '../sizing/round';
import { lastPriceOf, liquidationRefusal, openRiskRefusals } from './adjust-guard';
import type { Refusal } from './effects';
import { placeNextAdd } from './levels';
import { lotsAfterAdd } from './open-lot';
import type { TrancheState } from './types';
import type { Working } from './working';
import { replacePlan } from './working';

/**
 * `target` and `add` (plan format, "Adjusting a live trade"): the live plan's ladder
 * changes, and the planned ladder stays the default for what follows. A moved target or
 * add becomes an absolute price in the live plan (`{ "price" }`), so its later levels are
 * what the trader set; targets are kept in price order, numbered from the nearest; only a
 * pending tranche can change.
 */

type ScaleIn = Plan['scaleIn'][number];
type ScaleOut = Plan['scaleOut'][number];

/** A tranche of the ladder with its line in the live plan. */
interface Slot<P> {
  readonly planned: P;
  readonly tranche: TrancheState;
}

export function changeTarget(work: Working, adjustment: AdjustmentOf<'target'>): Refusal[] {
  const slots = ladderSlots(work, 'target');
  if (adjustment.index === undefined) {
    const level = targetLevel(work, adjustment.price ?? '0');
    if (level.refusal !== null) return [level.refusal];
    const fresh: TrancheState = {
      id: trancheId('target', slots.length + 1),
      kind: 'target',
      index: slots.length + 1,
      status: 'pending',
      level: level.price,
      qty: null,
      price: null,
      time: null,
      reason: null,
    };
    slots.push({
      planned: { at: { price: level.price }, share: adjustment.share ?? 'rest' },
      tranche: fresh,
    });
  } else {
    const found = pendingSlot(slots, adjustment.index, 'target');
    if ('code' in found) return [found];
    if (adjustment.remove === true) {
      slots.splice(adjustment.index - 1, 1);
    } else {
      const level = targetLevel(work, adjustment.price ?? '0');
      if (level.refusal !== null) return [level.refusal];
      slots[adjustment.index - 1] = {
        planned: { ...found.planned, at: { price: level.price } },
        tranche: { ...found.tranche, level: level.price },
      };
    }
  }
  const ordered = inPriceOrder(work, slots);
  const refusal = sharesRefusal(ordered);
  if (refusal !== null) return [refusal];
  placeLadder(work, ladderSlots(work, 'add'), ordered);
  return [];
}

export function changeAdd(work: Working, adjustment: AdjustmentOf<'add'>, time: number): Refusal[] {
  const { state } = work;
  if (adjustment.cancel === true) return cancelAdds(work, time);
  const slots = ladderSlots(work, 'add');
  const index = adjustment.index ?? 0;
  const found = pendingSlot(slots, index, 'add');
  if ('code' in found) return [found];
  if (adjustment.remove === true) {
    slots.splice(index - 1, 1);
    placeLadder(work, slots, ladderSlots(work, 'target'));
    placeNextAdd(work);
    return [];
  }
  const price = roundLevel(new Decimal(adjustment.price ?? '0'), work.tick);
  const last = lastPriceOf(work);
  if (!isBetter(work.plan.side, price, last)) {
    return [
      { code: 'level-past-price', kind: 'add', price: toCanonical(price), lastPrice: toCanonical(last) },
    ];
  }
  slots[index - 1] = {
    planned: { ...found.planned, step: { price: toCanonical(price) } },
    tranche: { ...found.tranche, level: toCanonical(price) },
  };
  placeLadder(work, slots, ladderSlots(work, 'target'));
  placeNextAdd(work);
  // The guard judges the add as it would fill at its new price: its planned quantity, its rules applied.
  const qty = roundQty(new Decimal(state.derived?.entryQty ?? '0').mul(found.planned.size), work.lotStep);
  if (qty.isZero()) return [];
  const lots = lotsAfterAdd(work, trancheId('add', index), price, qty, time);
  const liquidation = liquidationRefusal(work, lots);
  return liquidation === null ? openRiskRefusals(work, lots) : [liquidation];
}

/** `add` with `cancel`: every pending add is cancelled; one waiting for the trader stays for them to confirm or skip. */
function cancelAdds(work: Working, time: number): Refusal[] {
  const pending = work.state.tranches.filter(
    (tranche) => tranche.kind === 'add' && tranche.status === 'pending',
  );
  if (pending.length === 0) return [{ code: 'none-pending' }];
  for (const tranche of pending) {
    tranche.status = 'cancelled';
    tranche.reason = { code: 'trader' };
    tranche.time = time;
  }
  return [];
}

function ladderSlots(work: Working, kind: 'add'): Slot<ScaleIn>[];
function ladderSlots(work: Working, kind: 'target'): Slot<ScaleOut>[];
function ladderSlots(work: Working, kind: 'add' | 'target'): Slot<ScaleIn | ScaleOut>[] {
  const planned: readonly (ScaleIn | ScaleOut)[] = kind === 'add' ? work.plan.scaleIn : work.plan.scaleOut;
  const tranches = work.state.tranches.filter((tranche) => tranche.kind === kind);
  return tranches.map((tranche, place) => ({ planned: planned[place] as ScaleIn | ScaleOut, tranche }));
}

/** The `index`-th add or target (1-based), if it is pending; else why it cannot change. */
function pendingSlot<P>(slots: readonly Slot<P>[], index: number, what: 'add' | 'target'): Slot<P> | Refusal {
  const slot = slots[index - 1];
  if (slot === undefined) return { code: 'no-such', what, index, count: slots.length };
  if (slot.tranche.status !== 'pending') {
    return { code: 'not-pending', tranche: slot.tranche.id, status: slot.tranche.status };
  }
  return slot;
}

/** A target's price rounded toward the entry; it must lie beyond the last price, or it would fill at once. */
function targetLevel(work: Working, wanted: string): { price: string; refusal: Refusal | null } {
  const price = roundTarget(new Decimal(wanted), work.tick, work.plan.side);
  const last = lastPriceOf(work);
  const refusal: Refusal | null = isBetter(work.plan.side, price, last)
    ? null
    : { code: 'level-past-price', kind: 'target', price: toCanonical(price), lastPrice: toCanonical(last) };
  return { price: toCanonical(price), refusal };
}

/**
 * Targets in price order: those settled or waiting for the trader keep their places, the
 * pending ones follow from the nearest to the farthest (a stable sort keeps equal prices
 * in the order the trader gave them).
 */
function inPriceOrder(work: Working, slots: readonly Slot<ScaleOut>[]): Slot<ScaleOut>[] {
  const { side } = work.plan;
  const settled = slots.filter((slot) => slot.tranche.status !== 'pending');
  const pending = slots.filter((slot) => slot.tranche.status === 'pending');
  pending.sort((a, b) => {
    const first = new Decimal(a.tranche.level ?? '0');
    const second = new Decimal(b.tranche.level ?? '0');
    return first.eq(second) ? 0 : isBetter(side, second, first) ? -1 : 1;
  });
  return [...settled, ...pending];
}

/**
 * The shares of the peak position, as in a plan file (plan format, "Peak position"): the
 * targets that sold or will sell may not add up to more than 1, and `rest` must be the
 * last target still to come.
 */
function sharesRefusal(slots: readonly Slot<ScaleOut>[]): Refusal | null {
  let total = new Decimal(0);
  for (const slot of slots) {
    const isCounted = ['pending', 'triggered', 'filled'].includes(slot.tranche.status);
    if (isCounted && slot.planned.share !== 'rest') total = total.plus(slot.planned.share);
  }
  if (total.gt(1)) return { code: 'shares-over', total: toCanonical(total) };
  const open = slots.filter(
    (slot) => slot.tranche.status === 'pending' || slot.tranche.status === 'triggered',
  );
  const rest = open.findIndex((slot) => slot.planned.share === 'rest');
  if (rest !== -1 && rest < open.length - 1) {
    const place = slots.indexOf(open[rest] as Slot<ScaleOut>);
    return { code: 'rest-not-last', tranche: trancheId('target', place + 1) };
  }
  return null;
}

/**
 * The live plan and the tranches after a change of the ladder: adds and targets numbered
 * again in their new order, the target levels the `previousTarget` rule reads, and the
 * approach alerts already given carried to the new names.
 */
function placeLadder(
  work: Working,
  adds: readonly Slot<ScaleIn>[],
  targets: readonly Slot<ScaleOut>[],
): void {
  const { state } = work;
  const renamed = new Map<string, string>();
  const renumber = <P>(slots: readonly Slot<P>[], kind: 'add' | 'target'): TrancheState[] =>
    slots.map((slot, place) => {
      const id = trancheId(kind, place + 1);
      renamed.set(slot.tranche.id, id);
      return { ...slot.tranche, id, index: place + 1 };
    });
  const entry = state.tranches.filter((tranche) => tranche.kind === 'entry');
  const addTranches = renumber(adds, 'add');
  const targetTranches = renumber(targets, 'target');
  state.tranches = [...entry, ...addTranches, ...targetTranches];
  replacePlan(work, {
    ...work.plan,
    scaleIn: adds.map((slot) => slot.planned),
    scaleOut: targets.map((slot) => slot.planned),
  });
  if (state.derived !== null) {
    state.derived = { ...state.derived, targets: targetTranches.map((tranche) => tranche.level ?? '0') };
  }
  state.approached = state.approached.flatMap((key) => {
    const [id = '', level = ''] = key.split('@');
    const isLadder = id.startsWith('add-') || id.startsWith('target-');
    if (!isLadder) return [key];
    const next = renamed.get(id);
    return next === undefined ? [] : [`${next}@${level}`];
  });
}
