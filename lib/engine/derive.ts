import { Decimal, toCanonical } from '../decimal';
import type { Plan } from '../plan/schema';
import { riskBudget, sizeEntry } from '../sizing/entry-size';
import { levelFrom, stopFrom } from '../sizing/measure';
import { roundLevel, roundQty, roundTarget } from '../sizing/round';
import type { Derived } from './types';

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

/**
 * The values fixed for the trade (plan format, "R", `sizing`, "Rounding"): R from the
 * planned entry and the stop computed from it, the entry quantity from the sizing method,
 * target and activation levels from the planned entry, rounded toward it.
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
