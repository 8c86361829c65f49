import { conventionForLocale, pageLocale, readExchangeTitle } from './shared/exchange-title';
import type { SiteAdapter } from './types';

/*
 * Sources: URL shapes from exchange tables and link builders in public repos:
 * https://www.coinbase.com/advanced-trade/spot/BTC-USD, a locale-prefixed
 * https://www.coinbase.com/en-it/advanced-trade/spot/RAVE-USD, and the older
 * https://www.coinbase.com/advanced-trade/BTC-USD. The path's product id (BTC-USD) is the
 * symbol. No public source pins the tab title's wording, so the title is read by content
 * (one unsigned number, pairs that agree with the URL), like OKX; the DOM is not read.
 */

function isCoinbaseHost(url: URL): boolean {
  return url.hostname === 'www.coinbase.com' || url.hostname === 'coinbase.com';
}

/** `/advanced-trade/spot/BTC-USD`, `/en-it/advanced-trade/spot/…`, `/advanced-trade/perpetuals/BTC-PERP-INTX`. */
const TRADE_PATH =
  /^\/(?:([a-z]{2}(?:-[A-Za-z]{2,4})?)\/)?advanced-trade\/(?:(?:spot|perpetuals|futures)\/)?([A-Za-z0-9]+-[A-Za-z0-9]+(?:-[A-Za-z0-9]+)?)\/?$/;

function pageOf(url: URL): { symbol: string; locale: string | undefined } | undefined {
  if (!isCoinbaseHost(url)) return undefined;
  const match = TRADE_PATH.exec(url.pathname);
  if (match?.[2] === undefined) return undefined;
  return { symbol: match[2].toUpperCase(), locale: match[1] };
}

export const coinbase: SiteAdapter = {
  id: 'coinbase',
  label: 'Coinbase Advanced',
  matches: (url) => pageOf(url) !== undefined,
  urlSymbol: (url) => pageOf(url)?.symbol,
  read(root, url) {
    const page = pageOf(url);
    if (page === undefined)
      return { ok: false, reason: `${url.pathname} is not a Coinbase Advanced trade page` };
    return readExchangeTitle(root, {
      urlSymbol: page.symbol,
      convention: conventionForLocale(pageLocale(root, page.locale)),
    });
  },
};

/*
 * Fixtures stand for:
 * - https://www.coinbase.com/advanced-trade/spot/BTC-USD (normal, loading), then ETH-USD after a switch
 */
