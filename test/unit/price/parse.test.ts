import { describe, expect, it } from 'vitest';
import { looksLikeChange, looksNumeric, parsePrice } from '../../../lib/price';
import type { PriceConvention } from '../../../lib/price';

const DOT: PriceConvention = { decimal: '.' };
const COMMA: PriceConvention = { decimal: ',' };

describe('parsePrice reads what pages print', () => {
  // Each vector is a format docs/page-reading.md#reading-a-number lists, as the named site or
  // locale prints it.
  it.each([
    { text: '97,123.45', expected: '97123.45', why: 'en-US grouping (Binance, TradingView)' },
    { text: '97.123,45', expected: '97123.45', why: 'de-DE grouping' },
    { text: '97 123,45', expected: '97123.45', why: 'space grouping, comma decimal' },
    { text: '97\u00A0123,45', expected: '97123.45', why: 'no-break space grouping (fr-FR before 2019)' },
    { text: '97\u202F123,45', expected: '97123.45', why: 'narrow no-break space grouping (fr-FR in ICU)' },
    { text: '97\u2009123,45', expected: '97123.45', why: 'thin space grouping' },
    { text: '1 234 567.5', expected: '1234567.5', why: 'space grouping, dot decimal' },
    { text: "1'234.56", expected: '1234.56', why: 'apostrophe grouping (de-CH)' },
    { text: '1.234.567,89', expected: '1234567.89', why: 'several dot groups' },
    { text: '1,234,567', expected: '1234567', why: 'repeated comma can only group' },
    { text: '77170', expected: '77170', why: 'plain integer (a recorded Bybit title)' },
    { text: '97123.45', expected: '97123.45', why: 'no grouping (TradingView markets page)' },
    { text: '0.123', expected: '0.123', why: 'a leading 0 cannot be a digit group' },
    { text: '1234.567', expected: '1234.567', why: 'a first group of four digits cannot be grouping' },
    { text: '.5', expected: '0.5', why: 'no integer digits' },
    { text: '1,5', expected: '1.5', why: 'one digit after the comma cannot be a group' },
    { text: '+1.23', expected: '1.23', why: 'explicit plus' },
    { text: '0.0₄1234', expected: '0.00001234', why: 'subscript zeros: 4 zeros after the point' },
    { text: '0.0₄123', expected: '0.0000123', why: 'subscript zeros, docs/page-reading.md example' },
    { text: '0.0₁5', expected: '0.05', why: 'a subscript of 1 is the printed zero alone' },
    { text: '0.0₁₂42', expected: '0.00000000000042', why: 'a two-digit subscript count' },
    { text: '$0.0₅87', expected: '0.0000087', why: 'subscript notation with a currency sign' },
    { text: '▲ 97,123.45', expected: '97123.45', why: 'arrow before the price' },
    { text: '97,123.45 ▼', expected: '97123.45', why: 'arrow after the price' },
    { text: '↑97,123.45', expected: '97123.45', why: 'plain arrow glued to the price' },
    { text: '$97,123.45', expected: '97123.45', why: 'dollar sign' },
    { text: '€1.234,56', expected: '1234.56', why: 'euro sign, de-DE' },
    { text: '£12.50', expected: '12.5', why: 'pound sign' },
    { text: '¥1,234.5', expected: '1234.5', why: 'yen sign' },
    { text: '₿0.05', expected: '0.05', why: 'bitcoin sign' },
    { text: '97123.45 USDT', expected: '97123.45', why: 'USDT code after the price' },
    { text: '97,123.45USD', expected: '97123.45', why: 'USD code glued after the price' },
    { text: 'USDT 97,123.45', expected: '97123.45', why: 'code before the price' },
    { text: '$4,705.32 USD', expected: '4705.32', why: 'sign and code together (Binance price page)' },
    { text: '  97,123.45\n', expected: '97123.45', why: 'surrounding whitespace' },
    { text: '61,250.00', expected: '61250', why: 'canonical: the tick precision’s zeros dropped' },
    { text: '007.5', expected: '7.5', why: 'canonical: leading zeros dropped' },
    {
      text: '0.0₄1230',
      expected: '0.0000123',
      why: 'canonical: a subscript notation’s trailing zero dropped',
    },
  ])('reads "$text" as $expected ($why)', ({ text, expected }) => {
    expect(parsePrice(text)).toEqual({ ok: true, value: expected });
  });
});

