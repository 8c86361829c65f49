import { readTitle, isTicker } from './shared/title-words';
import type { TitleWord } from './shared/title-words';
import { isSameSymbol } from './symbol';
import type { ReadResult, SiteAdapter } from './types';

/*
 * The fallback for pages no site adapter knows. Many exchanges put the last price in the
 * tab title in one of two shapes: `PRICE | SYMBOL | Site` (Binance, the ZigZag exchange
 * issue asking for "Price | Pair | ZigZag" like FTX and Binance) and `SYMBOL PRICE …`
 * (TradingView). The price is found by that shape, next to its symbol, never as "some
 * number somewhere in the title"; a title with several numbers or none gives no quote.
 * With no known site, no number convention applies: `1,234` is ambiguous and rejected.
 */

/** Arrows, currency signs: words with neither a letter nor a digit. */
function isDecoration(word: TitleWord): boolean {
  return !/[\p{L}\p{N}]/u.test(word.text);
}

function isSymbolWord(word: TitleWord | undefined): word is TitleWord {
  return word !== undefined && (word.kind === 'pair' || isTicker(word.text));
}

/** `SYMBOL PRICE …`: the word just before the price, in the same part of the title. */
function symbolBefore(words: readonly TitleWord[], price: TitleWord): string | undefined {
  const before = words[price.index - 1];
  return before !== undefined && before.segment === price.segment && isSymbolWord(before)
    ? before.text
    : undefined;
}

/** `PRICE | SYMBOL | Site`: the price stands alone in its part, the next part names the pair. */
function symbolInNextSegment(words: readonly TitleWord[], price: TitleWord): string | undefined {
  const own = words.filter((w) => w.segment === price.segment && w !== price && !isDecoration(w));
  if (own.length > 0) return undefined;
  const next = words.filter((w) => w.segment === price.segment + 1);
  const pairs = next.filter((w) => w.kind === 'pair');
  if (pairs.length === 1) return pairs[0]?.text;
  const [first] = next;
  return pairs.length === 0 && next.length === 1 && isSymbolWord(first) ? first.text : undefined;
}

export function readGenericTitle(title: string): ReadResult {
  const reading = readTitle(title);
  if (!reading.ok) return reading;
  const symbol =
    symbolBefore(reading.words, reading.priceWord) ?? symbolInNextSegment(reading.words, reading.priceWord);
  if (symbol === undefined) {
    return { ok: false, reason: `the title "${title}" names no symbol next to its price` };
  }
  const other = reading.pairs.find((pair) => !isSameSymbol(pair, symbol));
  if (other !== undefined) {
    return { ok: false, reason: `the title "${title}" names two symbols (${symbol}, ${other})` };
  }
  return { ok: true, quote: { symbol, price: reading.price, source: 'title' } };
}

export const titleAdapter: SiteAdapter = {
  id: 'title',
  label: 'Page title',
  matches: (url) => url.protocol === 'https:' || url.protocol === 'http:' || url.protocol === 'file:',
  read: (root) => readGenericTitle(root.title),
};

/*
 * Fixtures stand for pages no adapter knows, e.g. a smaller exchange's trade page
 * (https://exchange.example/trade/BTC-USDT), and for pages of known sites that are not
 * trade pages (https://www.binance.com/en/price/ethereum, https://www.tradingview.com/markets/).
 */
