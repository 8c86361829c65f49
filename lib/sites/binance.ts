import type { PriceConvention } from '../price';
import { readExchangeTitle } from './shared/exchange-title';
import type { SiteAdapter } from './types';

/*
 * Sources: the trade page title `PRICE | SYMBOL | Binance Spot` is what a public Jsoup
 * scraper strips to get the price (`priceString.replace("| BTCUSDT | Binance Spot", "")`
 * on https://www.binance.com/es/trade/BTC_USDT?type=spot); the futures page keeps the
 * same `PRICE | SYMBOL | Binance …` shape (issue 3). URL shapes: link builders in public
 * repos use /en/trade/XTZ_USDT, /ru/trade/BTC_USDT?type=spot and /en/futures/BTCUSDT.
 * The DOM price (`.showPrice` inside `.nowPrice`, next to the fiat `.subPrice`) is not
 * read: it does not name its pair, so after a switch it could not be checked.
 */

/** Binance prints `97,123.45` whatever the page's language (the /es/ title parses as is). */
const CONVENTION: PriceConvention = { decimal: '.' };

/** Binance's own hosts; p2p., academy. and the like are other products. */
function isBinanceHost(url: URL): boolean {
  return url.hostname === 'www.binance.com' || url.hostname === 'binance.com';
}

/** `/en/trade/BTC_USDT`, `/trade/BTC_USDT`, `/pt-BR/trade/BTC_USDT`. */
const SPOT_PATH = /^\/(?:[a-z]{2}(?:-[A-Za-z]{2,4})?\/)?trade\/([A-Za-z0-9]+_[A-Za-z0-9]+)\/?$/;
/** `/en/futures/BTCUSDT` and dated contracts `/en/futures/BTCUSDT_250627` (USDⓈ-M only). */
const FUTURES_PATH =
  /^\/(?:[a-z]{2}(?:-[A-Za-z]{2,4})?\/)?futures\/([A-Z0-9]+(?:USDT|USDC|BUSD)(?:_\d{6})?)\/?$/;

function pathSymbol(url: URL, path: RegExp): string | undefined {
  if (!isBinanceHost(url)) return undefined;
  return path.exec(url.pathname)?.[1]?.toUpperCase();
}

export const binanceSpot: SiteAdapter = {
  id: 'binance-spot',
  label: 'Binance Spot',
  matches: (url) => pathSymbol(url, SPOT_PATH) !== undefined,
  urlSymbol: (url) => pathSymbol(url, SPOT_PATH),
  read(root, url) {
    const urlSymbol = pathSymbol(url, SPOT_PATH);
    if (urlSymbol === undefined)
      return { ok: false, reason: `${url.pathname} is not a Binance spot trade page` };
    return readExchangeTitle(root, { urlSymbol, convention: CONVENTION });
  },
};

export const binanceFutures: SiteAdapter = {
  id: 'binance-futures',
  label: 'Binance USDⓈ-M Futures',
  matches: (url) => pathSymbol(url, FUTURES_PATH) !== undefined,
  urlSymbol: (url) => pathSymbol(url, FUTURES_PATH),
  read(root, url) {
    const urlSymbol = pathSymbol(url, FUTURES_PATH);
    if (urlSymbol === undefined)
      return { ok: false, reason: `${url.pathname} is not a Binance futures page` };
    return readExchangeTitle(root, { urlSymbol, convention: CONVENTION });
  },
};

/*
 * Fixtures stand for:
 * - https://www.binance.com/en/trade/BTC_USDT?type=spot (normal, loading), then ETH_USDT after a switch
 * - https://www.binance.com/en/futures/BTCUSDT (normal, loading), then ETHUSDT after a switch
 */
