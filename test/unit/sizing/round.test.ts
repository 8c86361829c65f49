import { describe, expect, it } from 'vitest';

import { Decimal, toCanonical } from '../../../lib/decimal';
import { roundLevel, roundQty, roundStop, roundTarget } from '../../../lib/sizing/round';

// Every vector below follows the plan format's "Rounding" and `sizing`: entry and add levels to the
// nearest tick (ties away from zero), stops toward safety (a long's up, a short's down),
// targets toward the entry (a long's down, a short's up), quantities down to the lot step.
const d = (value: string) => new Decimal(value);

describe('roundLevel', () => {
  it.each([
    // [price, tick, expected, how]
    ['100.004', '0.01', '100', '100.004 / 0.01 = 10000.4 → 10000 ticks'],
    ['100.005', '0.01', '100.01', '10000.5 ticks is a tie → away from zero → 10001'],
    ['100.0049999', '0.01', '100', '10000.49999 ticks → 10000'],
    ['100.006', '0.01', '100.01', '10000.6 ticks → 10001'],
    ['28.35', '0.1', '28.4', '283.5 ticks is a tie → 284 × 0.1'],
    ['28.349', '0.1', '28.3', '283.49 ticks → 283'],
    ['100.125', '0.25', '100.25', '400.5 ticks of 0.25 is a tie → 401 × 0.25 = 100.25'],
    ['100.12', '0.25', '100', '400.48 ticks → 400 × 0.25 = 100'],
    ['97123.5', '1', '97124', '97123.5 is a tie → 97124'],
    ['-0.005', '0.01', '-0.01', 'a negative tie also goes away from zero: −0.5 ticks → −1'],
    ['0.000012345', '0.00000001', '0.00001235', '1234.5 ticks is a tie → 1235 × 1e-8'],
  ])('rounds %s at tick %s to the nearest tick: %s', (price, tick, expected, how) => {
    expect(toCanonical(roundLevel(d(price), d(tick))), how).toBe(expected);
  });
});

describe('roundStop', () => {
  it.each([
    // [price, tick, side, expected, how]
    ['95.001', '0.01', 'long', '95.01', "a long's stop rounds up (less loss): 9500.1 ticks → 9501"],
    ['95.009', '0.01', 'long', '95.01', '9500.9 ticks → 9501'],
    ['95', '0.01', 'long', '95', 'already on a tick: unchanged'],
    ['101.875', '0.01', 'long', '101.88', '10187.5 ticks → up → 10188'],
    ['104.999', '0.01', 'short', '104.99', "a short's stop rounds down: 10499.9 ticks → 10499"],
    ['104.991', '0.01', 'short', '104.99', '10499.1 ticks → 10499'],
    ['105', '0.01', 'short', '105', 'already on a tick: unchanged'],
    ['98.3333', '0.5', 'long', '98.5', '196.67 ticks of 0.5 → up → 197 × 0.5'],
    ['101.6666', '0.5', 'short', '101.5', '203.33 ticks of 0.5 → down → 203 × 0.5'],
  ] as const)(
    'rounds a stop at %s (tick %s) of a %s toward safety: %s',
    (price, tick, side, expected, how) => {
      expect(toCanonical(roundStop(d(price), d(tick), side)), how).toBe(expected);
    },
  );
});

describe('roundTarget', () => {
  it.each([
    // [price, tick, side, expected, how]
    ['110.009', '0.01', 'long', '110', "a long's target rounds down, toward the entry below it"],
    ['103.3333', '0.01', 'long', '103.33', '10333.33 ticks → 10333'],
    ['110', '0.01', 'long', '110', 'on a tick: unchanged'],
    ['89.991', '0.01', 'short', '90', "a short's target rounds up, toward the entry above it"],
    ['1999.75', '0.1', 'short', '1999.8', '19997.5 ticks → up → 19998'],
    ['1960', '0.1', 'short', '1960', 'on a tick: unchanged'],
  ] as const)(
    'rounds a target at %s (tick %s) of a %s toward the entry: %s',
    (price, tick, side, expected, how) => {
      expect(toCanonical(roundTarget(d(price), d(tick), side)), how).toBe(expected);
    },
  );
});

describe('roundQty', () => {
  it.each([
    // [qty, lot step, expected, how]
    ['20.999', '1', '20', 'down to whole units, never up'],
    ['20', '1', '20', 'already a multiple'],
    ['33.3333333', '0.001', '33.333', '33333.3333 steps → 33333'],
    ['0.0129', '0.001', '0.012', '12.9 steps → 12'],
    ['0.0009', '0.001', '0', 'less than one step rounds down to nothing'],
    ['1.4', '0.5', '1', '2.8 steps of 0.5 → 2 → 1'],
    ['2.5', '0.5', '2.5', 'exactly 5 steps'],
    ['16.886', '1', '16', 'the Turtle heating-oil unit 16.88… → 16 contracts'],
  ])('rounds quantity %s down to the lot step %s: %s', (qty, step, expected, how) => {
    expect(toCanonical(roundQty(d(qty), d(step))), how).toBe(expected);
  });
});
