import { Decimal, toCanonical } from '../decimal';
import { roundQty } from '../sizing/round';
import { tooSmall } from '../sizing/too-small';
import type { AddLimit } from './effects';
import { placeNextAdd } from './levels';
import { positionOf } from './position';
import { heatRoom } from './account-heat';
import { largestAddWithin, maxOpenRiskCap } from './risk-cut';
import { closeTrade, skipTranche } from './tranches';
import type { TrancheState } from './types';
import type { Working } from './working';

/**
 * The quantity a tranche fills at `price` (plan format, `sizing`, "Open risk", "Peak
 * position"), or null when it does not fill, in which case the skip is recorded here: an
 * entry too small closes the plan; an add too small, or cut to nothing by the limits, is
 * skipped and the next add is measured from its level; a target too small is skipped.
 */
export function trancheQty(
  work: Working,
  tranche: TrancheState,
  price: Decimal,
  time: number,
): Decimal | null {
  if (work.state.derived === null) return null;
  if (tranche.kind === 'entry') return entryQty(work, price, time);
  if (tranche.kind === 'add') return addQty(work, tranche, price, time);
  return targetQty(work, tranche, price, time);
}

function entryQty(work: Working, price: Decimal, time: number): Decimal | null {
  const qty = new Decimal(work.state.derived?.entryQty ?? '0');
  const small = tooSmall(work.plan, qty, price);
  if (small === null) return qty;
  skipTranche(work, 'entry', { code: 'too-small', tooSmall: small }, time, 'too-small');
  closeTrade(work, time);
  return null;
}

/**
 * Scale-in qty = entry qty × size, rounded down to the lot step, then cut by `maxQty`,
 * `maxOpenRiskPercent` and the account heat cap (plan format, "Account heat").
 */
function addQty(work: Working, tranche: TrancheState, price: Decimal, time: number): Decimal | null {
  const { state, plan } = work;
  const planned = plan.scaleIn[tranche.index - 1];
  if (state.derived === null || planned === undefined) return null;
  const full = roundQty(new Decimal(state.derived.entryQty).mul(planned.size), work.lotStep);
  let qty = full;
  const limits: AddLimit[] = [];
  const { maxQty, maxOpenRiskPercent } = plan.limits;
  const cap = maxOpenRiskCap(work);
  if (maxQty !== undefined) {
    const room = Decimal.max(0, new Decimal(maxQty).minus(positionOf(state.lots)));
    if (qty.gt(room)) {
      qty = roundQty(room, work.lotStep);
      limits.push({ limit: 'max-qty', maxQty });
    }
  }
  if (maxOpenRiskPercent !== undefined && cap !== null && qty.gt(0)) {
    const fitted = largestAddWithin(work, tranche.id, price, qty, cap, time);
    if (fitted.lt(qty)) {
      limits.push({ limit: 'max-open-risk', percent: maxOpenRiskPercent, cap: toCanonical(cap) });
      qty = fitted;
    }
  }
  if (work.heat !== null && qty.gt(0)) {
    // Within the room the other plans leave, the plan's own open risk is its heat (lib/engine/account-heat.ts).
    const room = heatRoom(work.heat);
    const fitted = room.lt(0) ? new Decimal(0) : largestAddWithin(work, tranche.id, price, qty, room, time);
    if (fitted.lt(qty)) {
      limits.push({ limit: 'account-heat', percent: work.heat.capPercent, cap: work.heat.cap });
      qty = fitted;
    }
  }
  const small = tooSmall(plan, qty, price);
  if (small !== null) {
    const isCutToNothing = qty.isZero() && limits.length > 0;
    skipTranche(
      work,
      tranche.id,
      isCutToNothing ? { code: 'limits', limits } : { code: 'too-small', tooSmall: small },
      time,
      isCutToNothing ? 'skipped' : 'too-small',
    );
    // The next step is measured from the skipped level (plan format, "Open risk").
    state.stepFrom = tranche.level ?? toCanonical(price);
    placeNextAdd(work);
    return null;
  }
  if (limits.length > 0) {
    work.effects.push({
      type: 'alert',
      kind: 'risk',
      tranche: tranche.id,
      price: toCanonical(price),
      qty: toCanonical(qty),
      time,
      risk: { cause: 'cut', plannedQty: toCanonical(full), limits },
    });
  }
  return qty;
}

/** A target sells its share of the peak position (rounded down to the lot step), or the rest. */
function targetQty(work: Working, tranche: TrancheState, price: Decimal, time: number): Decimal | null {
  const planned = work.plan.scaleOut[tranche.index - 1];
  if (planned === undefined) return null;
  const position = positionOf(work.state.lots);
  const qty =
    planned.share === 'rest'
      ? position
      : Decimal.min(position, roundQty(new Decimal(work.state.peak).mul(planned.share), work.lotStep));
  const small = tooSmall(work.plan, qty, price);
  if (small === null) return qty;
  skipTranche(work, tranche.id, { code: 'too-small', tooSmall: small }, time, 'too-small');
  return null;
}