describe('parsePrice uses a known convention to resolve what the text cannot', () => {
  it.each([
    { text: '1,234', convention: DOT, expected: '1234', why: 'Binance writes "," for groups' },
    { text: '1.234', convention: DOT, expected: '1.234', why: 'Binance writes "." for decimals' },
    { text: '1,234', convention: COMMA, expected: '1.234', why: 'a de-DE site writes "," for decimals' },
    { text: '1.234', convention: COMMA, expected: '1234', why: 'a de-DE site writes "." for groups' },
    {
      text: '4,705.32',
      convention: DOT,
      expected: '4705.32',
      why: 'unambiguous text agrees with the convention',
    },
    { text: '97 123.45', convention: DOT, expected: '97123.45', why: 'spaces group under any convention' },
    {
      text: '0,0₄1234',
      convention: COMMA,
      expected: '0.00001234',
      why: 'subscript notation with a comma decimal',
    },
  ])(
    'reads "$text" with decimal "$convention.decimal" as $expected ($why)',
    ({ text, convention, expected }) => {
      expect(parsePrice(text, convention)).toEqual({ ok: true, value: expected });
    },
  );
});

describe('parsePrice rejects what is not exactly one price', () => {
  it.each([
    { text: '1,234', convention: undefined, because: /ambiguous/, why: 'could be 1234 or 1.234' },
    { text: '1.234', convention: undefined, because: /ambiguous/, why: 'could be 1234 or 1.234' },
    {
      text: '999,999',
      convention: undefined,
      because: /ambiguous/,
      why: 'a full group of three is still ambiguous',
    },
    {
      text: '1,234K',
      convention: DOT,
      because: /abbreviated/,
      why: 'a suffix, even where the mark is known',
    },
    {
      text: '1,23,4',
      convention: undefined,
      because: /grouped in threes/,
      why: 'groups must have three digits',
    },
    { text: '1,23,456', convention: DOT, because: /grouped in threes/, why: 'Indian grouping is not read' },
    {
      text: '1234,567.8',
      convention: undefined,
      because: /grouped in threes/,
      why: 'a first group of four digits',
    },
    {
      text: '0,123',
      convention: DOT,
      because: /grouped in threes/,
      why: 'a number never starts with a 0 group',
    },
    {
      text: '97.123,45',
      convention: DOT,
      because: /after its decimal mark/,
      why: 'text contradicts the convention',
    },
    {
      text: '97,123.45',
      convention: COMMA,
      because: /after its decimal mark/,
      why: 'text contradicts the convention',
    },
    { text: '97 123,45', convention: DOT, because: /mixes/, why: 'two kinds of group separator' },
    {
      text: '1.2.3,4,5',
      convention: undefined,
      because: /more than one decimal mark/,
      why: 'no reading fits',
    },
    {
      text: '5.',
      convention: undefined,
      because: /a digit is missing/,
      why: 'a number cut before its decimals',
    },
    { text: '+1.23%', convention: undefined, because: /percentage/, why: 'a change is not a price' },
    { text: '−0.35%', convention: DOT, because: /percentage/, why: 'TradingView change' },
    { text: '1.23 %', convention: undefined, because: /percentage/, why: 'spaced percentage' },
    {
      text: '97,123.45 1,234.00',
      convention: undefined,
      because: /more than one number/,
      why: 'two numbers',
    },
    {
      text: '97,123.45 / 4,705.32',
      convention: undefined,
      because: /more than one number/,
      why: 'two numbers',
    },
    { text: '1 2', convention: undefined, because: /more than one number/, why: 'two numbers' },
    { text: '', convention: undefined, because: /empty/, why: 'nothing' },
    { text: '   ', convention: undefined, because: /empty/, why: 'only spaces' },
    { text: 'abc', convention: undefined, because: /no digits/, why: 'garbage' },
    {
      text: '--',
      convention: undefined,
      because: /more than one sign|no digits/,
      why: 'a loading placeholder',
    },
    { text: '—', convention: undefined, because: /no digits/, why: 'a loading placeholder' },
    { text: 'N/A', convention: undefined, because: /unexpected text|no digits/, why: 'no value' },
    { text: '12abc', convention: undefined, because: /unexpected text/, why: 'digits followed by words' },
    {
      text: '≈ $4,705.32',
      convention: undefined,
      because: /unexpected text/,
      why: 'an estimate is not a price',
    },
    { text: '--5', convention: undefined, because: /more than one sign/, why: 'two signs' },
    {
      text: '1e-8',
      convention: undefined,
      because: /more than one number|unexpected text/,
      why: 'exponent notation is not printed by sites',
    },
    {
      text: '0.0₀5',
      convention: undefined,
      because: /zeros/,
      why: 'a zero count contradicts the printed zero',
    },
    {
      text: '1₄23',
      convention: undefined,
      because: /subscript/,
      why: 'subscript digits outside 0.0ₙ notation',
    },
    {
      text: '0.0₄123',
      convention: COMMA,
      because: /decimal mark/,
      why: 'notation contradicts the convention',
    },
    {
      text: '0.0₄12K',
      convention: undefined,
      because: /abbreviated/,
      why: 'subscript notation with a suffix',
    },
    {
      text: '(1.23)',
      convention: undefined,
      because: /unexpected text/,
      why: 'accounting brackets are not read',
    },
  ])('rejects "$text" ($why)', ({ text, convention, because }) => {
    const result = parsePrice(text, convention);
    expect(result.ok, `"${text}" must not parse`).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(because);
  });
});

