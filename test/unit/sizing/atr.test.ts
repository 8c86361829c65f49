import { describe, expect, it } from 'vitest';

import { Decimal, toCanonical, toPrintable } from '../../../lib/decimal';
import { WilderAtr, wilderAtr } from '../../../lib/sizing/atr';

const bar = (high: string, low: string, close: string) => ({
  high: new Decimal(high),
  low: new Decimal(low),
  close: new Decimal(close),
});

/**
 * StockCharts ChartSchool, "Average True Range (ATR)" (school.stockcharts.com,
 * technical_indicators:average_true_range_atr) and its spreadsheet cs-atr.xls: QQQQ daily
 * bars from 1 April to 13 May 2010, 14-period Wilder ATR. The spreadsheet prints ATR to six
 * decimals (the same values as the bukosabino/ta test fixture ta/tests/data/cs-atr.csv,
 * which copies it); the article's table prints them to two.
 * Rows: date, high, low, close, ATR (six decimals) or null before the 14th bar.
 */
const STOCKCHARTS_QQQQ: readonly [string, string, string, string, string | null][] = [
  ['01-Apr-10', '48.70', '47.79', '48.16', null],
  ['05-Apr-10', '48.72', '48.14', '48.61', null],
  ['06-Apr-10', '48.90', '48.39', '48.75', null],
  ['07-Apr-10', '48.87', '48.37', '48.63', null],
  ['08-Apr-10', '48.82', '48.24', '48.74', null],
  ['09-Apr-10', '49.05', '48.635', '49.03', null],
  ['12-Apr-10', '49.20', '48.94', '49.07', null],
  ['13-Apr-10', '49.35', '48.86', '49.32', null],
  ['14-Apr-10', '49.92', '49.50', '49.91', null],
  ['15-Apr-10', '50.19', '49.87', '50.13', null],
  ['16-Apr-10', '50.12', '49.20', '49.53', null],
  ['19-Apr-10', '49.66', '48.90', '49.50', null],
  ['20-Apr-10', '49.88', '49.43', '49.75', null],
  ['21-Apr-10', '50.19', '49.725', '50.03', '0.555000'],
  ['22-Apr-10', '50.36', '49.26', '50.31', '0.593929'],
  ['23-Apr-10', '50.57', '50.09', '50.52', '0.585791'],
  ['26-Apr-10', '50.65', '50.30', '50.41', '0.568949'],
  ['27-Apr-10', '50.43', '49.21', '49.34', '0.615452'],
  ['28-Apr-10', '49.63', '48.98', '49.37', '0.617920'],
  ['29-Apr-10', '50.33', '49.61', '50.23', '0.642354'],
  ['30-Apr-10', '50.29', '49.20', '49.2375', '0.674329'],
  ['03-May-10', '50.17', '49.43', '49.93', '0.692770'],
  ['04-May-10', '49.32', '48.08', '48.43', '0.775429'],
  ['05-May-10', '48.50', '47.64', '48.18', '0.781470'],
  ['06-May-10', '48.3201', '41.55', '46.57', '1.209229'],
  ['07-May-10', '46.80', '44.2833', '45.41', '1.302620'],
  ['10-May-10', '47.80', '47.31', '47.77', '1.380290'],
  ['11-May-10', '48.39', '47.20', '47.72', '1.366698'],
  ['12-May-10', '48.66', '47.90', '48.62', '1.336219'],
  ['13-May-10', '48.79', '47.7301', '47.85', '1.316482'],
];

/** The article's table of the same rows, ATR to two decimals. */
const STOCKCHARTS_TWO_DECIMALS = [
  '0.56',
  '0.59',
  '0.59',
  '0.57',
  '0.62',
  '0.62',
  '0.64',
  '0.67',
  '0.69',
  '0.78',
  '0.78',
  '1.21',
  '1.30',
  '1.38',
  '1.37',
  '1.34',
  '1.32',
];

