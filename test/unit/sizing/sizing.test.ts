import { describe, expect, it } from 'vitest';

import { Decimal } from '../../../lib/decimal';
import { derive } from '../../../lib/engine/derive';
import { tooSmall } from '../../../lib/sizing/too-small';
import { plan } from '../helpers';

// Plan format, "Definitions": R = |planned entry − initial stop| (both rounded to the tick),
// budget = equity × riskPercent / 100 or riskAmount; risk: qty = budget / (R × pointValue);
// unit: qty = budget / (ATR × pointValue); fixed and notional as named; every qty rounded
// DOWN to the lot step; initial risk = R × entry qty × pointValue.

describe('entry sizing', () => {
  it.each([
    {
      name: 'risk: budget / (R × pointValue)',
      overrides: {},
      atr: null,
      // budget = 10000 × 1 / 100 = 100; R = 100 − 95 = 5; qty = 100 / (5 × 1) = 20
      expected: { budget: '100', r: '5', entryQty: '20', initialRisk: '100' },
    },
    {
      name: 'risk: rounds the quantity down to whole lots',
      overrides: { stop: { price: '97' } },
      atr: null,
      // R = 100 − 97 = 3; qty = 100 / 3 = 33.33… → lot 1 → 33; initial risk = 3 × 33 = 99
      expected: { budget: '100', r: '3', entryQty: '33', initialRisk: '99' },
    },
    {
      name: 'risk: rounds down to a fractional lot step',
      overrides: {
        stop: { price: '97' },
        instrument: { symbol: 'TEST', tickSize: '0.01', lotStep: '0.001' },
      },
      atr: null,
      // qty = 100 / 3 = 33.333… → lot 0.001 → 33.333; initial risk = 3 × 33.333 = 99.999
      expected: { budget: '100', r: '3', entryQty: '33.333', initialRisk: '99.999' },
    },
    {
      name: 'risk: a point value of 50 (an index future)',
      overrides: {
        instrument: { symbol: 'ES', tickSize: '0.25', lotStep: '1', pointValue: '50' },
        account: { equity: '100000', riskPercent: '1' },
        entry: { price: '4000', when: 'above' },
        stop: { price: '3990' },
      },
      atr: null,
      // budget = 100000 × 1 / 100 = 1000; R = 10; qty = 1000 / (10 × 50) = 2; risk = 10 × 2 × 50
      expected: { budget: '1000', r: '10', entryQty: '2', initialRisk: '1000' },
    },
    {
      name: 'risk: riskAmount instead of a percentage, short with a percent stop',
      overrides: {
        instrument: { symbol: 'ETHUSDT', tickSize: '0.01', lotStep: '0.01' },
        side: 'short',
        account: { equity: '5000', riskAmount: '50' },
        entry: { price: '2000', when: 'below' },
        stop: { percent: '2' },
      },
      atr: null,
      // stop = 2000 + 2000 × 2 / 100 = 2040; R = 40; qty = 50 / 40 = 1.25; risk = 40 × 1.25 = 50
      expected: { budget: '50', r: '40', entryQty: '1.25', initialRisk: '50' },
    },
    {
      name: 'risk: an ATR stop',
      overrides: { volatility: { atr: '1.2' }, stop: { atr: '2' } },
      atr: '1.2',
      // stop = 100 − 2 × 1.2 = 97.6; R = 2.4; qty = 100 / 2.4 = 41.66… → 41; risk = 2.4 × 41 = 98.4
      expected: { budget: '100', r: '2.4', entryQty: '41', initialRisk: '98.4' },
    },
    {
      name: 'unit: the Turtle heating-oil example',
      // Curtis Faith, "The Original Turtle Trading Rules" (2003), "Position Sizing": heating oil
      // N = 0.0141, $42,000 per point, a $1,000,000 account: unit = 1% × 1,000,000 /
      // (0.0141 × 42,000) = 10,000 / 592.2 = 16.88… → 16 contracts.
      overrides: {
        instrument: { symbol: 'HO', tickSize: '0.0001', lotStep: '1', pointValue: '42000' },
        account: { equity: '1000000', riskPercent: '1' },
        volatility: { atr: '0.0141' },
        entry: { price: '1.0000', when: 'above' },
        stop: { atr: '2' },
        sizing: { method: 'unit' },
      },
      atr: '0.0141',
      // R = 2 × 0.0141 = 0.0282; initial risk = 0.0282 × 16 × 42000 = 18950.4
      expected: { budget: '10000', r: '0.0282', entryQty: '16', initialRisk: '18950.4' },
    },
    {
      name: 'fixed: the quantity as written, rounded down to the lot step',
      overrides: {
        instrument: { symbol: 'TEST', tickSize: '0.01', lotStep: '0.01' },
        sizing: { method: 'fixed', qty: '1.2345' },
      },
      atr: null,
      // qty = 1.2345 → lot 0.01 → 1.23; risk = 5 × 1.23 = 6.15
      expected: { budget: '100', r: '5', entryQty: '1.23', initialRisk: '6.15' },
    },
    {
      name: 'notional: amount / (entry × pointValue)',
      overrides: {
        instrument: { symbol: 'TEST', tickSize: '0.01', lotStep: '0.01' },
        entry: { price: '28.30', when: 'above' },
        stop: { price: '25.90' },
        sizing: { method: 'notional', amount: '1000' },
      },
      atr: null,
      // qty = 1000 / 28.30 = 35.335… → lot 0.01 → 35.33; R = 28.3 − 25.9 = 2.4; risk = 2.4 × 35.33 = 84.792
      expected: { budget: '100', r: '2.4', entryQty: '35.33', initialRisk: '84.792' },
    },
    {
      name: 'notional: with a point value of 10',
      overrides: {
        instrument: { symbol: 'TEST', tickSize: '0.01', lotStep: '1', pointValue: '10' },
        sizing: { method: 'notional', amount: '25000' },
      },
      atr: null,
      // qty = 25000 / (100 × 10) = 25; risk = 5 × 25 × 10 = 1250
      expected: { budget: '100', r: '5', entryQty: '25', initialRisk: '1250' },
    },
  ])('$name', ({ overrides, atr, expected }) => {
    const derived = derive(plan(overrides), atr);
    expect({
      budget: derived.budget,
      r: derived.r,
      entryQty: derived.entryQty,
      initialRisk: derived.initialRisk,
    }).toEqual(expected);
  });

  it('measures R from the planned entry and stop, each rounded to the tick first', () => {
    // entry 100.004 → nearest tick 100; a long's stop 94.996 rounds up to 95; R = 5; qty = 20
    const derived = derive(
      plan({ entry: { price: '100.004', when: 'above' }, stop: { price: '94.996' } }),
      null,
    );
    expect(derived.entryPrice).toBe('100');
    expect(derived.initialStop).toBe('95');
    expect(derived.r, '|100 − 95|').toBe('5');
    expect(derived.entryQty).toBe('20');
  });

  it("rounds a short's computed stop down, toward safety", () => {
    // stop = 100 + 100 × 3.333 / 100 = 103.333 → a short's stop rounds down → 103.33; R = 3.33
    const derived = derive(
      plan({ side: 'short', entry: { price: '100', when: 'below' }, stop: { percent: '3.333' } }),
      null,
    );
    expect(derived.initialStop).toBe('103.33');
    expect(derived.r).toBe('3.33');
    // qty = 100 / 3.33 = 30.03 → 30
    expect(derived.entryQty).toBe('30');
  });

  it("rounds a long's computed stop up, toward safety", () => {
    // stop = 100 − 100 × 3.333 / 100 = 96.667 → up → 96.67; R = 3.33; qty = 100 / 3.33 → 30
    const derived = derive(plan({ stop: { percent: '3.333' } }), null);
    expect(derived.initialStop).toBe('96.67');
    expect(derived.r).toBe('3.33');
    expect(derived.entryQty).toBe('30');
  });
});

