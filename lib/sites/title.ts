import { pageConvention } from './shared/exchange-title';
import { readTitle, isTicker } from './shared/title-words';
import type { TitleWord } from './shared/title-words';
import { isSecurePage } from './address';
import { isSameSymbol } from './symbol';
import type { ReadResult, SiteAdapter } from './types';

/*
 * The fallback for pages no site adapter knows. Many exchanges put the last price in the
 * tab title in one of two shapes: `PRICE | SYMBOL | Site` (Binance, the ZigZag exchange
 * issue asking for "Price | Pair | ZigZag" like FTX and Binance) and `SYMBOL PRICE …`
 * (TradingView). The price is found by that shape, next to its symbol, never as "some
 * number somewhere in the title"; a title with several numbers or none gives no quote.
 * A site no adapter knows has no convention of its own: the page's language settles what
 * the number cannot (`<html lang="en">`: `55.063 | HYPE | Hyperliquid` is 55.063; `de`:
 * 55063); a page that declares no language gets `1,234` refused as ambiguous.
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

export function readGenericTitle(root: Document): ReadResult {
  const title = root.title;
  const reading = readTitle(title, pageConvention(root, undefined));
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
  matches: isSecurePage,
  read: (root) => readGenericTitle(root),
};

/*
 * Fixtures stand for pages no adapter knows, e.g. a smaller exchange's trade page
 * (https://exchange.example/trade/BTC-USDT), Hyperliquid's trade page in English, in
 * German and declaring no language (https://app.hyperliquid.xyz/trade/HYPE), a title with an
 * abbreviated figure (https://exchange.example/trade/HYPE-USDC), and for pages of known sites that are
 * not trade pages (https://www.binance.com/en/price/ethereum, https://www.tradingview.com/markets/).
 */
