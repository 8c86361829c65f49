import { Decimal, toCanonical } from '../decimal';
import type { Plan } from '../plan/schema';

/**
 * Why a quantity cannot be traded at a price (plan format, `sizing`: a tranche below
 * `minQty` or `minNotional` is reported as too small, never silently dropped): nothing left
 * after lot rounding, below the minimum quantity, or a notional (qty × price × pointValue)
 * below the minimum notional. Data, not words: lib/words says it.
 */
export type TooSmall =
  | { readonly why: 'zero'; readonly lotStep: string }
  | { readonly why: 'min-qty'; readonly qty: string; readonly minQty: string }
  | {
      readonly why: 'min-notional';
      readonly qty: string;
      readonly price: string;
      readonly notional: string;
      readonly minNotional: string;
    };

/** Null when the quantity can be traded at `price`. */
export function tooSmall(plan: Plan, qty: Decimal, price: Decimal): TooSmall | null {
  const { minQty, minNotional, pointValue, lotStep } = plan.instrument;
  if (qty.lte(0)) return { why: 'zero', lotStep };
  if (minQty !== undefined && qty.lt(minQty)) return { why: 'min-qty', qty: toCanonical(qty), minQty };
  if (minNotional !== undefined) {
    const notional = new Decimal(qty).mul(price).mul(pointValue);
    if (notional.lt(minNotional)) {
      return {
        why: 'min-notional',
        qty: toCanonical(qty),
        price: toCanonical(price),
        notional: toCanonical(notional),
        minNotional,
      };
    }
  }
  return null;
}
