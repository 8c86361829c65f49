import { findAdapter } from './registry';
import { titleAdapter } from './title';

/*
 * What a page's address says about the prices read on it: its venue, and its symbol when
 * the address names one. The content script names its ticks by these, and the background
 * checks every tick and stale report against them, from the address the browser stamped on
 * the message (docs/page-reading.md#symbols: a tick's venue is the one its page's address belongs to).
 */

/** "127.0.0.1:8123", "exchange.example": the venue of a page no site adapter knows. */
export function hostVenue(url: URL): string {
  return url.host.toLowerCase();
}

/**
 * The venue of the page at `url`: the site adapter that claims the address, else its host
 * (a page only the title reader reads, or one whose price the trader picked).
 */
export function pageVenue(url: URL, isPicked: boolean): string {
  if (isPicked) return hostVenue(url);
  const adapter = findAdapter(url);
  return adapter === undefined || adapter.id === titleAdapter.id ? hostVenue(url) : adapter.id;
}

/**
 * The symbol every price on the page at `url` is for, when the page settles it: the one
 * the trader confirmed for a picked element, else the one the address names. Undefined
 * when the page's title names it (a chart without `?symbol=`, a title-read page).
 */
export function pageSymbol(url: URL, picked: { readonly symbol: string | null } | null): string | undefined {
  if (picked !== null) return picked.symbol ?? undefined;
  return findAdapter(url)?.urlSymbol?.(url);
}
