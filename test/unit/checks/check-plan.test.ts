import { describe, expect, it } from 'vitest';

import type { Problem } from '../../../lib/plan/problems';
import { checkPlan } from '../../../lib/checks/check-plan';
import { planJson } from '../helpers';

function problems(json: unknown): Problem[] {
  const check = checkPlan(json);
  if (check.ok) throw new Error('expected the plan to be rejected');
  return check.problems;
}

function problemAt(json: unknown, field: string): string {
  const found = problems(json).filter((problem) => problem.field === field);
  expect(found, `one problem at ${field}, got ${JSON.stringify(problems(json))}`).toHaveLength(1);
  return found[0]!.message;
}

describe('checkPlan: the trade itself', () => {
  it('accepts the base plan without warnings', () => {
    const check = checkPlan(planJson());
    expect(check).toMatchObject({ ok: true, warnings: [] });
  });

  it('rejects a long whose stop is above the entry, saying it must be below', () => {
    const message = problemAt(planJson({ stop: { price: '105' } }), 'stop.price');
    expect(message).toContain('stop must be below entry for a long');
    expect(message, 'quotes both values').toContain('105');
  });

  it('rejects a short whose stop is below the entry, saying it must be above', () => {
    const json = planJson({ side: 'short', entry: { price: '100', when: 'below' }, stop: { price: '95' } });
    expect(problemAt(json, 'stop.price')).toContain('stop must be above entry for a short');
  });

  it('rejects a stop at the entry itself', () => {
    expect(problemAt(planJson({ stop: { price: '100' } }), 'stop.price')).toContain('below entry');
  });

  it('rejects target shares that add up to more than 100 %', () => {
    const json = planJson({
      scaleOut: [
        { at: { r: '1' }, share: '0.6' },
        { at: { r: '2' }, share: '0.6' },
      ],
    });
    // 0.6 + 0.6 = 1.2 = 120 % of the peak position
    expect(problemAt(json, 'scaleOut')).toContain('120%');
  });

  it('rejects a "rest" after shares that already make 100 %', () => {
    const json = planJson({
      scaleOut: [
        { at: { r: '1' }, share: '0.5' },
        { at: { r: '2' }, share: '0.5' },
        { at: { r: '3' }, share: 'rest' },
      ],
    });
    expect(problemAt(json, 'scaleOut[2].share')).toContain('"rest" has nothing left');
  });

  it('accepts shares that make exactly 100 %', () => {
    const json = planJson({
      scaleOut: [
        { at: { r: '1' }, share: '0.5' },
        { at: { r: '2' }, share: '0.5' },
      ],
    });
    expect(checkPlan(json).ok).toBe(true);
  });

  it('rejects a long target nearer the entry after a farther one', () => {
    const json = planJson({
      scaleOut: [
        { at: { r: '3' }, share: '0.5' },
        { at: { r: '2' }, share: 'rest' },
      ],
    });
    // R = 5: target 1 = 115, target 2 = 110
    const message = problemAt(json, 'scaleOut[1].at');
    expect(message).toContain('nearer the entry');
    expect(message).toContain('110');
    expect(message).toContain('115');
  });

  it('rejects a short target nearer the entry after a farther one', () => {
    const json = planJson({
      side: 'short',
      entry: { price: '100', when: 'below' },
      stop: { price: '105' },
      scaleOut: [
        { at: { price: '90' }, share: '0.5' },
        { at: { price: '95' }, share: 'rest' },
      ],
    });
    expect(problemAt(json, 'scaleOut[1].at')).toContain('nearer the entry');
  });

  it('rejects a target on the wrong side of the entry', () => {
    const json = planJson({ scaleOut: [{ at: { price: '90' }, share: 'rest' }] });
    expect(problemAt(json, 'scaleOut[0].at')).toContain('not above the entry');
  });

  it('rejects a long stop beyond the liquidation estimate and suggests leverage 3', () => {
    // The shared example: entry 100, stop 25 % → 75; 10x, mmr 0.005: estimate =
    // 100 × (1 − 0.1 + 0.005) = 90.5 ≥ 75. Highest safe: 75 > 100 × (1.005 − 1/L) ⇔ L < 3.92 → 3.
    const json = planJson({
      instrument: { symbol: 'DEMO', tickSize: '0.01', lotStep: '0.001' },
      stop: { percent: '25' },
      limits: { leverage: '10', maintenanceMarginRate: '0.005' },
    });
    const message = problemAt(json, 'stop');
    expect(message).toContain('liquidation');
    expect(message).toContain('90.50');
    expect(message).toContain('leverage 3 or less');
  });

  it('rejects a short stop beyond the liquidation estimate and suggests leverage 3', () => {
    // stop = 100 + 25 = 125; estimate = 100 × (1 + 0.1 − 0.005) = 109.5 ≤ 125;
    // 125 < 100 × (0.995 + 1/L) ⇔ 1/L > 0.255 ⇔ L < 3.92 → 3
    const json = planJson({
      instrument: { symbol: 'DEMO', tickSize: '0.01', lotStep: '0.001' },
      side: 'short',
      entry: { price: '100', when: 'below' },
      stop: { percent: '25' },
      limits: { leverage: '10', maintenanceMarginRate: '0.005' },
    });
    const message = problemAt(json, 'stop');
    expect(message).toContain('109.50');
    expect(message).toContain('leverage 3 or less');
  });

  it('rejects a stop that only an add pushes beyond the liquidation estimate, suggesting leverage 6', () => {
    // Entry 100, stop 92 (R = 8, qty = 100 / 8 = 12.5 → 12). At the entry alone: estimate
    // 100 × 0.905 = 90.5 < 92: fine. Add 1 at 100 + 2R = 116, 12 more, keeps the price stop 92.
    // Average = (100 × 12 + 116 × 12) / 24 = 108; estimate = 108 × 0.905 = 97.74 ≥ 92.
    // Highest safe: 92 > 108 × (1.005 − 1/L) ⇔ 1/L > 1.005 − 0.85185 = 0.15315 ⇔ L < 6.53 → 6.
    const json = planJson({
      stop: { price: '92' },
      scaleIn: [{ step: { r: '2' }, size: '1' }],
      limits: { leverage: '10', maintenanceMarginRate: '0.005' },
    });
    const message = problemAt(json, 'stop');
    expect(message).toContain('97.74');
    expect(message).toContain('leverage 6 or less');
  });

  it('accepts a stop strictly inside the liquidation estimate', () => {
    // 3x: estimate = 100 × (1 − 1/3 + 0.005) = 67.17 < 75
    const json = planJson({
      instrument: { symbol: 'DEMO', tickSize: '0.01', lotStep: '0.001' },
      stop: { percent: '25' },
      limits: { leverage: '3', maintenanceMarginRate: '0.005' },
    });
    expect(checkPlan(json).ok).toBe(true);
  });

  it.each([
    ['a stop in ATR', { stop: { atr: '2' } }],
    ['unit sizing', { sizing: { method: 'unit' } }],
    ['an add step in ATR', { scaleIn: [{ step: { atr: '0.5' }, size: '1' }] }],
    ['a target in ATR', { scaleOut: [{ at: { atr: '3' }, share: 'rest' }] }],
    [
      'a raise in ATR',
      { stopRules: [{ on: 'target', raise: { atr: '1' } }], scaleOut: [{ at: { r: '1' }, share: '0.5' }] },
    ],
  ])('rejects %s without an ATR, saying how to give one', (_name, overrides) => {
    const message = problemAt(planJson(overrides), 'volatility');
    expect(message).toContain('"atr"');
    expect(message).toContain('"atrPeriod"');
  });

  it('warns about a too-small add instead of rejecting the plan', () => {
    // add size 0.2 of 20 = 4 < minQty 5
    const check = checkPlan(
      planJson({
        instrument: { symbol: 'TEST', tickSize: '0.01', lotStep: '1', minQty: '5' },
        scaleIn: [{ step: { r: '1' }, size: '0.2' }],
      }),
    );
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.warnings).toEqual([
      { field: 'scaleIn[0]', message: 'too small: quantity 4 is below the minimum 5' },
    ]);
  });

  it('warns about a too-small target by notional', () => {
    // target share 0.1 of 20 = 2; 2 × 110 = 220 < minNotional 500
    const check = checkPlan(
      planJson({
        instrument: { symbol: 'TEST', tickSize: '0.01', lotStep: '1', minNotional: '500' },
        scaleOut: [
          { at: { r: '2' }, share: '0.1' },
          { at: { r: '3' }, share: 'rest' },
        ],
      }),
    );
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.warnings).toEqual([
      { field: 'scaleOut[0]', message: 'too small: notional 220 (2 × 110) is below the minimum 500' },
    ]);
  });
});

