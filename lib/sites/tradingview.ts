import { looksLikeChange, looksNumeric, parsePrice } from '../price';
import type { PriceConvention } from '../price';
import { readDomPrice, readElementPrice } from './shared/dom-price';
import { isPairLike, isTicker, splitWords, stripCounter } from './shared/title-words';
import { isExpression, isSameSymbol } from './symbol';
import type { ReadResult, SiteAdapter } from './types';

/*
 * Sources: the chart title form `SYMBOL PRICE ▲|▼ ±CHANGE% LAYOUT` and the symbol-page
 * selectors come from saved TradingView pages; window-title watchers in public repositories match the same
 * shape in English and Russian (`… % Unnamed`, `… % Без названия`): only the layout name is
 * translated. TradingView prints its change with U+2212 and prices with "." decimals, as
 * the saved tradingview.com/markets page shows ("3788.39", "−0.35%"). Public scrapers
 * (e.g. silasoli/tradingview-webscraping, vaibhav4k/Ticker-Pulse) read the symbol pages by
 * hashed class names, which is why the stable data-qa-id comes first. Chart scrapers read
 * the legend: the main series is `[data-name="legend-series-item"]`, its values Open, High,
 * Low, Close in that order (`[data-test-id-value-title]`, titles that follow the page's
 * language), each in a `valueValue-…` element; indicators (an EMA) are
 * `[data-name="legend-source-item"]` with values in the same class.
 */

/** TradingView writes `97,123.45` on every locale's site. */
const CONVENTION: PriceConvention = { decimal: '.' };

/** The last price in a symbol page's header; a stable test id. */
const SYMBOL_LAST_VALUE = '[data-qa-id="symbol-last-value"]';
/** Older symbol pages and widgets mark the last price with this behaviour class. */
const SYMBOL_LAST_CLASS = '.js-symbol-last';
/** The chart legend's main series (never an indicator, whose values share the close's class). */
const LEGEND_SERIES = '[data-name="legend-series-item"]';
/** One value of the legend: Open, High, Low, Close, in that order, whatever their titles say. */
const LEGEND_VALUE = '[data-test-id-value-title]';
/** The number inside a legend value, next to its title. */
const LEGEND_NUMBER = '[class*="valueValue"]';
/** A bar's four values; the close is the last of them. */
const OHLC_VALUES = 4;

const ARROW_ONLY = /^[▲▼]$/u;

function isTradingViewHost(url: URL): boolean {
  return url.hostname === 'tradingview.com' || url.hostname.endsWith('.tradingview.com');
}

function isChartPath(url: URL): boolean {
  return /^\/chart(?:\/|$)/u.test(url.pathname);
}

function symbolPageSegment(url: URL): string | undefined {
  return /^\/symbols\/([^/]+)/u.exec(url.pathname)?.[1];
}

/**
 * A spread or a ratio (`BINANCE:BTCUSDT/BINANCE:ETHUSDT`, `1/BTCUSDT`, `BTCUSDT*2`,
 * `US10Y-US02Y`). TradingView's tickers never hold "/" or "-": on a chart either one is an
 * operator, which is stricter than isExpression's rule for symbols in general.
 */
function isChartExpression(symbol: string): boolean {
  return isExpression(symbol) || /[/-]/u.test(symbol.replace(/^[A-Z0-9_]+:/iu, ''));
}

function expressionReason(symbol: string): string {
  return `this chart shows ${symbol}, a spread or ratio of several symbols, not one instrument: Tranche reads no price from it (open the chart of one symbol)`;
}

type ChartTitle =
  { symbol: string; price: string } | { symbol: string | undefined; reason: string; hasPrice: boolean };

/**
 * A chart title is `SYMBOL PRICE [▲|▼] ±CHANGE% LAYOUT…`. Its shape, not a search for
 * numbers, finds the price: the layout name after it may hold numbers of its own.
 */
function readChartTitle(title: string): ChartTitle {
  const words = splitWords(stripCounter(title));
  const [first, priceText] = words;
  const symbol =
    first !== undefined && (isPairLike(first) || isTicker(first) || isChartExpression(first))
      ? first
      : undefined;
  if (first === undefined || priceText === undefined || !looksNumeric(priceText)) {
    return {
      symbol,
      hasPrice: false,
      reason: `the chart title "${title}" has no price: the tab may have been in the background, or the chart is loading`,
    };
  }
  let next = 2;
  if (ARROW_ONLY.test(words[next] ?? '')) next += 1;
  const change = words[next];
  if (change === undefined || !looksLikeChange(change) || !change.includes('%')) {
    return {
      symbol,
      hasPrice: true,
      reason: `the chart title "${title}" is not in the "SYMBOL PRICE ▲ +1.23%" form`,
    };
  }
  const parsed = parsePrice(priceText, CONVENTION);
  if (!parsed.ok)
    return { symbol, hasPrice: true, reason: `the chart title's price cannot be read: ${parsed.reason}` };
  return { symbol: first, price: parsed.value };
}

