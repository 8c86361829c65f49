import { isSecurePage, unreadableAddressReason } from './address';
import { binanceFutures, binanceSpot } from './binance';
import { bybit } from './bybit';
import { coinbase } from './coinbase';
import { kraken } from './kraken';
import { okx } from './okx';
import { titleAdapter } from './title';
import { tradingView } from './tradingview';
import type { Quote, SiteAdapter } from './types';

export { readPicked, buildSelector } from './picker';
export { normalizeSymbol, isSameSymbol } from './symbol';

/**
 * Every adapter, site adapters first. The generic title reader comes last and matches
 * any web page, so it is what a page no site adapter claims falls back to.
 */
export const ADAPTERS: readonly SiteAdapter[] = [
  tradingView,
  binanceSpot,
  binanceFutures,
  bybit,
  okx,
  coinbase,
  kraken,
  titleAdapter,
];

export type QuoteReading =
  { ok: true; quote: Quote; adapterId: string } | { ok: false; reason: string; adapterId?: string };

/**
 * The adapter that reads pages at this URL: the first site adapter that claims it, else
 * the title reader. None for a page that is not https: the supported sites are served
 * over https, and a page on plain http could have been altered on its way.
 */
export function findAdapter(url: URL): SiteAdapter | undefined {
  if (!isSecurePage(url)) return undefined;
  return ADAPTERS.find((adapter) => adapter.matches(url));
}

export function adapterById(id: string): SiteAdapter | undefined {
  return ADAPTERS.find((adapter) => adapter.id === id);
}

/** What the page at `url` shows: its symbol and last price, or why it shows none. */
export function readQuote(root: Document, url: URL): QuoteReading {
  const adapter = findAdapter(url);
  if (adapter === undefined) return { ok: false, reason: unreadableAddressReason(url) };
  try {
    const result = adapter.read(root, url);
    return result.ok
      ? { ok: true, quote: result.quote, adapterId: adapter.id }
      : { ok: false, reason: result.reason, adapterId: adapter.id };
  } catch (error) {
    // A page in a state no fixture foresaw must cost one reading, not the content script.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `${adapter.id} could not read the page: ${message}`, adapterId: adapter.id };
  }
}
