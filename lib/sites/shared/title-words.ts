import { looksLikeChange, looksNumeric, parsePrice } from '../../price';
import type { PriceConvention } from '../../price';
import { QUOTE_CURRENCIES } from './instrument';

/**
 * Reads the words of a document title: which one is the price, which ones name a trading
 * pair. Site adapters add what they know (the URL's symbol, the site's convention); the
 * generic title reader uses it as is.
 */

/** "(3) " and "(9+) " unread counters that sites put before the title. */
const COUNTER_PREFIX = /^\s*\(\d+\+?\)\s*/u;

/** Bars and middle dots separate parts of a title; a dash does only with spaces around it. */
const SEGMENT_SEPARATOR = /\s*[|│·•]\s*|\s+[-—–]\s+/u;

/**
 * Ordinary spaces separate words; no-break and thin spaces do not, because locales use
 * them inside numbers ("97 123,45").
 */
const WORD_SEPARATOR = /[ \t\n\r\f\v\u1680\u2000-\u2008\u200A\u2028\u2029\u205F\u3000]+/u;

/** `BTC/USDT`, `BTC_USDT`, `BTC-USD`, `BTC-USDT-SWAP`, `BTCUSDT_250627`. */
const SEPARATED_PAIR = /^[A-Z0-9]{1,20}[/_-][A-Z0-9]{2,12}(?:[-_][A-Z0-9]{2,12})?(?:\.P)?$/u;
/** A base in any script before a slash: `牛来/USDT` (Binance lists tokens named in Chinese). */
const SLASHED_PAIR = /^(?=[^/]*\p{L})[\p{L}\p{N}]{1,20}\/[A-Z0-9]{2,12}$/u;
/** `BTCUSDT`, `1000PEPEUSDT`, `BTCUSDT.P`. */
const JOINED_PAIR = new RegExp(`^[A-Z0-9]{2,20}(?:${QUOTE_CURRENCIES.join('|')})(?:\\.P)?$`, 'u');
/** `BINANCE:BTCUSDT`, `CME_MINI:NQ1!`. */
const PREFIXED_SYMBOL = /^[A-Z][A-Z0-9_]*:[A-Z0-9.!_/-]+$/u;
/** A bare ticker such as `ETH` or `NQZ2026`, only trusted where the title's shape puts it. */
const TICKER = /^[A-Z][A-Z0-9.!]{1,19}$/u;

export function isPairLike(word: string): boolean {
  const letters = word.replace(/[^\p{L}]/gu, '').length;
  if (letters < 2) return false;
  return (
    SEPARATED_PAIR.test(word) ||
    SLASHED_PAIR.test(word) ||
    JOINED_PAIR.test(word) ||
    PREFIXED_SYMBOL.test(word)
  );
}

export function isTicker(word: string): boolean {
  return TICKER.test(word) && word.replace(/[^A-Z]/g, '').length >= 2;
}

/** Brackets and trailing colons around a word: "(BTCUSDT)" names BTCUSDT. */
function unwrap(word: string): string {
  return word.replace(/^[([{]+/u, '').replace(/[)\]}:;]+$/u, '');
}

export function stripCounter(title: string): string {
  return title.replace(COUNTER_PREFIX, '');
}

export function splitWords(text: string): string[] {
  return text.split(WORD_SEPARATOR).filter((w) => w !== '');
}

export interface TitleWord {
  readonly text: string;
  readonly segment: number;
  readonly index: number;
  readonly kind: 'price' | 'change' | 'pair' | 'word';
}

export function classifyTitle(title: string): TitleWord[] {
  const words: TitleWord[] = [];
  stripCounter(title)
    .split(SEGMENT_SEPARATOR)
    .forEach((segment, segmentIndex) => {
      splitWords(segment).forEach((raw) => {
        const text = unwrap(raw);
        if (text === '') return;
        const kind = looksLikeChange(text)
          ? 'change'
          : looksNumeric(text)
            ? 'price'
            : isPairLike(text)
              ? 'pair'
              : 'word';
        words.push({ text, segment: segmentIndex, index: words.length, kind });
      });
    });
  return words;
}

/** Why a title gives no price: none shown yet, one rounded to zero, or one that cannot be read as one price. */
export type TitleFailure = 'none' | 'zero' | 'unreadable';

export type TitleReading =
  | { ok: true; price: string; priceWord: TitleWord; pairs: readonly string[]; words: readonly TitleWord[] }
  | { ok: false; reason: string; failure: TitleFailure };

/**
 * Finds the one price in a title. Percentages and signed numbers are changes, not prices;
 * a second unsigned number makes the title ambiguous ("several numbers"); a title with
 * none is a page still loading or a tab in the background; a price that rounds to zero
 * ("0.00000") is none either.
 */
export function readTitle(title: string, convention?: PriceConvention): TitleReading {
  const words = classifyTitle(title);
  const numbers = words.filter((w) => w.kind === 'price');
  const [only] = numbers;
  if (only === undefined) return { ok: false, failure: 'none', reason: `the title "${title}" has no price` };
  if (numbers.length > 1) {
    return {
      ok: false,
      failure: 'unreadable',
      reason: `the title "${title}" shows several numbers (${numbers.map((w) => w.text).join(', ')}), not one price`,
    };
  }
  const parsed = parsePrice(only.text, convention);
  if (!parsed.ok) {
    const isZero = !/[1-9₁-₉]/u.test(only.text);
    return isZero
      ? { ok: false, failure: 'zero', reason: `the title shows ${only.text}, a price rounded to zero` }
      : { ok: false, failure: 'unreadable', reason: `the title's price cannot be read: ${parsed.reason}` };
  }
  return {
    ok: true,
    price: parsed.value,
    priceWord: only,
    pairs: words.filter((w) => w.kind === 'pair').map((w) => w.text),
    words,
  };
}
