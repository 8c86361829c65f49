import { describe, expect, it } from 'vitest';

import type { PathPoint } from '../helpers';
import { brief, gap, plan, runTicks } from '../helpers';

// Base plan: long, entry 100, stop 95 → R = 5, budget 100, entry qty 20.
// Plan format, "Lots" and "How the stop moves": each entry or add fill opens a lot with its own stop; rules run
// in order; `raise` moves every lot but the one just added (on `target`: every lot); `set`
// offers every lot one stop; a stop only moves in the trade's favour; stops round toward safety.

const ONE_ADD = { scaleIn: [{ step: { r: '1' }, size: '0.5' }] }; // add-1 at 105, qty 10
const SHORT = { side: 'short', entry: { price: '100', when: 'below' }, stop: { price: '105' } };

function stopsAfter(
  overrides: Record<string, unknown>,
  points: PathPoint[],
  tranche: string,
): readonly string[] {
  const run = runTicks(plan(overrides), points);
  const fill = run.fills.find((candidate) => candidate.tranche === tranche);
  if (!fill) throw new Error(`no ${tranche} fill in ${JSON.stringify(brief(run.fills))}`);
  return fill.stops;
}

describe('the stop of a new lot', () => {
  it('is the previous lot’s current stop when the plan’s stop is a price', () => {
    expect(stopsAfter(ONE_ADD, ['99', '100', '105'], 'add-1')).toEqual(['95', '95']);
  });

  it('is its fill minus the percent distance when the stop is relative', () => {
    // add-1 at 105: 105 − 105 × 5 / 100 = 99.75
    expect(stopsAfter({ ...ONE_ADD, stop: { percent: '5' } }, ['99', '100', '105'], 'add-1')).toEqual([
      '95',
      '99.75',
    ]);
  });

  it('is its fill minus the ATR distance when the stop is in ATR', () => {
    // ATR 2, stop 2 ATR = 4: entry stop 96, R = 4, qty 100 / 4 = 25; add-1 at 104 → stop 100
    const run = runTicks(plan({ ...ONE_ADD, volatility: { atr: '2' }, stop: { atr: '2' } }), [
      '99',
      '100',
      '104',
    ]);
    expect(run.fills[1]).toMatchObject({ tranche: 'add-1', price: '104', qty: '12', stops: ['96', '100'] });
  });

  it('is the previous lot’s stop as moved by earlier rules, before this add’s rules run', () => {
    const run = runTicks(
      plan({
        scaleIn: [
          { step: { r: '1' }, size: '0.5' },
          { step: { r: '1' }, size: '0.5' },
        ],
        stopRules: [{ on: 'add', raise: { amount: '2' } }],
      }),
      ['99', '100', '105', '110'],
    );
    // add-1: lot 2 opens at lot 1's 95; raise lot 1 → 97.          stops [97, 95]
    // add-2: lot 3 opens at lot 2's 95; raise lots 1, 2 → 99, 97.  stops [99, 97, 95]
    expect(run.fills[1]?.stops).toEqual(['97', '95']);
    expect(run.fills[2]?.stops).toEqual(['99', '97', '95']);
  });

  it('is rounded toward safety: down for a short', () => {
    // short, stop 3.3 %: entry stop 100 × 1.033 = 103.3, R = 3.3, qty 100 / 3.3 = 30.3 → 30;
    // add-1 at 100 − 3.3 = 96.7, its stop 96.7 × 1.033 = 99.8911 → down → 99.89
    const overrides = { ...SHORT, ...ONE_ADD, stop: { percent: '3.3' } };
    expect(stopsAfter(overrides, ['101', '100', '96.7'], 'add-1')).toEqual(['103.3', '99.89']);
  });

  it('is its fill plus the distance for a short', () => {
    // short add-1 at 95: 95 + 95 × 5 / 100 = 99.75
    const overrides = { ...SHORT, ...ONE_ADD, stop: { percent: '5' } };
    expect(stopsAfter(overrides, ['101', '100', '95'], 'add-1')).toEqual(['105', '99.75']);
  });
});

