import type { PriceConvention } from '../price';
import { readDomPrice } from './shared/dom-price';
import { readExchangeTitle } from './shared/exchange-title';
import { splitJoinedPair, splitSeparatedPair, type PageInstrument } from './shared/instrument';
import type { ReadResult, SiteAdapter } from './types';

/*
 * Sources. Titles people captured on the real pages: the spot page's older
 * `PRICE | SYMBOL | Binance Spot` (a public Jsoup scraper strips "| BTCUSDT | Binance
 * Spot" off /es/trade/BTC_USDT) and `0.003856 | PUMPU | Binance Spot` (the base alone);
 * the newer `1.217 Trade ORCA/USDC Spot | Crypto, bStocks & tCommodities`, in Korean
 * `1.217 ORCA/USDC 현물 거래 | 암호화폐, 주식 및 원자재` (no "Binance" at all), with no price
 * `Trade PAXG/USDT Spot | Crypto, bStocks & tCommodities | Binance`, and a token named in
 * Chinese rounded away, `0.00000 Trade 牛来/USDT Spot | …` (news-feed filters in public
 * repositories); futures `0.05453 | CHIPUSDT USDⓈ-Margined Perpetual Chart | Binance
 * Futures`. So the title is read by shape: its one number, and the pair (or the base
 * alone) matched against the address. The order book's ticker, `.orderbook-ticker
 * .contractPrice` (a public puppeteer scraper reads it as the current price; its sibling
 * `.markPrice` is the USD equivalent), holds the last price when the title has none.
 */

/** Binance prints `97,123.45` and `1.217` in every language (es, ko and zh titles above). */
const CONVENTION: PriceConvention = { decimal: '.' };

/** The last price at the top of the order book; its sibling `.markPrice` is a USD equivalent. */
const ORDER_BOOK_TICKER = '.orderbook-ticker .contractPrice';

/** Binance's own hosts; p2p., academy. and the like are other products. */
function isBinanceHost(url: URL): boolean {
  return url.hostname === 'www.binance.com' || url.hostname === 'binance.com';
}

/** `/en/trade/BTC_USDT`, `/trade/BTC_USDT`, `/pt-BR/trade/ETH_BRL`, `/zh-CN/trade/牛来_USDT`. */
const SPOT_PATH = /^\/(?:[a-z]{2}(?:-[A-Za-z]{2,4})?\/)?trade\/([\p{L}\p{N}]+_[A-Za-z0-9]+)\/?$/u;
/** `/en/futures/BTCUSDT` and dated contracts `/en/futures/BTCUSDT_250627` (USDⓈ-M only). */
const FUTURES_PATH =
  /^\/(?:[a-z]{2}(?:-[A-Za-z]{2,4})?\/)?futures\/([A-Z0-9]+(?:USDT|USDC|BUSD)(?:_\d{6})?)\/?$/u;

function decodedPath(url: URL): string {
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    return url.pathname;
  }
}

function spotInstrument(url: URL): PageInstrument | undefined {
  if (!isBinanceHost(url)) return undefined;
  const symbol = SPOT_PATH.exec(decodedPath(url))?.[1]?.toUpperCase();
  return symbol === undefined ? undefined : splitSeparatedPair(symbol);
}

function futuresInstrument(url: URL): PageInstrument | undefined {
  if (!isBinanceHost(url)) return undefined;
  const symbol = FUTURES_PATH.exec(url.pathname)?.[1]?.toUpperCase();
  return symbol === undefined ? undefined : splitJoinedPair(symbol);
}

/**
 * The title when it has the price, else the order book's ticker, never when the title
 * names another pair. With both on the page, the ticker's price comes along as the second
 * reading that lib/watch cross-checks the title's against.
 */
function readTradePage(root: Document, page: PageInstrument): ReadResult {
  const title = readExchangeTitle(root, { page, convention: CONVENTION });
  if (title.ok) {
    const ticker = readDomPrice(root, ORDER_BOOK_TICKER, CONVENTION);
    if (!ticker.ok) return title;
    const second = { place: 'order book', price: ticker.price, followsPointer: false } as const;
    return { ok: true, quote: { ...title.quote, second } };
  }
  if (!title.mayReadPage) return { ok: false, reason: title.reason };
  const shown = root.querySelector(ORDER_BOOK_TICKER);
  if (shown === null) {
    return {
      ok: false,
      reason: `${title.reason}; the order book ticker (${ORDER_BOOK_TICKER}) was not found either`,
    };
  }
  const ticker = readDomPrice(root, ORDER_BOOK_TICKER, CONVENTION);
  if (ticker.ok) return { ok: true, quote: { symbol: page.symbol, price: ticker.price, source: 'dom' } };
  return {
    ok: false,
    reason: `${title.reason}; the order book ticker shows "${shown.textContent?.trim() ?? ''}", no price either`,
  };
}

export const binanceSpot: SiteAdapter = {
  id: 'binance-spot',
  label: 'Binance Spot',
  matches: (url) => spotInstrument(url) !== undefined,
  urlSymbol: (url) => spotInstrument(url)?.symbol,
  read(root, url) {
    const page = spotInstrument(url);
    if (page === undefined) return { ok: false, reason: `${url.pathname} is not a Binance spot trade page` };
    return readTradePage(root, page);
  },
  watchSelector: ORDER_BOOK_TICKER,
};

export const binanceFutures: SiteAdapter = {
  id: 'binance-futures',
  label: 'Binance USDⓈ-M Futures',
  matches: (url) => futuresInstrument(url) !== undefined,
  urlSymbol: (url) => futuresInstrument(url)?.symbol,
  read(root, url) {
    const page = futuresInstrument(url);
    if (page === undefined) return { ok: false, reason: `${url.pathname} is not a Binance futures page` };
    return readTradePage(root, page);
  },
  watchSelector: ORDER_BOOK_TICKER,
};

/*
 * Fixtures stand for:
 * - https://www.binance.com/en/trade/BTC_USDT?type=spot (normal, loading, background, ticker
 *   in the DOM; title and ticker agreeing, apart, the ticker a dash), then ETH_USDT after a
 *   switch and mid-switch
 * - https://www.binance.com/ko/trade/ORCA_USDC?type=spot and the same pair in zh-CN, zh-TC,
 *   ja, ru, es, pt-BR, tr, vi, fr, de, uk-UA and ar (the newer title in each language)
 * - https://www.binance.com/en/trade/PUMPU_USDT?type=spot (the older title with the base alone)
 * - https://www.binance.com/en/trade/牛来_USDT?type=spot (a price rounded to 0.00000)
 * - https://www.binance.com/es/trade/BTC_USDT?type=spot (server-rendered)
 * - https://www.binance.com/en/futures/BTCUSDT (normal, loading, title and ticker apart), then
 *   ETHUSDT after a switch;
 *   https://www.binance.com/en/futures/CHIPUSDT and its zh-CN, ko, ru, es, ja titles
 */
