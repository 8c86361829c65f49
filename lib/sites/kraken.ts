import { pageConvention, readTitleQuote } from './shared/exchange-title';
import { splitSeparatedPair, type PageInstrument } from './shared/instrument';
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

function instrumentOf(url: URL): PageInstrument | undefined {
  if (!isKrakenProHost(url)) return undefined;
  const symbol = TRADE_PATH.exec(url.pathname)?.[1]?.toUpperCase();
  return symbol === undefined ? undefined : splitSeparatedPair(symbol);
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
  matches: (url) => instrumentOf(url) !== undefined,
  urlSymbol: (url) => instrumentOf(url)?.symbol,
  read(root, url) {
    const page = instrumentOf(url);
    if (page === undefined) return { ok: false, reason: `${url.pathname} is not a Kraken Pro trade page` };
    return readTitleQuote(root, {
      page,
      convention: pageConvention(root, undefined),
      isSameInstrument: (titlePair, instrument) =>
        canonicalPair(titlePair) === canonicalPair(`${instrument.base}-${instrument.quote}`),
    });
  },
};

/*
 * Fixtures stand for:
 * - https://pro.kraken.com/app/trade/btc-usd (normal, loading, the legacy XBT title), then
 *   /app/trade/eth-usd after a switch and without <html lang>
 * - https://pro.kraken.com/app/trade/eth-eur (de, fr), /sol-eur (es), /btc-eur (it), /btc-jpy (ja)
 */
