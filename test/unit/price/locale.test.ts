import { describe, expect, it } from 'vitest';
import { conventionForLanguage, parsePrice } from '../../../lib/price';

// docs/page-reading.md#reading-a-number
describe("conventionForLanguage: the page's language settles the decimal mark", () => {
  it.each([
    { tag: 'en', decimal: '.', why: 'English writes 1,234.5' },
    { tag: 'en-US', decimal: '.', why: 'with a region' },
    { tag: 'zh-hans', decimal: '.', why: "OKX's simplified Chinese path" },
    { tag: 'zh-TC', decimal: '.', why: "Binance's traditional Chinese path" },
    { tag: 'ko', decimal: '.', why: 'Korean' },
    { tag: 'ja', decimal: '.', why: 'Japanese' },
    { tag: 'es-MX', decimal: '.', why: 'Mexican Spanish writes 1,234.5' },
    { tag: 'de-CH', decimal: '.', why: "Swiss German writes 1'234.5" },
    { tag: 'de', decimal: ',', why: 'German writes 1.234,5' },
    { tag: 'ru', decimal: ',', why: 'Russian writes 1 234,5' },
    { tag: 'uk-UA', decimal: ',', why: 'Ukrainian' },
    { tag: 'tr', decimal: ',', why: 'Turkish' },
    { tag: 'vi', decimal: ',', why: 'Vietnamese' },
    { tag: 'pt-BR', decimal: ',', why: 'Brazilian Portuguese' },
    { tag: 'es', decimal: ',', why: 'Spanish' },
    { tag: 'fr', decimal: ',', why: 'French' },
    { tag: 'id', decimal: ',', why: 'Indonesian' },
  ])('$tag → "$decimal" ($why)', ({ tag, decimal }) => {
    expect(conventionForLanguage(tag)).toEqual({ decimal });
  });

  it.each([undefined, null, '', '  ', 'xx-yy', 'not a tag!'])(
    'gives no convention for %j: an unknown language is not guessed',
    (tag) => {
      expect(conventionForLanguage(tag)).toBeUndefined();
    },
  );

  it('reads "55.063" as 55.063 on an English page and 55063 on a German one', () => {
    expect(parsePrice('55.063', conventionForLanguage('en'))).toEqual({ ok: true, value: '55.063' });
    expect(parsePrice('55.063', conventionForLanguage('de'))).toEqual({ ok: true, value: '55063' });
    expect(parsePrice('55.063', conventionForLanguage('xx'))).toMatchObject({ ok: false });
  });
});