describe('stop rules on add and target', () => {
  const TWO_TARGETS = {
    scaleOut: [
      { at: { r: '2' }, share: '0.25' },
      { at: { r: '4' }, share: 'rest' },
    ],
  };

  it.each<{
    name: string;
    overrides: Record<string, unknown>;
    points: PathPoint[];
    tranche: string;
    stops: string[];
  }>([
    {
      name: 'raise on add moves every lot but the new one by an amount',
      // lot 1: 95 + 2 = 97; lot 2 (new, 105 × 0.95 = 99.75) untouched
      overrides: { ...ONE_ADD, stop: { percent: '5' }, stopRules: [{ on: 'add', raise: { amount: '2' } }] },
      points: ['99', '100', '105'],
      tranche: 'add-1',
      stops: ['97', '99.75'],
    },
    {
      name: 'raise on add by ATR',
      // ATR 2: 0.5 × 2 = 1 → lot 1: 96; lot 2 keeps 95 (a price stop: lot 1's stop when it opened)
      overrides: { ...ONE_ADD, volatility: { atr: '2' }, stopRules: [{ on: 'add', raise: { atr: '0.5' } }] },
      points: ['99', '100', '105'],
      tranche: 'add-1',
      stops: ['96', '95'],
    },
    {
      name: 'raise on add by a percent of the last fill',
      // 1 % of the add fill 105 = 1.05 → lot 1: 96.05
      overrides: { ...ONE_ADD, stopRules: [{ on: 'add', raise: { percent: '1' } }] },
      points: ['99', '100', '105'],
      tranche: 'add-1',
      stops: ['96.05', '95'],
    },
    {
      name: 'raise on target moves every lot',
      // peak 30; target-1 at 110 sells 0.25 × 30 = 7.5 → 7 from lot 1 (FIFO): lots 13 @ 100, 10 @ 105;
      // raise 3: 95 → 98 and 99.75 → 102.75
      overrides: {
        ...ONE_ADD,
        ...TWO_TARGETS,
        stop: { percent: '5' },
        stopRules: [{ on: 'target', raise: { amount: '3' } }],
      },
      points: ['99', '100', '105', '110'],
      tranche: 'target-1',
      stops: ['98', '102.75'],
    },
    {
      name: 'set trail on add: the add fill minus an amount, for every lot',
      // 105 − 3 = 102 for both lots (95 and 99.75 are worse)
      overrides: {
        ...ONE_ADD,
        stop: { percent: '5' },
        stopRules: [{ on: 'add', set: { trail: { amount: '3' } } }],
      },
      points: ['99', '100', '105'],
      tranche: 'add-1',
      stops: ['102', '102'],
    },
    {
      name: 'set trail on add by a percent of the add fill',
      // 105 − 105 × 2 / 100 = 102.9
      overrides: { ...ONE_ADD, stopRules: [{ on: 'add', set: { trail: { percent: '2' } } }] },
      points: ['99', '100', '105'],
      tranche: 'add-1',
      stops: ['102.9', '102.9'],
    },
    {
      name: 'set trail keeps a lot whose stop is already better',
      // 105 − 8 = 97: lot 1 95 → 97; lot 2 keeps 99.75
      overrides: {
        ...ONE_ADD,
        stop: { percent: '5' },
        stopRules: [{ on: 'add', set: { trail: { amount: '8' } } }],
      },
      points: ['99', '100', '105'],
      tranche: 'add-1',
      stops: ['97', '99.75'],
    },
    {
      name: 'set trail on target: the last entry or add fill minus the distance',
      // no adds: last entry fill 100 − 3 = 97
      overrides: { ...TWO_TARGETS, stopRules: [{ on: 'target', set: { trail: { amount: '3' } } }] },
      points: ['99', '100', '110'],
      tranche: 'target-1',
      stops: ['97'],
    },
    {
      name: 'breakeven on add: the average entry, rounded up for a long',
      // (20 × 100 + 10 × 105) / 30 = 3050 / 30 = 101.666… → 101.67
      overrides: { ...ONE_ADD, stopRules: [{ on: 'add', set: 'breakeven' }] },
      points: ['99', '100', '105'],
      tranche: 'add-1',
      stops: ['101.67', '101.67'],
    },
    {
      name: 'breakeven on add for a short: rounded down',
      // (20 × 100 + 10 × 95) / 30 = 2950 / 30 = 98.333… → 98.33
      overrides: { ...SHORT, ...ONE_ADD, stopRules: [{ on: 'add', set: 'breakeven' }] },
      points: ['101', '100', '95'],
      tranche: 'add-1',
      stops: ['98.33', '98.33'],
    },
    {
      name: 'breakeven on add only after the add its index names',
      // add-1 (index 1) leaves [95, 95]; add-2 at 110: (2000 + 1050 + 1100) / 40 = 103.75
      overrides: {
        scaleIn: [
          { step: { r: '1' }, size: '0.5' },
          { step: { r: '1' }, size: '0.5' },
        ],
        stopRules: [{ on: 'add', index: 2, set: 'breakeven' }],
      },
      points: ['99', '100', '105', '110'],
      tranche: 'add-2',
      stops: ['103.75', '103.75', '103.75'],
    },
    {
      name: 'breakeven on target',
      // target-1 at 110 sells 5 (0.25 × 20); the remaining lot's average entry is 100
      overrides: { ...TWO_TARGETS, stopRules: [{ on: 'target', index: 1, set: 'breakeven' }] },
      points: ['99', '100', '110'],
      tranche: 'target-1',
      stops: ['100'],
    },
    {
      name: 'breakeven on target: the average of the lots still open after the exit',
      // lots 20 @ 100 and 10 @ 105; target-1 at 115 sells 0.84 × 30 = 25.2 → 25 first-in,
      // first-out: 5 @ 105 remain, so breakeven is 105 (not the 101.67 of all lots)
      overrides: {
        ...ONE_ADD,
        scaleOut: [
          { at: { r: '3' }, share: '0.84' },
          { at: { r: '4' }, share: 'rest' },
        ],
        stopRules: [{ on: 'target', set: 'breakeven' }],
      },
      points: ['99', '100', '105', '115'],
      tranche: 'target-1',
      stops: ['105'],
    },
    {
      name: 'budget on add: the one stop at which open risk equals the budget (long, rounded up)',
      // 20 × (100 − S) + 10 × (105 − S) = 100 → 3050 − 30 S = 100 → S = 98.333… → 98.34
      overrides: { ...ONE_ADD, stopRules: [{ on: 'add', set: 'budget' }] },
      points: ['99', '100', '105'],
      tranche: 'add-1',
      stops: ['98.34', '98.34'],
    },
    {
      name: 'budget on add for a short (rounded down)',
      // 20 × (S − 100) + 10 × (S − 95) = 100 → 30 S = 3050 → S = 101.666… → 101.66
      overrides: { ...SHORT, ...ONE_ADD, stopRules: [{ on: 'add', set: 'budget' }] },
      points: ['101', '100', '95'],
      tranche: 'add-1',
      stops: ['101.66', '101.66'],
    },
    {
      name: 'budget on add with a point value',
      // point value 10: entry qty 100 / (5 × 10) = 2, add-1 2 more at 105;
      // 10 × (2 × (100 − S) + 2 × (105 − S)) = 100 → 410 − 4 S = 10 → S = 100
      overrides: {
        instrument: { symbol: 'TEST', tickSize: '0.01', lotStep: '1', pointValue: '10' },
        scaleIn: [{ step: { r: '1' }, size: '1' }],
        stopRules: [{ on: 'add', set: 'budget' }],
      },
      points: ['99', '100', '105'],
      tranche: 'add-1',
      stops: ['100', '100'],
    },
    {
      name: 'a later rule cannot move a stop back: breakeven then budget',
      // breakeven 101.67, then budget offers 98.34, which is worse: kept at 101.67
      overrides: {
        ...ONE_ADD,
        stopRules: [
          { on: 'add', set: 'breakeven' },
          { on: 'add', set: 'budget' },
        ],
      },
      points: ['99', '100', '105'],
      tranche: 'add-1',
      stops: ['101.67', '101.67'],
    },
  ])('$name', ({ overrides, points, tranche, stops }) => {
    expect(stopsAfter(overrides, points, tranche)).toEqual(stops);
  });

  it('reports the open risk at the budget stop', () => {
    const run = runTicks(plan({ ...ONE_ADD, stopRules: [{ on: 'add', set: 'budget' }] }), [
      '99',
      '100',
      '105',
    ]);
    // (100 − 98.34) × 20 + (105 − 98.34) × 10 = 33.2 + 66.6 = 99.8 (the rounding up keeps it under 100)
    expect(run.fills[1]?.openRisk).toBe('99.8');
  });

  it('sets previousTarget to breakeven after the first target and to the previous level after later ones', () => {
    const run = runTicks(
      plan({
        scaleOut: [
          { at: { r: '1' }, share: '0.25' },
          { at: { r: '2' }, share: '0.25' },
          { at: { r: '3' }, share: 'rest' },
        ],
        stopRules: [{ on: 'target', set: 'previousTarget' }],
      }),
      ['99', '100', '105', '110', '104'],
    );
    // target-1 at 105 (sells 5) → breakeven 100; target-2 at 110 (sells 5) → target-1's level 105;
    // the fall to 104 stops the last 10 at 105.
    expect(run.fills.map(({ tranche, price, qty, stops }) => ({ tranche, price, qty, stops }))).toEqual([
      { tranche: 'entry', price: '100', qty: '20', stops: ['95'] },
      { tranche: 'target-1', price: '105', qty: '5', stops: ['100'] },
      { tranche: 'target-2', price: '110', qty: '5', stops: ['105'] },
      { tranche: 'stop', price: '105', qty: '10', stops: [] },
    ]);
    // realized = 5 × 5 + 5 × 10 + 10 × 5 = 125; realized R = 125 / (5 × 20) = 1.25
    expect(run.state.realizedPnl).toBe('125');
  });

  it('sets previousTarget for a short', () => {
    const run = runTicks(
      plan({
        ...SHORT,
        scaleOut: [
          { at: { r: '1' }, share: '0.25' },
          { at: { r: '2' }, share: '0.25' },
          { at: { r: '3' }, share: 'rest' },
        ],
        stopRules: [{ on: 'target', set: 'previousTarget' }],
      }),
      ['101', '100', '95', '90'],
    );
    // targets 95, 90, 85: after target-1 → breakeven 100; after target-2 → 95
    expect(run.fills.map((fill) => fill.stops)).toEqual([['105'], ['100'], ['95']]);
  });
});

