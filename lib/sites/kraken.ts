import { conventionForLocale, pageLocale, readExchangeTitle } from './shared/exchange-title';
import { normalizeSymbol } from './symbol';
import type { SiteAdapter } from './types';

/*
 * Sources: URL shapes from public link builders (https://pro.kraken.com/app/trade/btc-usd,
 * …/app/trade/XTZ-USD, and …/app/trade/margin-btc-usd for margin). The public "Kraken Pro
 * Trade Helper" userscript shows the app's DOM is utility classes (`text-ds-labelMono3`)
 * and form inputs (`[id^="price-"]` is the order form's price, not the last trade), so
 * there is no stable node for the last price and only the title is read, by content, like
 * OKX. The app has no locale in its URL: `<html lang>` tells the number convention.
 */

function isKrakenProHost(url: URL): boolean {
  return url.hostname === 'pro.kraken.com';
}

/** `/app/trade/btc-usd`, `/app/trade/margin-btc-usd`. */
const TRADE_PATH = /^\/app\/trade\/(?:margin-)?([A-Za-z0-9]+-[A-Za-z0-9]+)\/?$/;

/** Kraken's legacy asset codes, which older titles may still print. */
const ALIASES: Readonly<Record<string, string>> = { XBT: 'BTC', XDG: 'DOGE' };

function pageSymbol(url: URL): string | undefined {
  if (!isKrakenProHost(url)) return undefined;
  return TRADE_PATH.exec(url.pathname)?.[1]?.toUpperCase();
}

function canonicalPair(symbol: string): string {
  const parts = symbol
    .toUpperCase()
    .split(/[-/_]/)
    .map((part) => ALIASES[part] ?? part);
  let joined = normalizeSymbol(parts.join(''));
  for (const [legacy, current] of Object.entries(ALIASES)) {
    if (joined.startsWith(legacy)) joined = current + joined.slice(legacy.length);
  }
  return joined;
}

export const kraken: SiteAdapter = {
  id: 'kraken',
  label: 'Kraken Pro',
  matches: (url) => pageSymbol(url) !== undefined,
  urlSymbol: pageSymbol,
  read(root, url) {
    const urlSymbol = pageSymbol(url);
    if (urlSymbol === undefined)
      return { ok: false, reason: `${url.pathname} is not a Kraken Pro trade page` };
    return readExchangeTitle(root, {
      urlSymbol,
      convention: conventionForLocale(pageLocale(root, undefined)),
      isSameInstrument: (titlePair, symbol) => canonicalPair(titlePair) === canonicalPair(symbol),
    });
  },
};

/*
 * Fixtures stand for:
 * - https://pro.kraken.com/app/trade/btc-usd (normal, loading), then /app/trade/eth-usd after a switch
 */
