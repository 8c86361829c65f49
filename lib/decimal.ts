import DecimalJs from 'decimal.js';

/**
 * The one Decimal used for every price, quantity and amount in Tranche.
 * 34 significant digits (IEEE 754 decimal128): sums and products of exchange-sized
 * values are exact; only non-terminating results (averages, ATR) are ever rounded.
 */
export const Decimal = DecimalJs.clone({
  precision: 34,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});
export type Decimal = InstanceType<typeof Decimal>;

/** Canonical decimal string: no exponent, no trailing zeros ("1.50" -> "1.5", "-0" -> "0"). */
export function toCanonical(value: Decimal): string {
  if (value.isZero()) return '0';
  return value.toFixed();
}

/**
 * Print a value that may not terminate (an average, an ATR): at most 10 decimal places,
 * rounded half away from zero, trailing zeros dropped (README, "Command line").
 */
export function toPrintable(value: Decimal): string {
  return toCanonical(value.toDecimalPlaces(10, Decimal.ROUND_HALF_UP));
}

/** A decimal string such as "97123.45", "-0.5" or "1e-8" as written in a plan or by a parser. */
export const DECIMAL_PATTERN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function isDecimalString(text: string): boolean {
  return DECIMAL_PATTERN.test(text);
}
