import { Decimal } from '../decimal';

/**
 * Account heat (plan format, "Account heat"): the open risk of all of a trader's armed and
 * active plans, summed in the account currency, under a cap that is a percentage of the
 * account's equity. The engine steps one plan and knows nothing of the others: the
 * background hands it the others' sum and the cap as data with each event that can add
 * (a tick, an adjustment), so the engine stays pure and its replay exact.
 */
export interface AccountHeat {
  /** Σ of the other armed and active plans' open risk, each counted at 0 or more (`heatOf`). */
  readonly otherOpenRisk: string;
  /** The cap in money: equity × capPercent / 100. */
  readonly cap: string;
  readonly capPercent: string;
}

/**
 * What one plan adds to the heat: its open risk, or 0 once its stops lock in profit. A
 * locked-in profit is not yet money in the account, so it is no room to risk more elsewhere.
 */
export function heatOf(openRisk: Decimal): Decimal {
  return Decimal.max(0, openRisk);
}

/** The open risk this plan may carry within the cap: cap − the others' heat (below 0 when they already exceed it). */
export function heatRoom(heat: AccountHeat): Decimal {
  return new Decimal(heat.cap).minus(heat.otherOpenRisk);
}
