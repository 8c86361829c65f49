import type { DecimalMark } from '../price';
import { isReadablePickedPage, unreadableAddressReason } from '../sites/address';
import { readPicked } from '../sites/picker';
import { readQuote } from '../sites/registry';
import { readGenericTitle } from '../sites/title';
import { pageVenue } from '../sites/page-identity';
import type { PageRead } from './page-watch';

/** A read of the page, with where on it the price was found (it decides what to observe). */
export type ContentRead =
  (Extract<PageRead, { ok: true }> & { readonly from: 'title' | 'dom' }) | Extract<PageRead, { ok: false }>;

/** The element the trader picked on this origin (from the background's watch config). */
export interface PickedElement {
  readonly selector: string;
  /** The symbol the trader confirmed; null: the page title names it. */
  readonly symbol: string | null;
  /** The decimal mark the trader confirmed for an ambiguous number; null: none needed. */
  readonly decimalMark: DecimalMark | null;
}

/** The source of ticks read from a picked element. */
export const PICKER_SOURCE = 'picker';

/**
 * Read a page's symbol and price: the picked element when the trader picked one on this
 * origin, else the site adapter for the URL (the generic title reader when none claims it).
 * Pages no site adapter knows are traded on a venue named by their host.
 */
export function readPage(root: Document, url: URL, picked: PickedElement | null): ContentRead {
  if (picked !== null) return readPickedPage(root, url, picked);
  const reading = readQuote(root, url);
  if (!reading.ok) return { ok: false, reason: reading.reason };
  const { quote } = reading;
  return {
    ok: true,
    venue: pageVenue(url, false),
    symbol: quote.symbol,
    price: quote.price,
    source: reading.adapterId,
    from: quote.source,
    // An adapter gives a second price only beside the title's (lib/sites/types).
    pair: quote.second && { first: { place: 'title', price: quote.price }, second: quote.second },
  };
}

function readPickedPage(root: Document, url: URL, picked: PickedElement): ContentRead {
  if (!isReadablePickedPage(url)) return { ok: false, reason: unreadableAddressReason(url) };
  const reading = readPicked(
    root,
    picked.selector,
    picked.decimalMark === null ? undefined : { decimal: picked.decimalMark },
  );
  if (!reading.ok) return reading;
  const symbol = picked.symbol ?? titleSymbol(root);
  if (symbol === null) {
    return { ok: false, reason: `the picked price has no symbol: the title "${root.title}" names none` };
  }
  return {
    ok: true,
    venue: pageVenue(url, true),
    symbol,
    price: reading.price,
    source: PICKER_SOURCE,
    from: 'dom',
  };
}

/** The symbol a page title names next to its price, for picked pages that were not given one. */
export function titleSymbol(root: Document): string | null {
  const reading = readGenericTitle(root);
  return reading.ok ? reading.quote.symbol : null;
}