describe('target levels', () => {
  it('measures targets from the planned entry in R, ATR and percent, rounded toward the entry', () => {
    const derived = derive(
      plan({
        volatility: { atr: '1.234' },
        stop: { price: '97' },
        scaleOut: [
          { at: { percent: '4.4444' }, share: '0.25' },
          { at: { r: '1.5' }, share: '0.25' },
          { at: { atr: '4' }, share: '0.25' },
          { at: { price: '120' }, share: 'rest' },
        ],
      }),
      '1.234',
    );
    expect(derived.targets).toEqual([
      '104.44', // 100 + 100 × 4.4444 / 100 = 104.444 → a long's target rounds down → 104.44
      '104.5', // R = 3: 100 + 1.5 × 3 = 104.5
      '104.93', // 100 + 4 × 1.234 = 104.936 → down → 104.93
      '120', // an absolute price
    ]);
  });

  it("rounds a short's targets up, toward the entry above them", () => {
    const derived = derive(
      plan({
        instrument: { symbol: 'TEST', tickSize: '0.1', lotStep: '0.01' },
        side: 'short',
        entry: { price: '2000', when: 'below' },
        stop: { price: '2040' },
        scaleOut: [
          { at: { percent: '0.0125' }, share: '0.5' },
          { at: { r: '1' }, share: 'rest' },
        ],
      }),
      null,
    );
    // 2000 − 2000 × 0.0125 / 100 = 1999.75 → up → 1999.8;  2000 − 1 × 40 = 1960
    expect(derived.targets).toEqual(['1999.8', '1960']);
  });
});

describe('tooSmall', () => {
  const small = plan({
    instrument: { symbol: 'TEST', tickSize: '0.01', lotStep: '1', minQty: '5', minNotional: '500' },
  });

  it.each([
    ['4', '200', { why: 'min-qty', qty: '4', minQty: '5' }],
    // 5 × 99 × 1 = 495
    ['5', '99', { why: 'min-notional', qty: '5', price: '99', notional: '495', minNotional: '500' }],
    ['0', '100', { why: 'zero', lotStep: '1' }],
  ])('reports %s at %s as too small', (qty, price, reason) => {
    expect(tooSmall(small, new Decimal(qty), new Decimal(price))).toEqual(reason);
  });

  it('accepts a tranche at exactly the minimums', () => {
    // 5 ≥ minQty 5 and 5 × 100 × 1 = 500 ≥ minNotional 500
    expect(tooSmall(small, new Decimal('5'), new Decimal('100'))).toBeNull();
  });

  it('compares the notional with the point value applied', () => {
    const futures = plan({
      instrument: { symbol: 'TEST', tickSize: '0.01', lotStep: '1', minNotional: '500', pointValue: '10' },
    });
    // 1 × 49 × 10 = 490 < 500; 1 × 50 × 10 = 500
    expect(tooSmall(futures, new Decimal('1'), new Decimal('49'))).toMatchObject({ notional: '490' });
    expect(tooSmall(futures, new Decimal('1'), new Decimal('50'))).toBeNull();
  });
});