describe('checkPlan judges the prices rounded to the tick', () => {
  const TICK_5 = { instrument: { symbol: 'BTCUSDT', tickSize: '5', lotStep: '0.001' } };

  it('rejects a long whose stop rounds (up, toward safety) above the rounded entry, quoting both', () => {
    // entry 60002 → nearest tick 60000; stop 60001 → up → 60005 ≥ 60000
    const json = planJson({ ...TICK_5, entry: { price: '60002', when: 'above' }, stop: { price: '60001' } });
    expect(problemAt(json, 'stop.price')).toBe(
      'stop must be below entry for a long (stop 60005, entry 60000, rounded to the tick 5): move it to the other side of the entry',
    );
  });

  it('rejects a short whose stop rounds (down) below the rounded entry', () => {
    // entry 60003 → 60005; stop 60004 → down → 60000 ≤ 60005
    const json = planJson({
      ...TICK_5,
      side: 'short',
      entry: { price: '60003', when: 'below' },
      stop: { price: '60004' },
    });
    expect(problemAt(json, 'stop.price')).toContain('(stop 60000, entry 60005, rounded to the tick 5)');
  });

  it('rejects an entry that rounds to 0', () => {
    // 2 / 5 = 0.4 → the nearest tick is 0
    const json = planJson({ ...TICK_5, entry: { price: '2', when: 'above' }, stop: { percent: '10' } });
    expect(problemAt(json, 'entry.price')).toContain('rounds to 0 at the tick 5');
  });

  it.each([
    // short, entry 100, stop 105 → R 5: 200 % below 100 is −100; 100 R is 100 − 500 = −400
    ['200 %', { percent: '200' }, '-100'],
    ['+100 R', { r: '100' }, '-400'],
    // exactly at 0: 100 − 20 × 5
    ['+20 R', { r: '20' }, '0'],
  ])('rejects a short’s target at %s, at or below 0', (_name, at, level) => {
    const json = planJson({
      side: 'short',
      entry: { price: '100', when: 'below' },
      stop: { price: '105' },
      scaleOut: [{ at, share: 'rest' }],
    });
    expect(problemAt(json, 'scaleOut[0].at')).toContain(
      `comes to ${level} after rounding to the tick, at or below 0`,
    );
  });

  it('rejects a short’s add whose planned level falls to 0 or below', () => {
    // entry 100, R 5; adds every 10 R as planned: 100 − 50 = 50, then 50 − 50 = 0
    const json = planJson({
      side: 'short',
      entry: { price: '100', when: 'below' },
      stop: { price: '105' },
      scaleIn: [
        { step: { r: '10' }, size: '0.5' },
        { step: { r: '10' }, size: '0.5' },
      ],
    });
    expect(problems(json)).toEqual([
      {
        field: 'scaleIn[1].step',
        message:
          'add 2 comes to 0 after rounding to the tick (stepping from 50), at or below 0: use a smaller step or fewer adds',
      },
    ]);
  });

  it('rejects an add at an absolute price that rounds to 0', () => {
    // 2 → the nearest multiple of 5 is 0
    const json = planJson({
      ...TICK_5,
      side: 'short',
      entry: { price: '100', when: 'below' },
      stop: { price: '105' },
      scaleIn: [{ step: { price: '2' }, size: '0.5' }],
    });
    expect(problemAt(json, 'scaleIn[0].step')).toContain('comes to 0');
  });

  it('rejects a short’s trail activation at or below 0', () => {
    const json = planJson({
      side: 'short',
      entry: { price: '100', when: 'below' },
      stop: { price: '105' },
      stopRules: [{ on: 'tick', activateAt: { percent: '100' }, set: { trail: { amount: '1' } } }],
    });
    expect(problemAt(json, 'stopRules[0].activateAt')).toContain('comes to 0');
  });

  it('accepts a stop that rounding keeps on its side', () => {
    // entry 60002 → 60000; stop 59994 → up → 59995 < 60000
    const json = planJson({ ...TICK_5, entry: { price: '60002', when: 'above' }, stop: { price: '59994' } });
    expect(checkPlan(json).ok).toBe(true);
  });
});

