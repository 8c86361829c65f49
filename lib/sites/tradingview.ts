import { looksLikeChange, looksNumeric, parsePrice } from '../price';
import type { PriceConvention } from '../price';
import { readDomPrice } from './shared/dom-price';
import { splitWords, stripCounter } from './shared/title-words';
import { isSameSymbol } from './symbol';
import type { ReadResult, SiteAdapter } from './types';

/*
 * Sources: the chart title form `SYMBOL PRICE ▲|▼ ±CHANGE% LAYOUT` and the symbol-page
 * selectors come from issue 3; TradingView prints its change with U+2212 and prices with
 * "." decimals, as the saved tradingview.com/markets page shows ("3788.39", "−0.35%").
 * Public scrapers (e.g. silasoli/tradingview-webscraping, vaibhav4k/Ticker-Pulse) read
 * the symbol pages by hashed class names, which is why the stable data-qa-id comes first.
 */

/** TradingView writes `97,123.45` on every locale's site. */
const CONVENTION: PriceConvention = { decimal: '.' };

/** The last price in a symbol page's header; a stable test id. */
const SYMBOL_LAST_VALUE = '[data-qa-id="symbol-last-value"]';
/** Older symbol pages and widgets mark the last price with this behaviour class. */
const SYMBOL_LAST_CLASS = '.js-symbol-last';

const ARROW_ONLY = /^[▲▼]$/u;

function isTradingViewHost(url: URL): boolean {
  return url.hostname === 'tradingview.com' || url.hostname.endsWith('.tradingview.com');
}

function isChartPath(url: URL): boolean {
  return /^\/chart(?:\/|$)/.test(url.pathname);
}

function symbolPageSegment(url: URL): string | undefined {
  return /^\/symbols\/([^/]+)/.exec(url.pathname)?.[1];
}

/**
 * A chart title is `SYMBOL PRICE [▲|▼] ±CHANGE% LAYOUT…`. Its shape, not a search for
 * numbers, finds the price: the layout name after it may hold numbers of its own.
 */
function readChartTitle(title: string): { symbol: string; price: string } | { reason: string } {
  const words = splitWords(stripCounter(title));
  const [symbol, priceText] = words;
  if (symbol === undefined || priceText === undefined || !looksNumeric(priceText)) {
    return { reason: `the chart title "${title}" shows no price yet (the chart is loading)` };
  }
  let next = 2;
  if (ARROW_ONLY.test(words[next] ?? '')) next += 1;
  const change = words[next];
  if (change === undefined || !looksLikeChange(change) || !change.includes('%')) {
    return { reason: `the chart title "${title}" is not in the "SYMBOL PRICE ▲ +1.23%" form` };
  }
  const parsed = parsePrice(priceText, CONVENTION);
  if (!parsed.ok) return { reason: `the chart title's price cannot be read: ${parsed.reason}` };
  return { symbol, price: parsed.value };
}

/** A chart's `?symbol=`, when the address carries one. */
function chartSymbol(url: URL): string | undefined {
  const symbol = url.searchParams.get('symbol');
  return symbol === null || symbol === '' ? undefined : symbol;
}

function readChart(root: Document, url: URL): ReadResult {
  const reading = readChartTitle(root.title);
  if ('reason' in reading) return { ok: false, reason: reading.reason };
  const urlSymbol = chartSymbol(url);
  if (urlSymbol === undefined) {
    return { ok: true, quote: { symbol: reading.symbol, price: reading.price, source: 'title' } };
  }
  if (!isSameSymbol(urlSymbol, reading.symbol)) {
    return {
      ok: false,
      reason: `the title shows ${reading.symbol} but the URL names ${urlSymbol}: the chart is switching symbols`,
    };
  }
  return { ok: true, quote: { symbol: urlSymbol, price: reading.price, source: 'title' } };
}

/** `/symbols/BINANCE-BTCUSDT/` is BINANCE:BTCUSDT; `/symbols/BTCUSDT/?exchange=BINANCE` too. */
function symbolFromSymbolPage(url: URL, segment: string): string {
  const decoded = decodeURIComponent(segment).toUpperCase();
  const dash = decoded.indexOf('-');
  if (dash > 0) return `${decoded.slice(0, dash)}:${decoded.slice(dash + 1)}`;
  const exchange = url.searchParams.get('exchange');
  return exchange === null || exchange === '' ? decoded : `${exchange.toUpperCase()}:${decoded}`;
}

function readSymbolPage(root: Document, url: URL, segment: string): ReadResult {
  const symbol = symbolFromSymbolPage(url, segment);
  const selector = root.querySelector(SYMBOL_LAST_VALUE) === null ? SYMBOL_LAST_CLASS : SYMBOL_LAST_VALUE;
  const reading = readDomPrice(root, selector, CONVENTION);
  if (!reading.ok) return reading;
  return { ok: true, quote: { symbol, price: reading.price, source: 'dom' } };
}

export const tradingView: SiteAdapter = {
  id: 'tradingview',
  label: 'TradingView',
  matches: (url) => isTradingViewHost(url) && (isChartPath(url) || symbolPageSegment(url) !== undefined),
  urlSymbol(url) {
    if (isChartPath(url)) return chartSymbol(url);
    const segment = symbolPageSegment(url);
    return segment === undefined ? undefined : symbolFromSymbolPage(url, segment);
  },
  read(root, url) {
    if (isChartPath(url)) return readChart(root, url);
    const segment = symbolPageSegment(url);
    if (segment !== undefined) return readSymbolPage(root, url, segment);
    return { ok: false, reason: `${url.pathname} is neither a TradingView chart nor a symbol page` };
  },
  // Symbol pages print the price in this element; charts carry it in the title.
  watchSelector: `${SYMBOL_LAST_VALUE}, ${SYMBOL_LAST_CLASS}`,
};

/*
 * Fixtures stand for:
 * - https://www.tradingview.com/chart/aBcD1234/?symbol=BINANCE%3ABTCUSDT (normal, loading, switched, mid-switch)
 * - https://www.tradingview.com/chart/ (a layout opened without ?symbol=)
 * - https://www.tradingview.com/symbols/BINANCE-BTCUSDT/ (symbol page)
 * - https://www.tradingview.com/symbols/NASDAQ-AAPL/ (symbol page before its quote arrives)
 */
