import type { PriceConvention } from './parse';

/**
 * The number convention a page's language implies (docs/page-reading.md#reading-a-number: the
 * page's language settles what its text cannot): `de` writes 1.234,5, so "55.063" is 55063 there; `en` writes
 * 1,234.5, so it is 55.063. The decimal mark comes from the language's CLDR data through
 * `Intl`, the same data the pages' own formatting uses. A language whose decimal mark is
 * neither "." nor "," (Arabic's ٫), or a tag Intl does not know, gives no convention: the
 * reader then refuses what is ambiguous instead of guessing.
 */
export function conventionForLanguage(tag: string | null | undefined): PriceConvention | undefined {
  if (tag === null || tag === undefined || tag.trim() === '') return undefined;
  let decimal: string | undefined;
  try {
    // An unknown language would silently fall back to the machine's own: that is a guess.
    const [known] = Intl.NumberFormat.supportedLocalesOf([tag.trim()]);
    if (known === undefined) return undefined;
    decimal = new Intl.NumberFormat(known).formatToParts(1.5).find((part) => part.type === 'decimal')?.value;
  } catch {
    return undefined;
  }
  return decimal === '.' || decimal === ',' ? { decimal } : undefined;
}
