import type { PriceConvention } from '../../price';
import { isSameSymbol } from '../symbol';
import type { ReadResult } from '../types';
import { readTitle } from './title-words';

/** Locales whose decimal mark is "." (English and the CJK languages). */
const DOT_DECIMAL_LANGUAGES = new Set(['en', 'zh', 'ja', 'ko', 'th', 'he']);

/**
 * The number convention a page uses, from its locale (URL path or `<html lang>`).
 * Only locales known to write "." decimals get one; for the others the title is read
 * without a convention, so "97,123.45" still reads but "1.234" is rejected, not guessed.
 */
export function conventionForLocale(locale: string | null | undefined): PriceConvention | undefined {
  if (locale === null || locale === undefined || locale === '') return undefined;
  const language = locale.toLowerCase().split(/[-_]/)[0] ?? '';
  return DOT_DECIMAL_LANGUAGES.has(language) ? { decimal: '.' } : undefined;
}

/** The page's language: the URL's locale segment when it has one, else `<html lang>`. */
export function pageLocale(root: Document, urlLocale: string | undefined): string | undefined {
  if (urlLocale !== undefined && urlLocale !== '') return urlLocale;
  const lang = root.documentElement?.getAttribute('lang');
  return lang === null || lang === undefined || lang === '' ? undefined : lang;
}

export interface ExchangeTitleOptions {
  /** The symbol as the URL names it; the quote carries this form. */
  readonly urlSymbol: string;
  readonly convention: PriceConvention | undefined;
  /** Whether a pair printed in the title is the URL's instrument (aliases, contract suffixes). */
  readonly isSameInstrument?: (titlePair: string, urlSymbol: string) => boolean;
}

/**
 * Reads an exchange page whose title carries its last price and pair. The URL names the
 * symbol; the title must name the same one, because after an in-app switch the title can
 * still show the previous pair's price for a moment. A disagreement is reported, never
 * resolved by picking one.
 */
export function readExchangeTitle(root: Document, options: ExchangeTitleOptions): ReadResult {
  const title = root.title;
  const reading = readTitle(title, options.convention);
  if (!reading.ok) return reading;
  const same = options.isSameInstrument ?? isSameSymbol;
  if (reading.pairs.length === 0) {
    return {
      ok: false,
      reason: `the title "${title}" does not name a pair, so its price cannot be tied to ${options.urlSymbol}`,
    };
  }
  const other = reading.pairs.find((pair) => !same(pair, options.urlSymbol));
  if (other !== undefined) {
    return {
      ok: false,
      reason: `the title names ${other} but the URL names ${options.urlSymbol}: the page is switching symbols`,
    };
  }
  return { ok: true, quote: { symbol: options.urlSymbol, price: reading.price, source: 'title' } };
}
