import { Decimal, toCanonical } from '../decimal';
import { isStopInsideLiquidation, liquidationPrice } from '../sizing/liquidation';
import { heatOf, heatRoom } from './account-heat';
import type { Refusal } from './effects';
import { isOverridable } from './effects';
import { averageEntry, openRisk } from './position';
import { maxOpenRiskCap } from './risk-cut';
import type { Lot } from './types';
import type { Working } from './working';

/**
 * The guard (plan format, "Adjusting a live trade"): the plan keeps the trader to it. The
 * rules shared by several actions live here; each action (lib/engine/adjust-*.ts,
 * manual-fills.ts) returns the refusals it finds, and `verdict` decides.
 */

/** The last price: where the market is now, and where a manual fill happens. */
export function lastPriceOf(work: Working): Decimal {
  return new Decimal(work.state.lastPrice ?? work.state.lastEntryFill ?? '0');
}

/**
 * Anything beyond the liquidation estimate is refused, override or not: every lot's stop
 * must lie strictly inside the estimate at the lots' average entry (plan format,
 * "Liquidation estimate"); null when the plan has no leverage or the lots are inside it.
 */
export function liquidationRefusal(work: Working, lots: readonly Lot[]): Refusal | null {
  const { leverage, maintenanceMarginRate } = work.plan.limits;
  const average = averageEntry(lots);
  if (leverage === undefined || average === null) return null;
  const { side } = work.plan;
  const liquidation = liquidationPrice(
    side,
    average,
    new Decimal(leverage),
    new Decimal(maintenanceMarginRate ?? '0'),
  );
  const outside = lots.find((lot) => !isStopInsideLiquidation(side, new Decimal(lot.stop), liquidation));
  if (outside === undefined) return null;
  return { code: 'beyond-liquidation', stop: outside.stop, liquidation: toCanonical(liquidation), leverage };
}

/**
 * An `addNow` or a moved add whose open risk afterwards (its stop rules applied) exceeds
 * `maxOpenRiskPercent`, or the risk budget when the plan has no cap; and the account heat
 * cap (plan format, "Account heat"). Refused unless overridden.
 */
export function openRiskRefusals(work: Working, lots: readonly Lot[]): Refusal[] {
  const { plan, state } = work;
  const derived = state.derived;
  if (derived === null) return [];
  const refusals: Refusal[] = [];
  const risk = openRisk(lots, plan.side, plan.instrument.pointValue);
  const cap = maxOpenRiskCap(work);
  if (cap !== null && risk.gt(cap)) {
    refusals.push({
      code: 'open-risk',
      kind: 'max-open-risk',
      risk: toCanonical(risk),
      cap: toCanonical(cap),
      percent: plan.limits.maxOpenRiskPercent ?? null,
    });
  } else if (cap === null && risk.gt(derived.budget)) {
    refusals.push({
      code: 'open-risk',
      kind: 'budget',
      risk: toCanonical(risk),
      cap: derived.budget,
      percent: null,
    });
  }
  const heat = work.heat;
  if (heat !== null && heatOf(risk).gt(heatRoom(heat))) {
    refusals.push({
      code: 'open-risk',
      kind: 'account-heat',
      risk: toCanonical(heatOf(risk).plus(heat.otherOpenRisk)),
      cap: heat.cap,
      percent: heat.capPercent,
    });
  }
  return refusals;
}

export type Verdict =
  | { readonly isApplied: true; readonly overridden: readonly Refusal[] }
  | { readonly isApplied: false; readonly refusals: readonly Refusal[] };

/**
 * What is always refused stays refused whatever the reason; what the trader may override
 * is applied only with a reason in words, and the journal keeps which rules it set aside.
 */
export function verdict(refusals: readonly Refusal[], override: string | undefined): Verdict {
  const always = refusals.filter((refusal) => !isOverridable(refusal));
  if (always.length > 0) return { isApplied: false, refusals: always };
  const hasReason = override !== undefined && override.trim() !== '';
  if (refusals.length > 0 && !hasReason) return { isApplied: false, refusals };
  return { isApplied: true, overridden: refusals };
}
