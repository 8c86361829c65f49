import { Decimal, toCanonical } from '../decimal';
import { averageEntry, openRisk, positionOf } from '../engine/position';
import type { EngineState } from '../engine/types';
import { liquidationPrice } from '../sizing/liquidation';

/**
 * The position as the surfaces show it, now or after an adjustment: quantity, average
 * entry, every lot with its stop, open risk in money, % of equity and R, the liquidation
 * estimate. One computation for the plan view and the adjustment's preview.
 */
export interface PositionView {
  readonly position: string;
  readonly averageEntry: string | null;
  /** Every open lot, oldest first (1 = the oldest). */
  readonly lots: LotView[];
  readonly openRisk: string;
  /** Open risk as a % of `account.equity`, two decimals; null for a plan with only `riskAmount`. */
  readonly openRiskPercent: string | null;
  /** Open risk in R (of the initial risk), two decimals; null before the trade's values are known. */
  readonly openRiskR: string | null;
  /** The liquidation estimate at the average entry (plan format, "Liquidation estimate"); null without leverage or position. */
  readonly liquidation: string | null;
  readonly realizedPnl: string;
}

export interface LotView {
  readonly lot: number;
  readonly qty: string;
  readonly fill: string;
  readonly stop: string;
}

export function positionView(state: EngineState): PositionView {
  const { plan, lots, derived } = state;
  const average = averageEntry(lots);
  const risk = openRisk(lots, plan.side, plan.instrument.pointValue);
  const equity = plan.account.equity === undefined ? null : new Decimal(plan.account.equity);
  const initialRisk = derived === null ? null : new Decimal(derived.initialRisk);
  const { leverage, maintenanceMarginRate } = plan.limits;
  const liquidation =
    leverage === undefined || average === null
      ? null
      : liquidationPrice(
          plan.side,
          average,
          new Decimal(leverage),
          new Decimal(maintenanceMarginRate ?? '0'),
        );
  return {
    position: toCanonical(positionOf(lots)),
    averageEntry: average === null ? null : toCanonical(average.toDecimalPlaces(10)),
    lots: lots.map((lot, place) => ({ lot: place + 1, qty: lot.qty, fill: lot.fill, stop: lot.stop })),
    openRisk: toCanonical(risk.toDecimalPlaces(10)),
    openRiskPercent: equity === null || equity.isZero() ? null : risk.div(equity).mul(100).toFixed(2),
    openRiskR: initialRisk === null || initialRisk.isZero() ? null : risk.div(initialRisk).toFixed(2),
    liquidation: liquidation === null ? null : toCanonical(liquidation.toDecimalPlaces(10)),
    realizedPnl: state.realizedPnl,
  };
}
