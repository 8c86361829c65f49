import { Decimal, DECIMAL_PATTERN } from './decimal';

/**
 * The input limits every number in a plan file or a data file obeys (plan format, "Input
 * limits"): a magnitude between 1e-12 and 1e15, or 0 where the field allows it, with at
 * most 18 decimal places. Within them every sum and product the engine forms fits the 34
 * significant digits of lib/decimal.ts, so no value overflows or underflows and no count
 * runs away. Text is judged before any arithmetic: "1e9999999999" is refused, not computed.
 */
export const SMALLEST_NUMBER = '0.000000000001';
export const LARGEST_NUMBER = '1000000000000000';
export const MAX_DECIMAL_PLACES = 18;

/** Longer than any number within the limits can be written (34 digits, a sign, a point, an exponent). */
const MAX_NUMBER_CHARS = 64;
const SMALLEST = new Decimal(SMALLEST_NUMBER);
const LARGEST = new Decimal(LARGEST_NUMBER);

export type NumberRead =
  | { readonly ok: true; readonly value: Decimal }
  | {
      readonly ok: false;
      readonly reason: 'not-a-number' | 'zero' | 'too-large' | 'too-small' | 'too-precise';
    };

/** A number's text within the limits (`isZeroAllowed` for fields where 0 means something). */
export function readLimitedNumber(text: string, isZeroAllowed: boolean): NumberRead {
  if (text.length > MAX_NUMBER_CHARS || !DECIMAL_PATTERN.test(text))
    return { ok: false, reason: 'not-a-number' };
  const value = new Decimal(text);
  if (value.isZero()) return isZeroAllowed ? { ok: true, value } : { ok: false, reason: 'zero' };
  const magnitude = value.abs();
  if (magnitude.gt(LARGEST)) return { ok: false, reason: 'too-large' };
  if (magnitude.lt(SMALLEST)) return { ok: false, reason: 'too-small' };
  if (value.decimalPlaces() > MAX_DECIMAL_PLACES) return { ok: false, reason: 'too-precise' };
  return { ok: true, value };
}

/** What a refused number's message says after naming the value. */
export function limitWords(reason: Exclude<NumberRead, { ok: true }>['reason']): string {
  switch (reason) {
    case 'not-a-number':
      return 'is not a number';
    case 'zero':
      return 'must be greater than 0';
    case 'too-large':
      return `is above ${LARGEST_NUMBER} (1e15), the largest number Tranche reads`;
    case 'too-small':
      return `is below ${SMALLEST_NUMBER} (1e-12), the smallest number Tranche reads`;
    case 'too-precise':
      return `has more than ${MAX_DECIMAL_PLACES} decimal places`;
  }
}

/** A value quoted in a message, cut short: a megabyte of digits is not repeated back. */
export function quoted(text: string): string {
  return JSON.stringify(text.length > 32 ? `${text.slice(0, 32)}…` : text);
}
