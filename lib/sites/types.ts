/**
 * What a site adapter reads from a page: the symbol as the page names it and its last
 * price as a canonical decimal string (always produced by lib/price, never by stripping
 * characters).
 */
export interface Quote {
  /** The page's symbol, as printed ("BINANCE:BTCUSDT", "BTC_USDT"); compare with normalizeSymbol. */
  readonly symbol: string;
  /** Last price, canonical decimal string ("97123.45"). */
  readonly price: string;
  /** Where on the page the number came from, for the popup's "source" column. */
  readonly source: 'title' | 'dom';
  /**
   * The same last price read from a second place on the page, when the page shows it
   * there too and the quote's own comes from the title: lib/watch cross-checks the two.
   */
  readonly second?: SecondPrice;
}

/** Where a page shows its last price, in the words the trader reads in "title 61,293.4 vs order book 61,020.0". */
export type PricePlace = 'title' | 'order book' | 'chart legend';

/** A page's last price as a second place on it shows it. */
export interface SecondPrice {
  readonly place: Exclude<PricePlace, 'title'>;
  /** Canonical decimal string from lib/price. */
  readonly price: string;
  /**
   * Whether it shows whatever the mouse points at: a chart's legend shows the bar under
   * the pointer while the trader hovers the chart, and the last bar only otherwise.
   */
  readonly followsPointer: boolean;
}

export type ReadResult = { ok: true; quote: Quote } | { ok: false; reason: string };

/** One website. `read` gets the page's Document (or any root) and URL; it touches no globals. */
export interface SiteAdapter {
  /** Unique id; also the plan's `instrument.venue` for exchange pages ("binance-futures"). */
  readonly id: string;
  readonly label: string;
  matches(url: URL): boolean;
  read(root: Document, url: URL): ReadResult;
  /**
   * The symbol the page's address names, when it names one (every quote the adapter reads
   * there is for it): the background refuses a tick from this page that claims another.
   */
  urlSymbol?(url: URL): string | undefined;
  /**
   * For adapters that read the price from the DOM: the element whose text changes with
   * the price, so the content script observes it instead of the whole body.
   */
  readonly watchSelector?: string;
}
