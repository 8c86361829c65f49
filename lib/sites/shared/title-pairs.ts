import { isQuoteCurrency, type PageInstrument } from './instrument';
import type { TitleWord } from './title-words';

/*
 * Which instruments a title names, found by shape, never by the words around them: the
 * same reader takes `1.217 Trade ORCA/USDC Spot | …`, `1.217 ORCA/USDC 현물 거래 | …`,
 * `▼ 77170 | Трейдинг BTCUSDT | …` and `61,293.4 BTC USDT 现货交易 | 欧易`.
 */

/** A pair as one word in any form (`BTCUSDT`, `BTC/USDT`, `牛来/USDT`), or a lone base (`PUMPU`). */
export interface NamedInstrument {
  /** As the title prints it ("BTC USDT" for two words). */
  readonly text: string;
  /** Whether it is the page's instrument. */
  readonly isPage: boolean;
}

/** Compares a pair a title prints (`BTC/USDT`, `BTCUSDT`) with the page's instrument. */
export type SameInstrument = (titlePair: string, page: PageInstrument) => boolean;

/** A ticker-like word in any script: upper-case letters and digits, at least one letter. */
const BASE_WORD = /^(?=.*\p{L})[\p{Lu}\p{Lo}\p{N}][\p{Lu}\p{Lo}\p{N}.]{0,19}$/u;

function isDecoration(word: TitleWord): boolean {
  return !/[\p{L}\p{N}]/u.test(word.text);
}

function segmentWords(words: readonly TitleWord[], segment: number): TitleWord[] {
  return words.filter((w) => w.segment === segment && !isDecoration(w));
}

/** `BTC USDT`: a base word and a quote currency next to it, in the same part of the title. */
function spacedPairs(words: readonly TitleWord[], page: PageInstrument): [TitleWord, TitleWord][] {
  const pairs: [TitleWord, TitleWord][] = [];
  words.forEach((word, i) => {
    const next = words[i + 1];
    if (next === undefined || next.segment !== word.segment) return;
    if (word.kind !== 'word' || next.kind !== 'word' || !BASE_WORD.test(word.text)) return;
    if (isQuoteCurrency(next.text) || next.text.toUpperCase() === page.quote) pairs.push([word, next]);
  });
  return pairs;
}

/**
 * `PRICE | BASE | Site`: the part right after a part holding the price alone is one
 * ticker-like word, the base asset (Binance's older spot title names no quote). The last
 * part is the site's name (`97,123.4 | OKX`), never a base.
 */
function loneBase(words: readonly TitleWord[], price: TitleWord | undefined): TitleWord | undefined {
  if (price === undefined) return undefined;
  const own = segmentWords(words, price.segment);
  if (own.length !== 1 || own[0] !== price) return undefined;
  const isLastPart = !words.some((w) => w.segment > price.segment + 1);
  if (isLastPart) return undefined;
  const next = segmentWords(words, price.segment + 1);
  const [only] = next;
  return next.length === 1 && only !== undefined && only.kind === 'word' && BASE_WORD.test(only.text)
    ? only
    : undefined;
}

/**
 * Every instrument the title names, each told whether it is the page's. A title that
 * names another pair than the address is a page still switching (the title lags an
 * in-app navigation, or runs ahead of it).
 */
export function instrumentsNamed(
  words: readonly TitleWord[],
  page: PageInstrument,
  isSame: SameInstrument,
  price: TitleWord | undefined,
): NamedInstrument[] {
  const named: NamedInstrument[] = words
    .filter((w) => w.kind === 'pair')
    .map((w) => ({ text: w.text, isPage: isSame(w.text, page) }));
  for (const [base, quote] of spacedPairs(words, page)) {
    named.push({ text: `${base.text} ${quote.text}`, isPage: isSame(`${base.text}/${quote.text}`, page) });
  }
  const base = loneBase(words, price);
  if (base !== undefined) named.push({ text: base.text, isPage: isSame(`${base.text}/${page.quote}`, page) });
  return named;
}
