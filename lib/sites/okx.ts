import { conventionForLocale, pageLocale, readExchangeTitle } from './shared/exchange-title';
import { normalizeSymbol } from './symbol';
import type { SiteAdapter } from './types';

/*
 * Sources: URL shapes from public link builders and alert bots
 * (https://www.okx.com/trade-spot/BTC-USDT, /ru/trade-spot/…, /trade-swap/btc-usdt-swap).
 * The path carries OKX's instrument id, which is the symbol the quote reports. No public
 * source pins the tab title's wording, so the title is read by its content, not a fixed
 * layout: exactly one unsigned number (the last price; percentages and signed changes are
 * skipped) and every pair it names must be the URL's instrument. No public source names a
 * stable attribute on the price node, so the DOM is not read.
 */

function isOkxHost(url: URL): boolean {
  return url.hostname === 'okx.com' || url.hostname.endsWith('.okx.com');
}

/** `/trade-spot/btc-usdt`, `/en/trade-swap/btc-usdt-swap`, `/trade-futures/btc-usd-250627`. */
const TRADE_PATH =
  /^\/(?:([a-z]{2}(?:-[A-Za-z]{2,4})?)\/)?trade-(?:spot|swap|futures|margin)\/([A-Za-z0-9]+-[A-Za-z0-9]+(?:-[A-Za-z0-9]+)?)\/?$/;

function pageOf(url: URL): { symbol: string; locale: string | undefined } | undefined {
  if (!isOkxHost(url)) return undefined;
  const match = TRADE_PATH.exec(url.pathname);
  if (match?.[2] === undefined) return undefined;
  return { symbol: match[2].toUpperCase(), locale: match[1] };
}

/**
 * The pair without its contract suffix: a swap page's title may print BTC-USDT-SWAP,
 * BTCUSDT or BTC/USDT for the instrument BTC-USDT-SWAP.
 */
function pairCore(symbol: string): string {
  return normalizeSymbol(symbol.replace(/[-_](?:SWAP|\d{6})$/i, ''));
}

export const okx: SiteAdapter = {
  id: 'okx',
  label: 'OKX',
  matches: (url) => pageOf(url) !== undefined,
  urlSymbol: (url) => pageOf(url)?.symbol,
  read(root, url) {
    const page = pageOf(url);
    if (page === undefined) return { ok: false, reason: `${url.pathname} is not an OKX trade page` };
    return readExchangeTitle(root, {
      urlSymbol: page.symbol,
      convention: conventionForLocale(pageLocale(root, page.locale)),
      isSameInstrument: (titlePair, urlSymbol) => pairCore(titlePair) === pairCore(urlSymbol),
    });
  },
};

/*
 * Fixtures stand for:
 * - https://www.okx.com/trade-spot/btc-usdt (normal, loading), then /trade-spot/eth-usdt after a switch
 * - https://www.okx.com/trade-swap/btc-usdt-swap (perpetual swap)
 */
