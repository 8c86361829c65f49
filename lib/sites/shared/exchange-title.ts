import { conventionForLanguage, type PriceConvention } from '../../price';
import { isSameSymbol } from '../symbol';
import type { Quote, ReadResult } from '../types';
import { pairName, type PageInstrument } from './instrument';
import { instrumentsNamed, type SameInstrument } from './title-pairs';
import { classifyTitle, readTitle } from './title-words';

/** The page's language: the URL's locale segment when it has one, else `<html lang>`. */
export function pageLocale(root: Document, urlLocale: string | undefined): string | undefined {
  if (urlLocale !== undefined && urlLocale !== '') return urlLocale;
  const lang = root.documentElement?.getAttribute('lang');
  return lang === null || lang === undefined || lang === '' ? undefined : lang;
}

/**
 * The number convention of a page whose site has none of its own: its language's
 * (docs/page-reading.md#reading-a-number).
 */
export function pageConvention(root: Document, urlLocale: string | undefined): PriceConvention | undefined {
  return conventionForLanguage(pageLocale(root, urlLocale));
}

export interface ExchangeTitleOptions {
  /** The instrument the address names; the quote carries its symbol. */
  readonly page: PageInstrument;
  readonly convention: PriceConvention | undefined;
  /** Whether a pair printed in the title is the page's instrument (aliases, contract suffixes). */
  readonly isSameInstrument?: SameInstrument;
}

export type ExchangeTitleReading =
  | { ok: true; quote: Quote }
  /**
   * `mayReadPage`: the title shows no price and names no other pair (a page still loading,
   * a tab in the background), so the price printed in the page may be read instead.
   */
  | { ok: false; reason: string; mayReadPage: boolean };

const samePair: SameInstrument = (titlePair, page) => isSameSymbol(titlePair, `${page.base}/${page.quote}`);

/**
 * Reads an exchange page whose title carries its last price and pair, in any language:
 * the price is the title's one number, the pair is found by shape and must be the
 * address's. After an in-app switch the title can name the previous pair for a moment (or
 * the next one before the address changes): no price until both agree.
 */
export function readExchangeTitle(root: Document, options: ExchangeTitleOptions): ExchangeTitleReading {
  const title = root.title;
  const page = options.page;
  const reading = readTitle(title, options.convention);
  const words = reading.ok ? reading.words : classifyTitle(title);
  const named = instrumentsNamed(
    words,
    page,
    options.isSameInstrument ?? samePair,
    reading.ok ? reading.priceWord : undefined,
  );
  const other = named.find((instrument) => !instrument.isPage);
  if (other !== undefined) {
    return {
      ok: false,
      mayReadPage: false,
      reason: `the title shows ${other.text} but the address is for ${pairName(page)}: the page is still loading the new pair`,
    };
  }
  if (!reading.ok) {
    return {
      ok: false,
      mayReadPage: reading.failure !== 'unreadable',
      reason:
        reading.failure === 'none'
          ? `${reading.reason}: the tab may have been in the background, or the page is still loading`
          : reading.reason,
    };
  }
  if (named.length === 0) {
    return {
      ok: false,
      mayReadPage: false,
      reason: `the title "${title}" has a price but names no pair, so it cannot be tied to ${pairName(page)}`,
    };
  }
  return { ok: true, quote: { symbol: page.symbol, price: reading.price, source: 'title' } };
}

/** The title's quote, or why there is none, for sites whose page holds no other price to read. */
export function readTitleQuote(root: Document, options: ExchangeTitleOptions): ReadResult {
  const reading = readExchangeTitle(root, options);
  return reading.ok ? reading : { ok: false, reason: reading.reason };
}
