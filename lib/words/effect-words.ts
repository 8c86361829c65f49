import { Decimal, toCanonical } from '../decimal';
import type { AddLimit, AlertEffect, Effect, Rejection, SkipReason } from '../engine/effects';
import { formatAtStep, formatUpTo } from '../format';
import type { Plan } from '../plan/schema';
import { adjustedWords, refusedWords } from './adjust-words';
import { tooSmallWords } from './too-small-words';
import { trancheName } from './tranche-words';
import { orderSide } from '../plan/tranche-id';

/**
 * The words a trader reads about what the engine said, made in this one place from the
 * effects' data: the notifications, the popup's and planner's views, the journal and the
 * command line all call these. Prices are shown at the tick's precision, quantities at the
 * lot step's, thousands grouped.
 */

function price(plan: Plan, value: string): string {
  return formatAtStep(value, plan.instrument.tickSize);
}

function qty(plan: Plan, value: string): string {
  return formatAtStep(value, plan.instrument.lotStep);
}

/** One alert in a sentence, without the plan's name: `add 1 of 2 at 105.00: buy 10`. */
export function alertWords(plan: Plan, alert: AlertEffect): string {
  const name = trancheName(plan, alert.tranche);
  const at = alert.price === null ? '' : ` at ${price(plan, alert.price)}`;
  const amount = alert.qty === null ? '' : qty(plan, alert.qty);
  switch (alert.kind) {
    case 'approach': {
      const level = new Decimal(alert.price ?? '0');
      const away = level.isZero()
        ? new Decimal(0)
        : new Decimal(alert.lastPrice).minus(level).abs().div(level).mul(100);
      if (alert.label !== undefined) {
        // A key level (plan format, "Key levels"): "BTCUSDT is 0.2 % from resistance 62,000.0".
        return `${plan.instrument.symbol} is ${formatUpTo(away.toFixed(), 2)} % from ${alert.label}${alert.price === null ? '' : ` ${price(plan, alert.price)}`}`;
      }
      return `${name}${at} is ${away.toFixed(2, Decimal.ROUND_HALF_UP)}% away`;
    }
    case 'trigger':
    case 'target':
      return `${name}${at}: ${orderSide(plan.side, alert.tranche)} ${amount}`;
    case 'stop':
      return `stop${at}: close ${amount}`;
    case 'risk':
      return alert.risk.cause === 'entry-risk'
        ? `entry filled${at}: risk ${alert.risk.risk} exceeds the planned ${alert.risk.planned}`
        : `${name} cut from ${qty(plan, alert.risk.plannedQty)} to ${amount}: ${limitsWords(plan, alert.risk.limits)}`;
    case 'stale':
      return `price is stale: no fresh quote since ${new Date(alert.since).toISOString()}`;
  }
}

/**
 * `maxOpenRiskPercent` is of the equity, or of the risk budget when the plan gives only
 * `riskAmount`; the account heat cap is of the account's equity (the trader's setting).
 */
function limitsWords(plan: Plan, limits: readonly AddLimit[]): string {
  const base = plan.account.equity === undefined ? 'the risk budget' : 'equity';
  return limits
    .map((limit) => {
      switch (limit.limit) {
        case 'max-qty':
          return `the position may not exceed maxQty ${limit.maxQty}`;
        case 'max-open-risk':
          return `open risk may not exceed ${limit.percent}% of ${base} (${limit.cap})`;
        case 'account-heat':
          return `the account's open risk may not exceed ${limit.percent}% of equity (${limit.cap})`;
      }
    })
    .join('; ');
}

/** Why a tranche was skipped: `too small: quantity 4 is below the minimum 5`. */
export function skipWords(plan: Plan, reason: SkipReason): string {
  switch (reason.code) {
    case 'trader':
      return 'skipped by the trader';
    case 'too-small':
      return `too small: ${tooSmallWords(reason.tooSmall)}`;
    case 'limits':
      return `skipped: ${limitsWords(plan, reason.limits)}`;
    case 'liquidation':
      return `the stop ${price(plan, reason.stop)} lies beyond the liquidation estimate ${price(plan, reason.liquidation)} at ${reason.leverage}x leverage; use ${reason.safeLeverage}x or less`;
    case 'noted':
      return reason.text;
  }
}

/** Why the engine refused the trader's confirmation or skip of `tranche`. */
export function rejectionWords(tranche: string, rejection: Rejection): string {
  switch (rejection.code) {
    case 'no-tranche':
      return `the plan has no tranche "${tranche}"`;
    case 'not-waiting':
      return `${tranche} is ${rejection.status}, not waiting for confirmation`;
    case 'settled':
      return `${tranche} is already ${rejection.status}`;
    case 'no-stop-waiting':
      return 'no stop is waiting for confirmation';
    case 'not-a-number':
      return 'price and quantity must be numbers above 0';
    case 'exceeds-position':
      return `quantity ${rejection.qty} exceeds the position ${rejection.position}`;
    case 'not-lot-multiple':
      return `quantity ${rejection.qty} is not a multiple of the lot step ${rejection.lotStep}`;
  }
}

/** The sentence for any effect a trader is told about; null for fills and phases, which are shown as numbers. */
export function effectWords(plan: Plan, effect: Effect): string | null {
  switch (effect.type) {
    case 'alert':
      return alertWords(plan, effect);
    case 'skip':
      return skipWords(plan, effect.reason);
    case 'rejected':
      return rejectionWords(effect.tranche, effect.rejection);
    case 'error':
      return `the entry triggered at ${toCanonical(new Decimal(effect.price))} but the ATR is not known yet: atrPeriod ${effect.period} needs at least ${effect.period} completed candles before the entry's candle`;
    case 'adjusted':
      return adjustedWords(plan, effect.adjustment, effect.overridden);
    case 'refused':
      return refusedWords(plan, effect.refusals);
    case 'fill':
    case 'phase':
      return null;
  }
}
