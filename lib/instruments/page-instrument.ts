import { defaultLotStep, tickSizeFromShown } from './fallback';
import type { InstrumentSpec } from './table';
import { findInstrument } from './table';

/** Where a quick plan's exchange steps come from, so that the form can say what to check. */
export type InstrumentSource = 'table' | 'price' | 'none';

/**
 * The tick size, lot step and minimums for a plan made on a page: the instrument table's
 * for the page's venue and symbol, else the tick from the decimals of the last price and
 * the default lot step (docs/plan-format.md#instrument), else nothing (no price yet). The
 * trader can edit every value.
 */
export function instrumentForPage(
  venue: string,
  symbol: string,
  lastPrice: string | null,
): { readonly spec: InstrumentSpec | null; readonly source: InstrumentSource } {
  const known = findInstrument(venue, symbol);
  if (known !== undefined) return { spec: known, source: 'table' };
  const tickSize = lastPrice === null ? undefined : tickSizeFromShown(lastPrice, { decimal: '.' });
  if (lastPrice === null || tickSize === undefined) return { spec: null, source: 'none' };
  return { spec: { tickSize, lotStep: defaultLotStep(lastPrice) }, source: 'price' };
}