describe('checkPlan: reading the file', () => {
  it('turns numbers into canonical decimal strings', () => {
    const check = checkPlan(
      planJson({
        instrument: { symbol: 'TEST', tickSize: 0.1, lotStep: 0.001, minQty: 1e-7, pointValue: 1 },
        account: { equity: 10000, riskPercent: 1.5 },
        entry: { price: 28.3, when: 'above' },
        stop: { price: '25.90' },
      }),
    );
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.plan.instrument).toMatchObject({
      tickSize: '0.1',
      lotStep: '0.001',
      minQty: '0.0000001',
      pointValue: '1',
    });
    expect(check.plan.account).toEqual({ equity: '10000', riskPercent: '1.5' });
    expect(check.plan.entry.price).toBe('28.3');
    expect(check.plan.stop, '"25.90" is written canonically as 25.9').toEqual({ price: '25.9' });
  });

  it('turns numbers inside lists into decimal strings too', () => {
    const check = checkPlan(
      planJson({
        scaleIn: [{ step: { r: 1 }, size: 0.5 }],
        scaleOut: [
          { at: { r: 2 }, share: 0.25 },
          { at: { price: 130 }, share: 'rest' },
        ],
      }),
    );
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.plan.scaleIn).toEqual([{ step: { r: '1' }, size: '0.5' }]);
    expect(check.plan.scaleOut).toEqual([
      { at: { r: '2' }, share: '0.25' },
      { at: { price: '130' }, share: 'rest' },
    ]);
  });

  it('fills the defaults a plan may leave out', () => {
    const check = checkPlan(planJson());
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.plan.instrument.pointValue).toBe('1');
    expect(check.plan.scaleIn).toEqual([]);
    expect(check.plan.scaleOut).toEqual([]);
    expect(check.plan.stopRules).toEqual([]);
  });

  it('names an unknown top-level field as a possible typo', () => {
    expect(problemAt(planJson({ stopp: { price: '95' } }), 'plan')).toBe('has no field "stopp" (a typo?)');
  });

  it('names an unknown nested field at its object', () => {
    const json = planJson({ instrument: { symbol: 'TEST', tickSize: '0.01', lotStep: '1', tick: '0.01' } });
    expect(problemAt(json, 'instrument')).toBe('has no field "tick" (a typo?)');
  });

  it('names an unknown field inside a list item', () => {
    const json = planJson({ scaleOut: [{ at: { r: '2' }, share: 'rest', qty: '5' }] });
    expect(problemAt(json, 'scaleOut[0]')).toBe('has no field "qty" (a typo?)');
  });

  it('rejects a format written by a newer Tranche', () => {
    expect(problemAt(planJson({ format: 'tranche.plan/2' }), 'format')).toContain('newer Tranche');
  });

  it.each([['tranche.plan'], ['plan/1'], [1], [null]])(
    'rejects the format %j, saying what it must be',
    (format) => {
      expect(problemAt(planJson({ format }), 'format')).toContain('must be "tranche.plan/1"');
    },
  );

  it('rejects a file that is not an object', () => {
    expect(problemAt([], 'plan')).toContain('a plan file is a JSON object');
  });

  it('names every field that is missing', () => {
    const json = planJson();
    delete json.entry;
    delete json.sizing;
    expect(problemAt(json, 'entry')).toBe('is missing');
    expect(problemAt(json, 'sizing'), 'a missing sizing lists the methods').toContain('"risk"');
  });
});

