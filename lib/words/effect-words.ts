import { Decimal, toCanonical } from '../decimal';
import type { AddLimit, AlertEffect, Effect, Rejection, SkipReason } from '../engine/effects';
import { formatAtStep } from '../format';
import type { Plan } from '../plan/schema';
import type { TooSmall } from '../sizing/too-small';
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
        : new Decimal(alert.lastPrice).minus(level).abs().div(level);
      return `${name}${at} is ${away.mul(100).toFixed(2, Decimal.ROUND_HALF_UP)}% away`;
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

/** `maxOpenRiskPercent` is of the equity, or of the risk budget when the plan gives only `riskAmount`. */
function limitsWords(plan: Plan, limits: readonly AddLimit[]): string {
  const base = plan.account.equity === undefined ? 'the risk budget' : 'equity';
  return limits
    .map((limit) =>
      limit.limit === 'max-qty'
        ? `the position may not exceed maxQty ${limit.maxQty}`
        : `open risk may not exceed ${limit.percent}% of ${base} (${limit.cap})`,
    )
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

export function tooSmallWords(small: TooSmall): string {
  switch (small.why) {
    case 'zero':
      return `quantity rounds down to 0 at the lot step ${small.lotStep}`;
    case 'min-qty':
      return `quantity ${small.qty} is below the minimum ${small.minQty}`;
    case 'min-notional':
      return `notional ${small.notional} (${small.qty} × ${small.price}) is below the minimum ${small.minNotional}`;
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
    case 'fill':
    case 'phase':
      return null;
  }
}
