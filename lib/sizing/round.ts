import { Decimal } from '../decimal';
import type { Side } from '../plan/schema';

/** Prices are multiples of the instrument's tick size; quantities of its lot step. */
type Rounding = 'nearest' | 'up' | 'down';

function toStep(value: Decimal, step: Decimal, rounding: Rounding): Decimal {
  const mode = { nearest: Decimal.ROUND_HALF_UP, up: Decimal.ROUND_CEIL, down: Decimal.ROUND_FLOOR }[
    rounding
  ];
  return value.div(step).toDecimalPlaces(0, mode).mul(step);
}

/** Entry and add levels: the nearest tick, ties away from zero. */
export function roundLevel(price: Decimal, tickSize: Decimal): Decimal {
  return toStep(price, tickSize, 'nearest');
}

/** Stops round toward safety: a long's stop up (less loss), a short's down. */
export function roundStop(price: Decimal, tickSize: Decimal, side: Side): Decimal {
  return toStep(price, tickSize, side === 'long' ? 'up' : 'down');
}

/** Targets round toward the entry: a long's down, a short's up. */
export function roundTarget(price: Decimal, tickSize: Decimal, side: Side): Decimal {
  return toStep(price, tickSize, side === 'long' ? 'down' : 'up');
}

/** Quantities round DOWN to the lot step: never more than the plan allows. */
export function roundQty(qty: Decimal, lotStep: Decimal): Decimal {
  return toStep(qty, lotStep, 'down');
}
