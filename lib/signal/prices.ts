import { Decimal, toCanonical } from '../decimal';
import { tickSizeFromShown } from '../instruments/fallback';
import type { DecimalMark } from '../price';
import { parsePrice } from '../price';

/** A price of the signal: its value, and the text it was read from (for its decimals). */
export interface WrittenPrice {
  readonly value: string;
  readonly shown: string;
}

export type PricesRead =
  { readonly ok: true; readonly prices: WrittenPrice[] } | { readonly ok: false; readonly reason: string };

/**
 * The plan's number limits (docs/plan-format.md#numbers-and-limits): every number between
 * 1e-12 and 1e15, at most 18 decimal places.
 */
const SMALLEST = new Decimal('1e-12');
const LARGEST = new Decimal('1e15');
const MAX_DECIMAL_PLACES = 18;

function withinLimits(value: string): boolean {
  const decimal = new Decimal(value);
  return decimal.gte(SMALLEST) && decimal.lte(LARGEST) && decimal.decimalPlaces() <= MAX_DECIMAL_PLACES;
}

/**
 * The prices a written number holds, read through lib/price with the text's decimal mark.
 * `0.55,0.60` (a list typed without a space) is two prices when only its parts read.
 */
export function readWritten(raw: string, mark: DecimalMark): PricesRead {
  const whole = parsePrice(raw, { decimal: mark });
  const parts = whole.ok ? [raw] : raw.split(mark === '.' ? ',' : '.');
  const reads = parts.map((part) => ({ part, read: parsePrice(part, { decimal: mark }) }));
  if (!whole.ok && (parts.length < 2 || reads.some(({ read }) => !read.ok))) {
    return { ok: false, reason: `"${raw}" is not a price: ${whole.reason}` };
  }
  const prices: WrittenPrice[] = [];
  for (const { part, read } of reads) {
    if (!read.ok) return { ok: false, reason: `"${raw}" is not a price: ${read.reason}` };
    if (!withinLimits(read.value)) {
      return {
        ok: false,
        reason: `"${raw}" is not a price Tranche can use: prices lie between 0.000000000001 and 1000000000000000, with at most 18 decimals`,
      };
    }
    prices.push({ value: read.value, shown: part });
  }
  return { ok: true, prices };
}

/**
 * The tick the signal's prices imply: one unit of the finest decimal place written
 * (`0.5120` and `0.498` → 0.0001), as the exchange page shows its prices.
 */
export function tickFromWritten(prices: readonly WrittenPrice[], mark: DecimalMark): string | undefined {
  let finest: Decimal | undefined;
  for (const price of prices) {
    const tick = tickSizeFromShown(price.shown, { decimal: mark });
    if (tick !== undefined && (finest === undefined || finest.gt(tick))) finest = new Decimal(tick);
  }
  return finest === undefined ? undefined : toCanonical(finest);
}
