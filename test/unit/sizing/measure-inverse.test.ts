import { describe, expect, it } from 'vitest';

import { Decimal } from '../../../lib/decimal';
import { levelFrom, levelMeasure, stopMeasure } from '../../../lib/sizing/measure';

const d = (value: string) => new Decimal(value);

describe('levelMeasure: the measure that puts a dragged level at a price', () => {
  it.each([
    // [kind, level, from, side, value, arithmetic]
    ['r', '120', '100', 'long', '4', '(120 − 100) / R 5'],
    ['r', '112', '105', 'long', '1.4', '(112 − 105) / 5'],
    ['atr', '106', '100', 'long', '3', '(106 − 100) / ATR 2'],
    ['percent', '103', '100', 'long', '3', '(103 − 100) / (100 / 100)'],
    ['r', '90', '100', 'short', '2', 'a short measures down: (100 − 90) / 5'],
    ['price', '117.5', '100', 'long', '117.5', 'a price is itself'],
    ['r', '98', '100', 'long', '-0.4', 'the wrong side gives a value below 0, which the checks refuse'],
    [
      'percent',
      '100.1',
      '300',
      'short',
      '66.6333',
      'a short: (300 − 100.1) / (300 / 100) = 66.6333… → 4 places',
    ],
  ] as const)('%s at %s from %s (%s) is %s: %s', (kind, level, from, side, value, arithmetic) => {
    expect(levelMeasure(kind, d(level), d(from), side, d('5'), d('2')), arithmetic).toBe(value);
  });

  it('is the inverse of levelFrom', () => {
    for (const kind of ['r', 'atr', 'percent'] as const) {
      const value = levelMeasure(kind, d('123.45'), d('100'), 'long', d('5'), d('2'));
      expect(levelFrom({ [kind]: value }, d('100'), 'long', d('5'), d('2')).toFixed(2), kind).toBe('123.45');
    }
  });
});

describe('stopMeasure: the stop dragged, in the unit the plan writes it', () => {
  it.each([
    ['price', '96', 'long', '96', 'a price stop is the price'],
    ['percent', '97', 'long', '3', '(100 − 97) / 1 = 3 % below a long’s entry'],
    ['atr', '96', 'long', '2', '(100 − 96) / ATR 2'],
    ['percent', '102', 'short', '2', 'above a short’s entry: (102 − 100) / 1'],
  ] as const)('%s stop at %s for a %s: %s (%s)', (kind, stop, side, value, arithmetic) => {
    expect(stopMeasure(kind, d(stop), d('100'), side, d('2')), arithmetic).toBe(value);
  });
});