// docs/page-reading.md#reading-a-number
describe('parsePrice never takes a figure that is not a last price', () => {
  // Each of these read as a price before: 59.4K as 59400, 0 and −0.5 as prices.
  it.each([
    { text: '59.4K', because: /abbreviated \(K = thousands\)/, why: 'a volume rounded to thousands' },
    { text: '$1.2K', because: /abbreviated/, why: 'thousands with a currency sign' },
    { text: '3.5k', because: /abbreviated/, why: 'lower-case thousands' },
    { text: '5M', because: /abbreviated \(M = millions\)/, why: 'millions' },
    { text: '$567.95B', because: /abbreviated/, why: 'a market cap in billions' },
    { text: '2.1T', because: /abbreviated/, why: 'trillions' },
    { text: '0', because: /zero/, why: 'zero' },
    { text: '0.00000', because: /zero/, why: 'a tiny price rounded to five places' },
    { text: '-0', because: /zero/, why: 'negative zero' },
    { text: '0.0₄0', because: /zero|zeros/, why: 'subscript notation of nothing' },
    { text: '−0.5', because: /below zero/, why: 'U+2212 minus, read as the number −0.5' },
    { text: '-1.23', because: /below zero/, why: 'hyphen-minus' },
    { text: '▼ −0.5', because: /below zero/, why: 'an arrow and a sign' },
    { text: '-$5', because: /below zero/, why: 'sign before the currency' },
    { text: '$-5', because: /below zero/, why: 'sign after the currency' },
  ])('refuses "$text" ($why)', ({ text, because }) => {
    const result = parsePrice(text, DOT);
    expect(result.ok, `"${text}" must not be a price`).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(because);
  });
});

describe('title words are told apart', () => {
  it.each([
    { word: '97,123.45', isNumber: true, isChange: false },
    { word: '$1.2K', isNumber: true, isChange: false },
    { word: '1,23,4', isNumber: true, isChange: false },
    { word: '▲', isNumber: false, isChange: false },
    { word: '+1.23%', isNumber: false, isChange: true },
    { word: '−0.35%', isNumber: false, isChange: true },
    { word: '+1,180.02', isNumber: true, isChange: true },
    { word: '24h', isNumber: false, isChange: false },
    { word: 'NQZ2026', isNumber: false, isChange: false },
    { word: 'BTCUSDT', isNumber: false, isChange: false },
  ])('"$word": number $isNumber, change $isChange', ({ word, isNumber, isChange }) => {
    expect(looksNumeric(word)).toBe(isNumber);
    expect(looksLikeChange(word)).toBe(isChange);
  });
});
