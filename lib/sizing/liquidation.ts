import { Decimal } from '../decimal';
import type { Side } from '../plan/schema';

/**
 * Liquidation price estimate for isolated margin on a linear contract, fees ignored
 * (plan format, "Liquidation estimate"): long = avg × (1 − 1/leverage + mmr); short = avg × (1 + 1/leverage − mmr).
 */
export function liquidationPrice(
  side: Side,
  averageEntry: Decimal,
  leverage: Decimal,
  maintenanceMarginRate: Decimal,
): Decimal {
  const inverse = new Decimal(1).div(leverage);
  return side === 'long'
    ? averageEntry.mul(new Decimal(1).minus(inverse).plus(maintenanceMarginRate))
    : averageEntry.mul(new Decimal(1).plus(inverse).minus(maintenanceMarginRate));
}

/** Whether a stop is hit before the liquidation estimate: strictly inside it. */
export function isStopInsideLiquidation(side: Side, stop: Decimal, liquidation: Decimal): boolean {
  return side === 'long' ? stop.gt(liquidation) : stop.lt(liquidation);
}

/**
 * The highest whole leverage at which `stop` stays strictly inside the liquidation
 * estimate of a position averaged at `averageEntry`; 0 when none does (even 1×).
 * Long: stop > avg × (1 − 1/L + mmr)  ⇔  L < 1 / (1 + mmr − stop/avg).
 */
export function highestSafeLeverage(
  side: Side,
  averageEntry: Decimal,
  stop: Decimal,
  maintenanceMarginRate: Decimal,
): number {
  const ratio = stop.div(averageEntry);
  const denominator =
    side === 'long'
      ? new Decimal(1).plus(maintenanceMarginRate).minus(ratio)
      : ratio.minus(new Decimal(1)).plus(maintenanceMarginRate);
  if (denominator.lte(0)) return Number.POSITIVE_INFINITY;
  const bound = new Decimal(1).div(denominator);
  const whole = bound.isInteger() ? bound.minus(1) : bound.floor();
  return Math.max(0, whole.toNumber());
}