describe('tick trails', () => {
  const TRAIL_3 = { stopRules: [{ on: 'tick', set: { trail: { amount: '3' } } }] };

  it('trails the best price since the entry without activateAt, and never moves back', () => {
    const run = runTicks(plan(TRAIL_3), ['99', '100', '102', '101', '98.9']);
    // entry at 100 → 97; 102 → 99; 101 keeps 99; 98.9 crosses 99 → stop at 99
    expect(run.fills[0]?.stops).toEqual(['97']);
    expect(brief(run.fills)[1]).toEqual({ tranche: 'stop', price: '99', qty: '20' });
    expect(run.fills[1]?.realizedPnl, '(99 − 100) × 20').toBe('-20');
  });

  it('starts trailing only once the price reaches activateAt, measured from the planned entry', () => {
    const run = runTicks(
      plan({ stopRules: [{ on: 'tick', activateAt: { r: '1' }, set: { trail: { amount: '3' } } }] }),
      ['99', '100', '104', '106', '108', '107', '104.5'],
    );
    // activation = 100 + 5 = 105: at 104 the stop stays 95; 106 → 103; 108 → 105; 107 keeps; 104.5 → stop at 105
    expect(run.fills[0]?.stops).toEqual(['95']);
    expect(brief(run.fills)[1]).toEqual({ tranche: 'stop', price: '105', qty: '20' });
    expect(run.fills[1]?.realizedPnl, '(105 − 100) × 20').toBe('100');
  });

  it('does not trail before activateAt is reached', () => {
    const run = runTicks(
      plan({ stopRules: [{ on: 'tick', activateAt: { r: '1' }, set: { trail: { amount: '3' } } }] }),
      ['99', '100', '104.9', '94'],
    );
    expect(brief(run.fills)[1]).toEqual({ tranche: 'stop', price: '95', qty: '20' });
  });

  it('measures activateAt from the planned entry after a gap entry', () => {
    const run = runTicks(
      plan({ stopRules: [{ on: 'tick', activateAt: { r: '1' }, set: { trail: { amount: '3' } } }] }),
      ['101', '105', '101.5'],
    );
    // gap entry at 101; activation stays 105 (not 106): 105 → stop 102; 101.5 → stop at 102
    expect(brief(run.fills)).toEqual([
      { tranche: 'entry', price: '101', qty: '20' },
      { tranche: 'stop', price: '102', qty: '20' },
    ]);
  });

  it('rounds activateAt toward the planned entry, like a target', () => {
    const run = runTicks(
      plan({
        stopRules: [{ on: 'tick', activateAt: { percent: '1.2345' }, set: { trail: { amount: '3' } } }],
      }),
      ['99', '100', '101.23', '97'],
    );
    // 100 × 1.012345 = 101.2345 → down → 101.23: reached at 101.23 → stop 98.23; 97 → stop at 98.23
    expect(brief(run.fills)[1]).toEqual({ tranche: 'stop', price: '98.23', qty: '20' });
  });

  it('rounds a short’s activateAt up, toward the planned entry', () => {
    const run = runTicks(
      plan({
        ...SHORT,
        stopRules: [{ on: 'tick', activateAt: { percent: '1.2345' }, set: { trail: { amount: '3' } } }],
      }),
      ['101', '100', '98.77', '103'],
    );
    // 100 × (1 − 0.012345) = 98.7655 → up → 98.77: reached at 98.77 → stop 101.77; 103 → stop at 101.77
    expect(brief(run.fills)[1]).toEqual({ tranche: 'stop', price: '101.77', qty: '20' });
  });

  it('trails a short’s best (lowest) price by a percent', () => {
    const run = runTicks(plan({ ...SHORT, stopRules: [{ on: 'tick', set: { trail: { percent: '2' } } }] }), [
      '101',
      '100',
      '95',
      '97',
    ]);
    // entry 100 → 102; 95 → 95 + 1.9 = 96.9; 97 crosses → stop at 96.9; realized (100 − 96.9) × 20 = 62
    expect(run.fills[0]?.stops).toEqual(['102']);
    expect(run.fills[1]).toMatchObject({
      tranche: 'stop',
      side: 'buy',
      price: '96.9',
      qty: '20',
      realizedPnl: '62',
    });
  });

  it('rounds a trailed stop toward safety', () => {
    const run = runTicks(plan({ stopRules: [{ on: 'tick', set: { trail: { percent: '3' } } }] }), [
      '99',
      '100',
      '101.23',
      '97',
    ]);
    // 101.23 − 101.23 × 3 / 100 = 101.23 − 3.0369 = 98.1931 → up → 98.2
    expect(brief(run.fills)[1]).toEqual({ tranche: 'stop', price: '98.2', qty: '20' });
  });

  it('moves to a level’s price before the level fills, so a target’s fill line shows it', () => {
    const run = runTicks(
      plan({
        scaleOut: [
          { at: { r: '2' }, share: '0.5' },
          { at: { r: '4' }, share: 'rest' },
        ],
        stopRules: [{ on: 'tick', activateAt: { r: '2' }, set: { trail: { amount: '3' } } }],
      }),
      ['99', '100', '110'],
    );
    // at 110 the trail activates (110 − 3 = 107) before target-1 at 110 fills
    expect(run.fills[1]).toMatchObject({ tranche: 'target-1', price: '110', qty: '10', stops: ['107'] });
  });

  it('applies again after a fill at the fill’s own price, so an add’s fill line shows the new lot trailed', () => {
    const run = runTicks(plan({ ...ONE_ADD, stop: { percent: '5' }, ...TRAIL_3 }), ['99', '100', '106']);
    // On the way to 106 the path meets add-1 at 105: the trail moves lot 1 to 105 − 3 = 102;
    // add-1 fills with its own stop 99.75; the trail applies again at 105 → both lots at 102.
    // open risk = (100 − 102) × 20 + (105 − 102) × 10 = −40 + 30 = −10; at 106 both move to 103.
    expect(run.fills[1]).toMatchObject({
      tranche: 'add-1',
      price: '105',
      stops: ['102', '102'],
      openRisk: '-10',
    });
    expect(run.state.lots.map((lot) => lot.stop)).toEqual(['103', '103']);
  });
});

