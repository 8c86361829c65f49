import { Decimal, toCanonical } from '../decimal';
import type { PriceConvention } from '../price';
import { parsePrice } from '../price';
import { scanNumber, subscriptValue } from '../price/scan';

/** `0.0₄123`: the subscript counts the zeros after the decimal mark. */
const SUBSCRIPT_FRACTION = /^0[.,]0([₀-₉]+)(\d+)$/u;

/**
 * The tick size a price shows when no table knows the instrument: one unit of its last
 * decimal place, trailing zeros included, since a page or a signal prints every price at
 * the instrument's precision (`61,293.4` → 0.1, `0.5120` → 0.0001, `97 123` → 1,
 * `0.0₄123` → 0.0000001). Undefined when the text is not exactly one price, or could be
 * read two ways and no convention settles it (`1,234`), or is abbreviated (`59.4K`).
 */
export function tickSizeFromShown(shown: string, convention?: PriceConvention): string | undefined {
  // parsePrice refuses what is no price here too: `59.4K` is rounded for reading, 0 is none.
  const read = parsePrice(shown, convention);
  if (!read.ok) return undefined;
  const { core } = scanNumber(shown);
  const subscript = SUBSCRIPT_FRACTION.exec(core);
  const places = subscript
    ? subscriptValue(subscript[1] ?? '') + (subscript[2] ?? '').length
    : decimalPlacesShown(core, shown, read.value, convention);
  return toCanonical(new Decimal(10).pow(-places));
}

/** Digits after the decimal mark as printed: the mark is the separator whose reading gives the value. */
function decimalPlacesShown(
  core: string,
  shown: string,
  value: string,
  convention: PriceConvention | undefined,
): number {
  const mark =
    convention?.decimal ??
    (['.', ','] as const).find((candidate) => {
      const reading = parsePrice(shown, { decimal: candidate });
      return core.includes(candidate) && reading.ok && reading.value === value;
    });
  if (mark === undefined || !core.includes(mark)) return 0;
  return core.length - core.lastIndexOf(mark) - 1;
}

/**
 * The lot step to use when no table knows the instrument: the power of ten closest below
 * one quote-currency unit's worth of the coin, never coarser than 1. At 61,000 that is
 * 0.00001 (one lot ≈ 0.61), at 150 it is 0.001, at 0.5 and below it is 1. Fine enough that
 * risk sizing loses less than one quote unit per tranche to rounding, and as fine as or finer
 * than what most exchanges allow, so the trader only ever coarsens it.
 */
export function defaultLotStep(priceInQuote: string): string {
  const unitsPerQuote = new Decimal(1).div(priceInQuote);
  return toCanonical(new Decimal(10).pow(Math.min(0, unitsPerQuote.e)));
}
