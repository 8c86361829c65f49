import { pageConvention, readTitleQuote } from './shared/exchange-title';
import { splitSeparatedPair, type PageInstrument } from './shared/instrument';
import type { SiteAdapter } from './types';

/*
 * Sources: URL shapes from exchange tables and link builders in public repos:
 * https://www.coinbase.com/advanced-trade/spot/BTC-USD, a locale-prefixed
 * https://www.coinbase.com/en-it/advanced-trade/spot/RAVE-USD, and the older
 * https://www.coinbase.com/advanced-trade/BTC-USD. The path's product id (BTC-USD) is the
 * symbol. No public source pins the tab title's wording, so the title is read by shape
 * (its one number, the pair matched against the URL's), like OKX; the DOM is not read.
 * Numbers follow the page's language (the locale in the path, else `<html lang>`).
 */

function isCoinbaseHost(url: URL): boolean {
  return url.hostname === 'www.coinbase.com' || url.hostname === 'coinbase.com';
}

/** `/advanced-trade/spot/BTC-USD`, `/en-it/advanced-trade/spot/…`, `/advanced-trade/perpetuals/BTC-PERP-INTX`. */
const TRADE_PATH =
  /^\/(?:([a-z]{2}(?:-[A-Za-z]{2,4})?)\/)?advanced-trade\/(?:(?:spot|perpetuals|futures)\/)?([A-Za-z0-9]+-[A-Za-z0-9]+(?:-[A-Za-z0-9]+)?)\/?$/;

function pageOf(url: URL): { instrument: PageInstrument; locale: string | undefined } | undefined {
  if (!isCoinbaseHost(url)) return undefined;
  const match = TRADE_PATH.exec(url.pathname);
  const instrument = match?.[2] === undefined ? undefined : splitSeparatedPair(match[2].toUpperCase());
  return instrument === undefined ? undefined : { instrument, locale: match?.[1] };
}

export const coinbase: SiteAdapter = {
  id: 'coinbase',
  label: 'Coinbase Advanced',
  matches: (url) => pageOf(url) !== undefined,
  urlSymbol: (url) => pageOf(url)?.instrument.symbol,
  read(root, url) {
    const page = pageOf(url);
    if (page === undefined)
      return { ok: false, reason: `${url.pathname} is not a Coinbase Advanced trade page` };
    return readTitleQuote(root, { page: page.instrument, convention: pageConvention(root, page.locale) });
  },
};

/*
 * Fixtures stand for:
 * - https://www.coinbase.com/advanced-trade/spot/BTC-USD (normal, loading), then ETH-USD after a switch
 * - https://www.coinbase.com/fr-fr/advanced-trade/spot/BTC-EUR, …/de-de/…/ETH-EUR, …/es-es/…/SOL-EUR,
 *   …/it-it/…/BTC-EUR, …/pt-br/…/ETH-BRL and …/ja-jp/…/BTC-JPY (numbers as each language writes them)
 */