describe('stop fills', () => {
  // ATR 1, stop 2 ATR: entry stop 98, R = 2, qty = 100 / 2 = 50; add-1 at 100 + 1 ATR = 101,
  // 50 more, with its own stop 101 − 2 = 99.
  const PER_LOT = {
    volatility: { atr: '1' },
    stop: { atr: '2' },
    scaleIn: [
      { step: { atr: '1' }, size: '1' },
      { step: { atr: '5' }, size: '1' },
    ],
  };

  it('closes only the lots whose stops the price reached', () => {
    const run = runTicks(plan(PER_LOT), ['99', '100', '101', '98.5', '97.5']);
    expect(
      run.fills
        .slice(2)
        .map(({ tranche, price, qty, position, stops }) => ({ tranche, price, qty, position, stops })),
    ).toEqual([
      { tranche: 'stop', price: '99', qty: '50', position: '50', stops: ['98'] },
      { tranche: 'stop', price: '98', qty: '50', position: '0', stops: [] },
    ]);
    // realized = (99 − 101) × 50 + (98 − 100) × 50 = −200
    expect(run.state.realizedPnl).toBe('-200');
  });

  it('keeps pending tranches while a lot is left, and cancels them when none is', () => {
    const partial = runTicks(plan(PER_LOT), ['99', '100', '101', '98.5']);
    expect(partial.state.tranches.find((tranche) => tranche.id === 'add-2')?.status).toBe('pending');
    const closed = runTicks(plan(PER_LOT), ['99', '100', '101', '98.5', '97.5', '200']);
    expect(closed.state.phase).toBe('closed');
    expect(closed.state.tranches.find((tranche) => tranche.id === 'add-2')?.status).toBe('cancelled');
    expect(closed.fills, 'nothing after the trade closed').toHaveLength(4);
  });

  it('fills stops met one after the other on a continuous fall separately, at their levels', () => {
    const run = runTicks(plan(PER_LOT), ['99', '100', '101', '97']);
    expect(brief(run.fills.slice(2))).toEqual([
      { tranche: 'stop', price: '99', qty: '50' },
      { tranche: 'stop', price: '98', qty: '50' },
    ]);
  });

  it('closes lots stopped together at one price with one fill', () => {
    const run = runTicks(plan(ONE_ADD), ['99', '100', '105', '94']);
    // both lots share the price stop 95; realized = (95 − 100) × 20 + (95 − 105) × 10 = −200
    expect(run.fills.slice(2)).toHaveLength(1);
    expect(run.fills[2]).toMatchObject({
      tranche: 'stop',
      price: '95',
      qty: '30',
      position: '0',
      realizedPnl: '-200',
    });
  });

  it('closes lots with different stops in one fill at a gap open past both', () => {
    const run = runTicks(plan(PER_LOT), ['99', '100', '101', gap('97')]);
    // realized = (97 − 100) × 50 + (97 − 101) × 50 = −150 − 200 = −350
    expect(run.fills.slice(2)).toHaveLength(1);
    expect(run.fills[2]).toMatchObject({
      tranche: 'stop',
      price: '97',
      qty: '100',
      position: '0',
      realizedPnl: '-350',
    });
  });

  it('closes only the short lots whose stops the price reached', () => {
    const run = runTicks(plan({ ...PER_LOT, ...SHORT, stop: { atr: '2' } }), ['101', '100', '99', '101.5']);
    // short: entry 100 stop 102; add-1 at 99 stop 101; 101.5 reaches only lot 2
    expect(run.fills[2]).toMatchObject({
      tranche: 'stop',
      side: 'buy',
      price: '101',
      qty: '50',
      position: '50',
      stops: ['102'],
    });
  });
});

