import { Decimal, toCanonical } from '../decimal';
import type { AccountHeat } from '../engine/account-heat';
import { heatOf } from '../engine/account-heat';
import { openRisk } from '../engine/position';
import type { HeatSettings } from '../store/heat-settings';
import type { PlanRecord } from '../store/plans';

/**
 * Account heat across the trader's plans (plan format, "Account heat"): the open risk of
 * every armed and active plan, each at 0 or more, summed in the account currency (the
 * plans' quote currency: Tranche converts nothing), against the cap the setting gives.
 */

/** What one plan counts toward the heat: its open risk at 0 or more; nothing before its entry or after its close. */
export function planHeat(record: PlanRecord): Decimal {
  const engine = record.engine;
  if (engine === null || (record.status !== 'armed' && record.status !== 'active')) return new Decimal(0);
  const { side, instrument } = engine.plan;
  return heatOf(openRisk(engine.lots, side, instrument.pointValue));
}

/** The cap in money, when the setting gives both the equity and the percentage. */
function capOf(settings: HeatSettings): Decimal | null {
  if (settings.equity === null || settings.capPercent === null) return null;
  return new Decimal(settings.equity).mul(settings.capPercent).div(100);
}

/** What the engine needs to step plan `id` under the cap: the other plans' heat and the cap; undefined without a cap. */
export function heatFor(
  records: readonly PlanRecord[],
  id: string,
  settings: HeatSettings,
): AccountHeat | undefined {
  const cap = capOf(settings);
  if (cap === null || settings.capPercent === null) return undefined;
  let others = new Decimal(0);
  for (const record of records) if (record.id !== id) others = others.plus(planHeat(record));
  return { otherOpenRisk: toCanonical(others), cap: toCanonical(cap), capPercent: settings.capPercent };
}

/** The heat the popup shows against the cap: the sum, the cap, and the sum as a % of the cap. */
export interface HeatView {
  readonly openRisk: string;
  readonly cap: string;
  readonly capPercent: string;
  readonly equity: string;
  /** The heat as a % of the cap, two decimals. */
  readonly usedPercent: string;
}

export function heatView(records: readonly PlanRecord[], settings: HeatSettings): HeatView | null {
  const cap = capOf(settings);
  if (cap === null || settings.capPercent === null || settings.equity === null) return null;
  let total = new Decimal(0);
  for (const record of records) total = total.plus(planHeat(record));
  return {
    openRisk: toCanonical(total.toDecimalPlaces(10)),
    cap: toCanonical(cap.toDecimalPlaces(10)),
    capPercent: settings.capPercent,
    equity: settings.equity,
    usedPercent: cap.isZero() ? '0' : total.div(cap).mul(100).toFixed(2),
  };
}