describe('checkPlan messages are a trader’s words, not a zod dump', () => {
  const RAW = [
    /invalid input/i,
    /expected (string|number|object|array)/i,
    /received/i,
    /ZodError/,
    /^\s*[[{]/,
  ];

  it.each<[string, unknown]>([
    ['a side that is not long or short', planJson({ side: 'up' })],
    ['an unknown sizing method', planJson({ sizing: { method: 'martingale' } })],
    ['fixed sizing without a qty', planJson({ sizing: { method: 'fixed' } })],
    ['an entry that is a bare number', planJson({ entry: 100 })],
    ['an entry with a bad when', planJson({ entry: { price: '100', when: 'sideways' } })],
    ['scaleOut as an object', planJson({ scaleOut: { at: { r: '1' }, share: '0.5' } })],
    ['a stop with no kind', planJson({ stop: {} })],
    ['a stop with two kinds', planJson({ stop: { price: '95', atr: '2' } })],
    ['a tick size that is true', planJson({ instrument: { symbol: 'T', tickSize: true, lotStep: '1' } })],
    ['a tick size that is text', planJson({ instrument: { symbol: 'T', tickSize: 'abc', lotStep: '1' } })],
    ['a negative lot step', planJson({ instrument: { symbol: 'T', tickSize: '0.01', lotStep: '-1' } })],
    ['an empty account', planJson({ account: {} })],
    ['a fractional atrPeriod', planJson({ volatility: { atrPeriod: 2.5 } })],
    ['a stop rule with neither raise nor set', planJson({ stopRules: [{ on: 'add' }] })],
    ['a stop rule on an unknown event', planJson({ stopRules: [{ on: 'lunch', set: 'breakeven' }] })],
    ['previousTarget on an add', planJson({ stopRules: [{ on: 'add', set: 'previousTarget' }] })],
    ['a share that is a word', planJson({ scaleOut: [{ at: { r: '1' }, share: 'half' }] })],
    ['a scaleIn step that is a string', planJson({ scaleIn: [{ step: '1R', size: '1' }] })],
    ['null', null],
    ['a string', 'tranche.plan/1'],
  ])('explains %s without raw validator text', (_name, json) => {
    const found = problems(json);
    expect(found.length).toBeGreaterThan(0);
    for (const { field, message } of found) {
      expect(field, 'names a field').not.toBe('');
      for (const pattern of RAW) expect(message, `${field}: ${message}`).not.toMatch(pattern);
    }
  });
});