describe('the Turtle rules (Curtis Faith, "The Original Turtle Trading Rules", 2003: Gold, N = 2.50, breakout 310)', () => {
  // Units every ½ N from the previous fill, each with a 2 N stop; earlier units' stops raised ½ N
  // on every add. Equity 1,000,000 × 1 % / (2.5 × 1) = 4000 per unit (lot 1, point value 1).
  const TURTLE = {
    instrument: { symbol: 'GC', tickSize: '0.01', lotStep: '1' },
    account: { equity: '1000000', riskPercent: '1' },
    volatility: { atr: '2.5' },
    entry: { price: '310', when: 'above' },
    stop: { atr: '2' },
    sizing: { method: 'unit' },
    scaleIn: [
      { step: { atr: '0.5' }, size: '1' },
      { step: { atr: '0.5' }, size: '1' },
      { step: { atr: '0.5' }, size: '1' },
    ],
    stopRules: [{ on: 'add', raise: { atr: '0.5' } }],
  };

  it('puts every unit’s stop 2 N below the last unit when units fill at their levels', () => {
    const run = runTicks(plan(TURTLE), ['309', '310', '311.25', '312.5', '313.75']);
    // 310 → 305; 311.25 → 306.25; 312.50 → 307.50; 313.75 → 308.75 (the rules' table)
    expect(run.fills.map((fill) => fill.stops)).toEqual([
      ['305'],
      ['306.25', '306.25'],
      ['307.5', '307.5', '307.5'],
      ['308.75', '308.75', '308.75', '308.75'],
    ]);
    expect(run.fills.map((fill) => fill.qty)).toEqual(['4000', '4000', '4000', '4000']);
  });

  it('gives a unit that filled on a gap its own higher stop', () => {
    const run = runTicks(plan(TURTLE), ['309', '310', '311.25', '312.5', gap('314.75')]);
    // the fourth unit gaps to 314.75: its stop 314.75 − 5 = 309.75; the others rise to 308.75
    expect(run.fills[3]).toMatchObject({
      tranche: 'add-3',
      price: '314.75',
      stops: ['308.75', '308.75', '308.75', '309.75'],
    });
  });
});
