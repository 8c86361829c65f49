import { Decimal } from '../decimal';
import type { Plan } from '../plan/schema';

/** Risk budget in money: equity × riskPercent / 100, or riskAmount (plan format, "R"). */
export function riskBudget(plan: Plan): Decimal {
  const { riskAmount, riskPercent, equity } = plan.account;
  if (riskAmount !== undefined) return new Decimal(riskAmount);
  return new Decimal(equity ?? '0').mul(riskPercent ?? '0').div(100);
}

/**
 * The entry quantity before lot rounding (plan format, `sizing`). `risk`: budget / (R ×
 * pointValue); `unit` (the Turtle volatility unit): budget / (ATR × pointValue); `fixed`:
 * qty; `notional`: amount / (price × pointValue).
 */
export function sizeEntry(
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
