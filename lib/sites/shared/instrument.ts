import { normalizeSymbol } from '../symbol';

/**
 * The instrument a trade page's address names. The quote carries `symbol` as the address
 * writes it; the title is matched on `base` and `quote`, whatever words surround them, so
 * that no adapter depends on the page's language.
 */
export interface PageInstrument {
  /** As the address names it ("BTC_USDT", "BTC-USDT-SWAP", "BTCUSDT_250627"). */
  readonly symbol: string;
  /** Upper case; any script ("BTC", "1000PEPE", "牛来"). */
  readonly base: string;
  readonly quote: string;
}

/**
 * Currencies that end a pair written without a separator ("BTCUSDT", "ETHBTC"), longest
 * first so that FDUSD wins over USD. PERP stands for USDC on Bybit's perpetuals (BTCPERP).
 */
export const QUOTE_CURRENCIES: readonly string[] = [
  'FDUSD',
  'USDT',
  'USDC',
  'BUSD',
  'TUSD',
  'USDE',
  'USD1',
  'PERP',
  'USD',
  'DAI',
  'EUR',
  'GBP',
  'JPY',
  'TRY',
  'BRL',
  'BTC',
  'ETH',
  'BNB',
];

export function isQuoteCurrency(word: string): boolean {
  return QUOTE_CURRENCIES.includes(word.toUpperCase());
}

/**
 * `BTCUSDT` → BTC / USDT. A dated contract (`BTCUSDT_250627`) keeps its date with the
 * quote, so that the perpetual's title (BTCUSDT) never passes for the dated contract's.
 */
export function splitJoinedPair(joined: string): PageInstrument | undefined {
  const upper = joined.toUpperCase();
  const [, pair = upper, date = ''] = /^(.*?)(_\d{6})?$/u.exec(upper) ?? [];
  const quote = QUOTE_CURRENCIES.find((q) => pair.endsWith(q) && pair.length > q.length);
  return quote === undefined
    ? undefined
    : { symbol: joined, base: pair.slice(0, -quote.length), quote: `${quote}${date}` };
}

/** `BTC_USDT`, `BTC-USDT-SWAP`, `BTC/USDT`: the first two parts are base and quote. */
export function splitSeparatedPair(symbol: string): PageInstrument | undefined {
  const [base, quote] = symbol.toUpperCase().split(/[_\-/]/u);
  if (base === undefined || quote === undefined || base === '' || quote === '') return undefined;
  return { symbol, base, quote };
}

/** The pair as one normalized word, for messages: "BTCUSDT". */
export function pairName(page: PageInstrument): string {
  return normalizeSymbol(`${page.base}/${page.quote}`);
}