describe('WilderAtr against the StockCharts QQQQ table', () => {
  it('reproduces every 14-period ATR of the spreadsheet to its six printed decimals', () => {
    const atr = new WilderAtr(14);
    for (const [date, high, low, close, expected] of STOCKCHARTS_QQQQ) {
      atr.add(bar(high, low, close));
      const value = atr.value === null ? null : atr.value.toFixed(6, Decimal.ROUND_HALF_UP);
      expect(value, `ATR on ${date}`).toBe(expected);
    }
  });

  it("reproduces the article's two-decimal ATR column", () => {
    const atr = new WilderAtr(14);
    const printed: string[] = [];
    for (const [, high, low, close] of STOCKCHARTS_QQQQ) {
      atr.add(bar(high, low, close));
      if (atr.value !== null) printed.push(atr.value.toFixed(2, Decimal.ROUND_HALF_UP));
    }
    expect(printed).toEqual(STOCKCHARTS_TWO_DECIMALS);
  });

  it('seeds with the plain mean of the first 14 true ranges', () => {
    // TRs of the first 14 rows (the first is H − L = 0.91): 0.91 + 0.58 + 0.51 + 0.50 + 0.58
    // + 0.415 + 0.26 + 0.49 + 0.60 + 0.32 + 0.93 + 0.76 + 0.45 + 0.465 = 7.77; 7.77 / 14 = 0.555
    const seed = wilderAtr(
      STOCKCHARTS_QQQQ.slice(0, 14).map(([, high, low, close]) => bar(high, low, close)),
      14,
    );
    expect(seed === null ? null : toCanonical(seed)).toBe('0.555');
  });
});

describe('WilderAtr by hand', () => {
  // Period 3. TR1 = 10 − 8 = 2 (first bar: H − L only);
  // TR2 = max(11 − 9.5, |11 − 9|, |9.5 − 9|) = max(1.5, 2, 0.5) = 2;
  // TR3 = max(10 − 9, |10 − 10.5|, |9 − 10.5|) = max(1, 0.5, 1.5) = 1.5;
  // ATR3 = (2 + 2 + 1.5) / 3 = 1.8333…;
  // TR4 = max(12 − 11, |12 − 9.2|, |11 − 9.2|) = 2.8; ATR4 = (1.8333… × 2 + 2.8) / 3 = 97/45.
  const bars = [
    bar('10', '8', '9'),
    bar('11', '9.5', '10.5'),
    bar('10', '9', '9.2'),
    bar('12', '11', '11.5'),
  ];

  it('has no value before the first `period` bars', () => {
    const atr = new WilderAtr(3);
    atr.add(bars[0]!);
    atr.add(bars[1]!);
    expect(atr.value).toBeNull();
    expect(atr.bars).toBe(2);
  });

  it('uses the previous close when a bar gaps past it', () => {
    const atr = new WilderAtr(3);
    for (const each of bars.slice(0, 3)) atr.add(each);
    expect(toPrintable(atr.value!), '(2 + 2 + 1.5) / 3').toBe('1.8333333333');
    atr.add(bars[3]!);
    // 97 / 45 = 2.1555…; with 34 significant digits at every step, the first 30 decimals are exact
    expect(toCanonical(atr.value!.toDecimalPlaces(30))).toBe('2.155555555555555555555555555556');
    expect(toPrintable(atr.value!), 'printed to 10 decimals').toBe('2.1555555556');
  });

  it('counts a gap down through the previous close', () => {
    // Period 2. TR1 = 101 − 99 = 2; bar 2 opens far below: H 95, L 94, previous close 100:
    // TR2 = max(1, |95 − 100|, |94 − 100|) = 6; ATR2 = (2 + 6) / 2 = 4
    expect(toCanonical(wilderAtr([bar('101', '99', '100'), bar('95', '94', '94.5')], 2)!)).toBe('4');
  });

  it('refuses a period that is not a whole number of at least 1', () => {
    expect(() => new WilderAtr(0)).toThrow(RangeError);
    expect(() => new WilderAtr(2.5)).toThrow(RangeError);
  });
});
