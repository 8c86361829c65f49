import { Decimal, toCanonical } from '../decimal';
import type { Distance, Level, Plan, Side } from '../plan/schema';
import { measureOf } from '../plan/schema';
import { roundLevel, roundQty, roundStop, roundTarget } from '../sizing/round';
import type { Derived } from './types';

/** +1 for a long, −1 for a short: multiplies a favourable distance. */
export function direction(side: Side): 1 | -1 {
  return side === 'long' ? 1 : -1;
}

/** Whether the plan's ATR only becomes known from candles at the entry. */
export function needsCandleAtr(plan: Plan): boolean {
  return plan.volatility?.atrPeriod !== undefined;
}

/** Whether any part of the plan is measured in ATR. */
export function usesAtr(plan: Plan): boolean {
  const levels: Partial<Record<string, string>>[] = [
    plan.stop,
    ...plan.scaleIn.map((add) => add.step),
    ...plan.scaleOut.map((target) => target.at),
  ];
  for (const rule of plan.stopRules) {
    if (rule.raise) levels.push(rule.raise);
    if (rule.activateAt) levels.push(rule.activateAt);
    if (typeof rule.set === 'object') levels.push(rule.set.trail);
  }
  return plan.sizing.method === 'unit' || levels.some((level) => level.atr !== undefined);
}

/** Risk budget in money: equity × riskPercent / 100, or riskAmount. */
export function riskBudget(plan: Plan): Decimal {
  const { riskAmount, riskPercent, equity } = plan.account;
  if (riskAmount !== undefined) return new Decimal(riskAmount);
  return new Decimal(equity ?? '0').mul(riskPercent ?? '0').div(100);
}

/** A distance in price units: k × ATR, p % of the reference price, or an amount. */
export function distanceOf(distance: Distance, reference: Decimal, atr: Decimal | null): Decimal {
  const { kind, value } = measureOf(distance);
  if (kind === 'amount') return new Decimal(value);
  if (kind === 'percent') return reference.mul(value).div(100);
  if (atr === null) throw new Error('ATR is not known yet');
  return atr.mul(value);
}

/**
 * A level measured from `from` in the trade's favourable direction: an absolute price, k × R,
 * k × ATR or p % of `from` (unrounded: callers round by the level's kind).
 */
export function levelFrom(level: Level, from: Decimal, side: Side, r: Decimal, atr: Decimal | null): Decimal {
  const { kind, value } = measureOf(level);
  if (kind === 'price') return new Decimal(value);
  const sign = direction(side);
  if (kind === 'r') return from.plus(r.mul(value).mul(sign));
  if (kind === 'percent') return from.plus(from.mul(value).div(100).mul(sign));
  if (atr === null) throw new Error('ATR is not known yet');
  return from.plus(atr.mul(value).mul(sign));
}

/** A lot's stop from its fill: the plan's price stop, or the fill ∓ the stop distance. */
export function stopFrom(plan: Plan, fill: Decimal, atr: Decimal | null): Decimal {
  const tick = new Decimal(plan.instrument.tickSize);
  const { kind, value } = measureOf(plan.stop);
  if (kind === 'price') return roundStop(new Decimal(value), tick, plan.side);
  const distance = distanceOf(kind === 'atr' ? { atr: value } : { percent: value }, fill, atr);
  return roundStop(fill.minus(distance.mul(direction(plan.side))), tick, plan.side);
}

/**
 * The values fixed for the trade (SPEC §2 definitions): R from the planned entry and the
 * stop computed from it, the entry quantity from the sizing method, target levels.
 */
export function derive(plan: Plan, atrValue: string | null): Derived {
  const { instrument, side } = plan;
  const tick = new Decimal(instrument.tickSize);
  const pointValue = new Decimal(instrument.pointValue);
  const atr = atrValue === null ? null : new Decimal(atrValue);
  const entryPrice = roundLevel(new Decimal(plan.entry.price), tick);
  const initialStop = stopFrom(plan, entryPrice, atr);
  const r = entryPrice.minus(initialStop).abs();
  const budget = riskBudget(plan);
  const entryQty = roundQty(sizeEntry(plan, entryPrice, r, budget, atr), new Decimal(instrument.lotStep));
  const targets = plan.scaleOut.map((target) =>
    roundTarget(levelFrom(target.at, entryPrice, side, r, atr), tick, side),
  );
  const activations = plan.stopRules.map((rule) =>
    rule.on === 'tick' && rule.activateAt
      ? roundTarget(levelFrom(rule.activateAt, entryPrice, side, r, atr), tick, side)
      : null,
  );
  return {
    entryPrice: toCanonical(entryPrice),
    initialStop: toCanonical(initialStop),
    r: toCanonical(r),
    budget: toCanonical(budget),
    entryQty: toCanonical(entryQty),
    initialRisk: toCanonical(r.mul(entryQty).mul(pointValue)),
    atr: atr === null ? null : toCanonical(atr),
    targets: targets.map(toCanonical),
    activations: activations.map((level) => (level === null ? null : toCanonical(level))),
  };
}

/**
 * Entry quantity before lot rounding. `risk`: budget / (R × pointValue); `unit` (the Turtle
 * volatility unit): budget / (ATR × pointValue); `fixed`: qty; `notional`: amount / (price × pointValue).
 */
function sizeEntry(
  plan: Plan,
  entryPrice: Decimal,
  r: Decimal,
  budget: Decimal,
  atr: Decimal | null,
): Decimal {
  const pointValue = new Decimal(plan.instrument.pointValue);
  switch (plan.sizing.method) {
    case 'risk':
      return r.isZero() ? new Decimal(0) : budget.div(r.mul(pointValue));
    case 'unit':
      if (atr === null) throw new Error('ATR is not known yet');
      return budget.div(atr.mul(pointValue));
    case 'fixed':
      return new Decimal(plan.sizing.qty);
    case 'notional':
      return new Decimal(plan.sizing.amount).div(entryPrice.mul(pointValue));
  }
}

/**
 * Why a quantity cannot be traded at `price`: below `minQty`, below `minNotional`
 * (qty × price × pointValue), or zero after lot rounding. Null when it can.
 */
export function tooSmallReason(plan: Plan, qty: Decimal, price: Decimal): string | null {
  const { minQty, minNotional, pointValue, lotStep } = plan.instrument;
  if (qty.lte(0)) return `quantity rounds down to 0 at the lot step ${lotStep}`;
  if (minQty !== undefined && qty.lt(minQty)) {
    return `quantity ${toCanonical(qty)} is below the minimum ${minQty}`;
  }
  if (minNotional !== undefined) {
    const notional = qty.mul(price).mul(pointValue);
    if (notional.lt(minNotional)) {
      return `notional ${toCanonical(notional)} (${toCanonical(qty)} × ${toCanonical(price)}) is below the minimum ${minNotional}`;
    }
  }
  return null;
}
