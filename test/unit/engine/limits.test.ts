import { describe, expect, it } from 'vitest';

import { brief, plan, runTicks } from '../helpers';

// Base plan: long, equity 10000, entry 100, stop 95 → R = 5, budget 100, entry qty 20,
// entry open risk (100 − 95) × 20 = 100. An add at 105 opens a lot with the price stop 95,
// so each unit added carries (105 − 95) = 10 of open risk.
// Plan format, "Open risk": maxOpenRiskPercent holds after every add, counting the stop moves the
// add triggers: the add is cut to the largest lot-step multiple that fits, or skipped with
// the reason (the next step is then measured from the skipped level).

const ADD_20 = { scaleIn: [{ step: { r: '1' }, size: '1' }] }; // add-1 at 105, planned qty 20
const SHORT = { side: 'short', entry: { price: '100', when: 'below' }, stop: { price: '105' } };

function tranche(run: ReturnType<typeof runTicks>, id: string) {
  return run.state.tranches.find((candidate) => candidate.id === id);
}

describe('maxOpenRiskPercent', () => {
  it('does not apply to the entry, which sizing already bounds', () => {
    // cap = 10000 × 0.5 / 100 = 50 < the entry's 100: the entry still fills its 20
    const run = runTicks(plan({ limits: { maxOpenRiskPercent: '0.5' } }), ['99', '100']);
    expect(run.fills[0]).toMatchObject({ tranche: 'entry', qty: '20', openRisk: '100' });
  });

  it('cuts an add to the largest whole lot that fits', () => {
    // cap = 10000 × 1.23 / 100 = 123; 100 + 10 q ≤ 123 → q ≤ 2.3 → lot 1 → 2; open risk 120
    const run = runTicks(plan({ ...ADD_20, limits: { maxOpenRiskPercent: '1.23' } }), ['99', '100', '105']);
    expect(run.fills[1]).toMatchObject({
      tranche: 'add-1',
      price: '105',
      qty: '2',
      position: '22',
      openRisk: '120',
    });
    expect(
      run.alerts.filter((alert) => alert.kind === 'risk').map((alert) => alert.tranche),
      'the cut is reported',
    ).toEqual(['add-1']);
  });

  it('cuts to a fractional lot step and may reach the cap exactly', () => {
    const run = runTicks(
      plan({
        ...ADD_20,
        instrument: { symbol: 'TEST', tickSize: '0.01', lotStep: '0.1' },
        limits: { maxOpenRiskPercent: '1.23' },
      }),
      ['99', '100', '105'],
    );
    // q ≤ 2.3 → lot 0.1 → 2.3; open risk 100 + 23 = 123 = the cap
    expect(run.fills[1]).toMatchObject({ tranche: 'add-1', qty: '2.3', openRisk: '123' });
  });

  it('cuts a short’s add the same way', () => {
    // add-1 at 95 with the price stop 105: 10 per unit; 100 + 10 q ≤ 123 → 2
    const run = runTicks(plan({ ...SHORT, ...ADD_20, limits: { maxOpenRiskPercent: '1.23' } }), [
      '101',
      '100',
      '95',
    ]);
    expect(run.fills[1]).toMatchObject({
      tranche: 'add-1',
      side: 'sell',
      price: '95',
      qty: '2',
      openRisk: '120',
    });
  });

  it('counts the stop moves the add triggers: a raise', () => {
    // raise 2 on add: lot 1 → 97, risk (100 − 97) × 20 = 60; lot 2 at 95: 10 q;
    // cap 123: 60 + 10 q ≤ 123 → q ≤ 6.3 → 6; open risk 60 + 60 = 120
    const run = runTicks(
      plan({
        ...ADD_20,
        stopRules: [{ on: 'add', raise: { amount: '2' } }],
        limits: { maxOpenRiskPercent: '1.23' },
      }),
      ['99', '100', '105'],
    );
    expect(run.fills[1]).toMatchObject({ tranche: 'add-1', qty: '6', stops: ['97', '95'], openRisk: '120' });
  });

  it('counts the stop moves the add triggers: breakeven lets the whole add through', () => {
    // full add 20 at 105: average (2000 + 2100) / 40 = 102.5; both stops at 102.5:
    // open risk (100 − 102.5) × 20 + (105 − 102.5) × 20 = 0 ≤ cap 150
    const run = runTicks(
      plan({
        ...ADD_20,
        stopRules: [{ on: 'add', set: 'breakeven' }],
        limits: { maxOpenRiskPercent: '1.5' },
      }),
      ['99', '100', '105'],
    );
    expect(run.fills[1]).toMatchObject({
      tranche: 'add-1',
      qty: '20',
      stops: ['102.5', '102.5'],
      openRisk: '0',
    });
  });

  it('skips an add that cannot fit at all, with the reason, and measures the next step from the skipped level', () => {
    const run = runTicks(
      plan({
        scaleIn: [
          { step: { r: '1' }, size: '0.5' },
          { step: { r: '1' }, size: '0.5' },
        ],
        limits: { maxOpenRiskPercent: '1' },
      }),
      ['99', '100', '105', '109.99', '110'],
    );
    // cap = 100 = the entry's open risk: nothing fits at 105; add-2 = 105 + 5 = 110 (not 100 + 5)
    expect(brief(run.fills)).toEqual([{ tranche: 'entry', price: '100', qty: '20' }]);
    expect(run.skips.map(({ tranche, time }) => ({ tranche, time }))).toEqual([
      { tranche: 'add-1', time: 3 },
      { tranche: 'add-2', time: 5 },
    ]);
    // cap = 10000 × 1 / 100 = 100
    expect(run.skips[0]?.reason).toEqual({
      code: 'limits',
      limits: [{ limit: 'max-open-risk', percent: '1', cap: '100' }],
    });
    expect(tranche(run, 'add-1')?.status).toBe('skipped');
    expect(tranche(run, 'add-2')?.level).toBe('110');
  });

  it('lets a later add fill once a trailing stop has made room', () => {
    const run = runTicks(
      plan({
        scaleIn: [
          { step: { r: '1' }, size: '0.5' },
          { step: { r: '1' }, size: '0.5' },
        ],
        stopRules: [{ on: 'tick', activateAt: { r: '1.5' }, set: { trail: { amount: '5' } } }],
        limits: { maxOpenRiskPercent: '1' },
      }),
      ['99', '100', '105', '108', '110'],
    );
    // 105: add-1 skipped (cap 100 already used); 108 ≥ activation 107.5 → stop 103, risk −60;
    // 110: the trail moves to 105 first, then add-2 (level 110) fills 10 with the price stop 105:
    // open risk (100 − 105) × 20 + (110 − 105) × 10 = −100 + 50 = −50 ≤ 100
    expect(run.fills[1]).toMatchObject({
      tranche: 'add-2',
      price: '110',
      qty: '10',
      stops: ['105', '105'],
      openRisk: '-50',
    });
  });
});