/**
 * The close of the legend's main series: the fourth of Open, High, Low, Close, or the one
 * value a line chart shows. Never Open (the first value) nor an indicator's value.
 */
function readLegendClose(root: Document): { ok: true; price: string } | { ok: false; reason: string } {
  const series = root.querySelectorAll(LEGEND_SERIES);
  const [legend] = Array.from(series);
  if (legend === undefined) return { ok: false, reason: 'the chart legend is not on the page either' };
  if (series.length > 1)
    return {
      ok: false,
      reason: `the page shows ${series.length} chart legends, so no one of them is the chart's`,
    };
  const values = Array.from(legend.querySelectorAll(LEGEND_VALUE));
  const close =
    values.length === 1 ? values[0] : values.length >= OHLC_VALUES ? values[OHLC_VALUES - 1] : undefined;
  if (close === undefined) {
    return {
      ok: false,
      reason: `the chart legend shows ${values.length} values, not a bar's open, high, low and close`,
    };
  }
  const number = close.querySelector(LEGEND_NUMBER) ?? close;
  const reading = readElementPrice(number, CONVENTION);
  return reading.ok
    ? reading
    : { ok: false, reason: `the chart legend's close cannot be read: ${reading.reason}` };
}

/** A chart's `?symbol=`, when the address carries one. */
function chartSymbol(url: URL): string | undefined {
  const symbol = url.searchParams.get('symbol');
  return symbol === null || symbol === '' ? undefined : symbol;
}

function readChart(root: Document, url: URL): ReadResult {
  const urlSymbol = chartSymbol(url);
  const hasUrlSymbol = urlSymbol !== undefined;
  if (hasUrlSymbol && isChartExpression(urlSymbol)) return { ok: false, reason: expressionReason(urlSymbol) };
  const reading = readChartTitle(root.title);
  if (reading.symbol !== undefined && isChartExpression(reading.symbol)) {
    return { ok: false, reason: expressionReason(reading.symbol) };
  }
  if (hasUrlSymbol && reading.symbol !== undefined && !isSameSymbol(urlSymbol, reading.symbol)) {
    return {
      ok: false,
      reason: `the title shows ${reading.symbol} but the address is for ${urlSymbol}: the chart is still loading the new symbol`,
    };
  }
  const symbol = hasUrlSymbol ? urlSymbol : reading.symbol;
  if ('price' in reading) {
    const quote = { symbol: symbol ?? reading.symbol, price: reading.price, source: 'title' } as const;
    // The legend's close comes along to be cross-checked; it follows the mouse (lib/watch).
    const legend = readLegendClose(root);
    if (!legend.ok) return { ok: true, quote };
    const second = { place: 'chart legend', price: legend.price, followsPointer: true } as const;
    return { ok: true, quote: { ...quote, second } };
  }
  // Only a title that shows no price at all lets the legend speak: a malformed one is a page in an unknown state.
  if (reading.hasPrice) return { ok: false, reason: reading.reason };
  if (symbol === undefined)
    return { ok: false, reason: `${reading.reason}, and neither it nor the address names the symbol` };
  const legend = readLegendClose(root);
  if (!legend.ok) return { ok: false, reason: `${reading.reason}; ${legend.reason}` };
  return { ok: true, quote: { symbol, price: legend.price, source: 'dom' } };
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
  // Symbol pages print the price in these elements; charts carry it in the title and the legend.
  watchSelector: `${SYMBOL_LAST_VALUE}, ${SYMBOL_LAST_CLASS}, ${LEGEND_SERIES}`,
};

/*
 * Fixtures stand for:
 * - https://www.tradingview.com/chart/aBcD1234/?symbol=BINANCE%3ABTCUSDT (normal, loading, switched, mid-switch;
 *   the title beside the legend's last bar, and beside a bar under the mouse)
 * - https://www.tradingview.com/chart/ (a layout opened without ?symbol=)
 * - https://www.tradingview.com/symbols/BINANCE-BTCUSDT/ (symbol page)
 * - https://www.tradingview.com/symbols/NASDAQ-AAPL/ (symbol page before its quote arrives)
 * - https://www.tradingview.com/chart/aBcD1234/?symbol=BINANCE%3ABTCUSDT with no price in the
 *   title: the legend (candles with an EMA, a line chart, an indicator alone, mid-switch), and
 *   on ru.tradingview.com with Russian legend titles
 * - https://{ru,de,jp,cn,es,tr,kr,br}.tradingview.com/chart/aBcD1234/?symbol=BINANCE%3ABTCUSDT
 * - https://www.tradingview.com/chart/aBcD1234/?symbol=BINANCE%3ABTCUSDT%2FBINANCE%3AETHUSDT
 *   (a spread), ?symbol=1%2FBINANCE%3ABTCUSDT (a ratio), and a layout showing BTCUSDT*2
 */
