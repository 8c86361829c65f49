import { describe, expect, it } from 'vitest';

import { defaultLotStep, tickSizeFromShown } from '../../../lib/instruments/fallback';
import type { PriceConvention } from '../../../lib/price';

describe('tickSizeFromShown: one unit of the last decimal place the page prints', () => {
  it.each<[string, PriceConvention | undefined, string, string]>([
    // [shown, convention, tick, why]
    ['61,293.4', undefined, '0.1', 'one decimal after the "." mark'],
    ['61,293.40', undefined, '0.01', 'a trailing zero is a printed place too'],
    ['0.5120', undefined, '0.0001', 'four places'],
    ['97 123', undefined, '1', 'no decimal mark: whole units'],
    ['1,234,567', undefined, '1', 'several commas group thousands'],
    ['97.123,45', undefined, '0.01', 'comma decimal after dot groups'],
    ['0,582800', undefined, '0.000001', 'a comma decimal of six places'],
    ['$0.0₄123', undefined, '0.0000001', '0.0₄123 = 0.0000123: four zeros and three digits = 7 places'],
    ['61,293', { decimal: '.' }, '1', 'the site groups with ","'],
    ['61,293', { decimal: ',' }, '0.001', 'the site writes decimals with ","'],
  ])('%s (%o) → %s: %s', (shown, convention, tick, why) => {
    expect(tickSizeFromShown(shown, convention), why).toBe(tick);
  });

  it.each([
    ['61,293', 'could be 61293 or 61.293 without the site convention'],
    ['59.4K', 'an abbreviation rounds the price: it shows no precision'],
    ['', 'nothing shown'],
    ['0', 'no price'],
    ['12 and 13', 'two numbers'],
  ])('gives no tick for "%s" (%s)', (shown) => {
    expect(tickSizeFromShown(shown)).toBeUndefined();
  });
});

describe('defaultLotStep: a power of ten worth at most one quote unit, at most 1', () => {
  it.each([
    // [price, lot, arithmetic]
    ['61000', '0.00001', '1 / 61000 = 0.0000164 → 10^-5 (a lot ≈ 0.61 USDT)'],
    ['3000', '0.0001', '1 / 3000 = 0.00033 → 10^-4'],
    ['150', '0.001', '1 / 150 = 0.0067 → 10^-3'],
    ['1', '1', '1 / 1 = 1 → 10^0'],
    ['0.5', '1', '1 / 0.5 = 2 → 10^0: never coarser than one coin'],
    ['0.00001234', '1', '1 / 0.00001234 = 81037 → capped at 1'],
  ])('at price %s the lot step is %s (%s)', (price, lot, arithmetic) => {
    expect(defaultLotStep(price), arithmetic).toBe(lot);
  });
});