describe('maxQty', () => {
  it('cuts an add so the position stays within maxQty', () => {
    // 20 held, maxQty 25 → 5 of the planned 20
    const run = runTicks(plan({ ...ADD_20, limits: { maxQty: '25' } }), ['99', '100', '105']);
    expect(run.fills[1]).toMatchObject({ tranche: 'add-1', qty: '5', position: '25' });
  });

  it('skips an add when the position is already at maxQty, with the reason', () => {
    const run = runTicks(plan({ ...ADD_20, limits: { maxQty: '20' } }), ['99', '100', '105']);
    expect(run.fills).toHaveLength(1);
    expect(run.skips[0]).toMatchObject({ tranche: 'add-1' });
    expect(run.skips[0]?.reason).toEqual({ code: 'limits', limits: [{ limit: 'max-qty', maxQty: '20' }] });
  });
});

describe('too-small tranches', () => {
  const MIN_QTY_5 = { instrument: { symbol: 'TEST', tickSize: '0.01', lotStep: '1', minQty: '5' } };

  it('reports an add below minQty instead of dropping it', () => {
    const run = runTicks(
      plan({
        ...MIN_QTY_5,
        scaleIn: [
          { step: { r: '1' }, size: '0.2' },
          { step: { r: '1' }, size: '0.5' },
        ],
      }),
      ['99', '100', '105', '110'],
    );
    // add-1: 0.2 × 20 = 4 < 5 → too small at 105; add-2 (measured from 105, as a skipped level) = 110, qty 10
    expect(run.skips.map(({ tranche, reason }) => ({ tranche, reason }))).toEqual([
      {
        tranche: 'add-1',
        reason: { code: 'too-small', tooSmall: { why: 'min-qty', qty: '4', minQty: '5' } },
      },
    ]);
    expect(tranche(run, 'add-1')?.status).toBe('too-small');
    expect(brief(run.fills)).toEqual([
      { tranche: 'entry', price: '100', qty: '20' },
      { tranche: 'add-2', price: '110', qty: '10' },
    ]);
  });

  it('reports an add below minNotional', () => {
    const run = runTicks(
      plan({
        instrument: { symbol: 'TEST', tickSize: '0.01', lotStep: '1', minNotional: '500' },
        scaleIn: [{ step: { r: '1' }, size: '0.2' }],
      }),
      ['99', '100', '105'],
    );
    // 4 × 105 × 1 = 420 < 500 (the entry: 20 × 100 = 2000 is fine)
    expect(run.skips.map(({ tranche, reason }) => ({ tranche, reason }))).toEqual([
      {
        tranche: 'add-1',
        reason: {
          code: 'too-small',
          tooSmall: { why: 'min-notional', qty: '4', price: '105', notional: '420', minNotional: '500' },
        },
      },
    ]);
  });

  it('reports a target below minQty and leaves the position for the next target', () => {
    const run = runTicks(
      plan({
        ...MIN_QTY_5,
        scaleOut: [
          { at: { r: '1' }, share: '0.2' },
          { at: { r: '2' }, share: 'rest' },
        ],
      }),
      ['99', '100', '105', '110'],
    );
    // 0.2 × 20 = 4 < 5 → too small; the rest (20) goes at 110
    expect(run.skips.map((skip) => skip.tranche)).toEqual(['target-1']);
    expect(tranche(run, 'target-1')?.status).toBe('too-small');
    expect(brief(run.fills)[1]).toEqual({ tranche: 'target-2', price: '110', qty: '20' });
  });
});
