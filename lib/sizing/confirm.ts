import { Decimal, isDecimalString, toCanonical } from '../decimal';

/**
 * A fill the trader typed (price and quantity, prefilled with the suggestion). The price
 * may be off the tick (an average fill); the quantity must be a multiple of the lot step.
 */
export type ConfirmationCheck =
  { ok: true; price: string; qty: string } | { ok: false; field: 'price' | 'qty'; message: string };

export function checkConfirmation(
  input: { price: string; qty: string },
  limits: { lotStep: string; maxQty?: string | null },
): ConfirmationCheck {
  const price = input.price.trim().replace(/,/g, '');
  const qty = input.qty.trim().replace(/,/g, '');
  if (!isDecimalString(price) || !new Decimal(price).gt(0)) {
    return { ok: false, field: 'price', message: `Price "${input.price}" is not a number above 0` };
  }
  if (!isDecimalString(qty) || !new Decimal(qty).gt(0)) {
    return { ok: false, field: 'qty', message: `Quantity "${input.qty}" is not a number above 0` };
  }
  if (!new Decimal(qty).mod(limits.lotStep).isZero()) {
    return {
      ok: false,
      field: 'qty',
      message: `Quantity "${qty}" is not a multiple of the lot step "${limits.lotStep}"`,
    };
  }
  if (limits.maxQty && new Decimal(qty).gt(limits.maxQty)) {
    return {
      ok: false,
      field: 'qty',
      message: `Quantity "${qty}" exceeds the most this tranche can fill, "${limits.maxQty}"`,
    };
  }
  return { ok: true, price: toCanonical(new Decimal(price)), qty: toCanonical(new Decimal(qty)) };
}
