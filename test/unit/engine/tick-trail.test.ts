import { describe, expect, it } from 'vitest';

import { createEngine } from '../../../lib/engine/create';
import type { PathPoint } from '../helpers';
import { brief, gap, plan, runEvents, runTicks, ticks } from '../helpers';

// The tick trail (plan format, "The tick trail"): its best price is the most favourable price
// the path has reached since the rule activated, with no look-ahead. Inside a segment the
// path visits each level it meets, in order; at each one the trail first moves to that price,
// the level fills, the trail applies again, and a level the price is then at or past fills at
// that price; at the segment's end the same at the end price. A fill line never shows a stop
// computed from a price the path had not reached yet.
//
// Base plan: long, entry 100 (above), stop 95 → R = 5, budget 100, entry qty 100 / 5 = 20,
// tick 0.01, lot 1. Every expected stop below is worked out by hand in the comment next to it.

const SHORT = { side: 'short', entry: { price: '100', when: 'below' }, stop: { price: '105' } };
const TRAIL_3 = { on: 'tick', set: { trail: { amount: '3' } } };

function stopsOf(run: ReturnType<typeof runTicks>): string[] {
  return run.state.lots.map((lot) => lot.stop);
}

function fillLines(run: ReturnType<typeof runTicks>) {
  return run.fills.map(({ tranche, price, qty, stops }) => ({ tranche, price, qty, stops }));
}

describe('a fill inside a segment trails from the fill’s own price', () => {
  it.each<{
    side: string;
    overrides: Record<string, unknown>;
    path: PathPoint[];
    line: string;
    after: string;
  }>([
    {
      side: 'long',
      // 99 → 103 meets the entry at 100: 100 − 3 = 97 on the fill line; 103 − 3 = 100 after
      overrides: { stopRules: [TRAIL_3] },
      path: ['99', '103'],
      line: '97',
      after: '100',
    },
    {
      side: 'short',
      // 101 → 97 meets the entry at 100: 100 + 3 = 103 on the fill line; 97 + 3 = 100 after
      overrides: { ...SHORT, stopRules: [TRAIL_3] },
      path: ['101', '97'],
      line: '103',
      after: '100',
    },
  ])('$side', ({ overrides, path, line, after }) => {
    const run = runTicks(plan(overrides), path);
    expect(fillLines(run)).toEqual([{ tranche: 'entry', price: '100', qty: '20', stops: [line] }]);
    expect(stopsOf(run), 'the end of the segment moves the trail on').toEqual([after]);
  });
});

describe('a rule that activates inside a segment trails from the level where it is met', () => {
  // activateAt 1 R from the planned entry; a target between the activation and the segment's end
  it('long: activation 105, target at 107 on the way from 100 to 110', () => {
    const run = runTicks(
      plan({
        scaleOut: [{ at: { r: '1.4' }, share: '0.5' }], // 100 + 1.4 × 5 = 107, sells 0.5 × 20 = 10
        stopRules: [{ on: 'tick', activateAt: { r: '1' }, set: { trail: { amount: '3' } } }],
      }),
      ['99', '100', '110'],
    );
    // at 107 the rule is active (107 ≥ 105): 107 − 3 = 104 on the target's line; 110 − 3 = 107 after
    expect(fillLines(run)).toEqual([
      { tranche: 'entry', price: '100', qty: '20', stops: ['95'] },
      { tranche: 'target-1', price: '107', qty: '10', stops: ['104'] },
    ]);
    expect(stopsOf(run)).toEqual(['107']);
  });

  it('short: activation 95, target at 93 on the way from 100 to 90', () => {
    const run = runTicks(
      plan({
        ...SHORT,
        scaleOut: [{ at: { r: '1.4' }, share: '0.5' }], // 100 − 7 = 93
        stopRules: [{ on: 'tick', activateAt: { r: '1' }, set: { trail: { amount: '3' } } }],
      }),
      ['101', '100', '90'],
    );
    // at 93: 93 + 3 = 96 on the target's line; at 90: 90 + 3 = 93 after
    expect(fillLines(run)).toEqual([
      { tranche: 'entry', price: '100', qty: '20', stops: ['105'] },
      { tranche: 'target-1', price: '93', qty: '10', stops: ['96'] },
    ]);
    expect(stopsOf(run)).toEqual(['93']);
  });
});

describe('an add and a target met on the same segment', () => {
  // add-1 1 R from the entry fill (size 0.5 → 10) with its own 5 % stop; target-1 at 1.6 R
  // selling half the peak position (0.5 × 30 = 15, first-in, first-out)
  const LADDER = {
    stop: { percent: '5' },
    scaleIn: [{ step: { r: '1' }, size: '0.5' }],
    scaleOut: [{ at: { r: '1.6' }, share: '0.5' }],
    stopRules: [TRAIL_3],
  };

  it('long: 100 → 110 meets the add at 105, then the target at 108', () => {
    const run = runTicks(plan(LADDER), ['99', '100', '110']);
    // add at 105: the trail moves lot 1 to 105 − 3 = 102; the new lot's own stop
    // 105 − 5.25 = 99.75 is then trailed to 102 too.
    // target at 108: 108 − 3 = 105 for both lots; 15 sold from lot 1 (20 → 5)
    // open risk on the target's line: (100 − 105) × 5 + (105 − 105) × 10 = −25
    expect(fillLines(run)).toEqual([
      { tranche: 'entry', price: '100', qty: '20', stops: ['97'] },
      { tranche: 'add-1', price: '105', qty: '10', stops: ['102', '102'] },
      { tranche: 'target-1', price: '108', qty: '15', stops: ['105', '105'] },
    ]);
    expect(run.fills[2]?.openRisk).toBe('-25');
    // the segment ends at 110: 110 − 3 = 107
    expect(stopsOf(run)).toEqual(['107', '107']);
  });

  it('short: 100 → 90 meets the add at 95, then the target at 92', () => {
    const run = runTicks(plan({ ...LADDER, ...SHORT, stop: { percent: '5' } }), ['101', '100', '90']);
    // add at 95: 95 + 3 = 98 for both (the new lot's own 95 + 4.75 = 99.75 is worse)
    // target at 92: 92 + 3 = 95; open risk (95 − 100) × 5 + (95 − 95) × 10 = −25
    expect(fillLines(run)).toEqual([
      { tranche: 'entry', price: '100', qty: '20', stops: ['103'] },
      { tranche: 'add-1', price: '95', qty: '10', stops: ['98', '98'] },
      { tranche: 'target-1', price: '92', qty: '15', stops: ['95', '95'] },
    ]);
    expect(run.fills[2]?.openRisk).toBe('-25');
    expect(stopsOf(run)).toEqual(['93', '93']);
  });
});

describe('a gap fills at the open and trails from it', () => {
  it('long: an entry on a gap to 103 trails from 103, a target on a gap to 109 from 109', () => {
    const run = runTicks(plan({ scaleOut: [{ at: { r: '1.2' }, share: '0.5' }], stopRules: [TRAIL_3] }), [
      '99',
      gap('103'),
      gap('109'),
    ]);
    // entry fills at the gap's 103: 103 − 3 = 100; target 106 fills at the gap's 109: 109 − 3 = 106
    expect(fillLines(run)).toEqual([
      { tranche: 'entry', price: '103', qty: '20', stops: ['100'] },
      { tranche: 'target-1', price: '109', qty: '10', stops: ['106'] },
    ]);
  });

  it('short: an entry on a gap to 97 trails from 97, a target on a gap to 91 from 91', () => {
    const run = runTicks(
      plan({ ...SHORT, scaleOut: [{ at: { r: '1.2' }, share: '0.5' }], stopRules: [TRAIL_3] }),
      ['101', gap('97'), gap('91')],
    );
    // entry at 97: 97 + 3 = 100; target 94 fills at 91: 91 + 3 = 94
    expect(fillLines(run)).toEqual([
      { tranche: 'entry', price: '97', qty: '20', stops: ['100'] },
      { tranche: 'target-1', price: '91', qty: '10', stops: ['94'] },
    ]);
  });
});

describe('a stop the rules move to the price fills there, during the move', () => {
  // target-1 at 1 R sells half; `raise` on target moves every lot 10 up (long) or down (short)
  it('long: raised from 95 to 105 at the target at 105 on the way to 110', () => {
    const run = runTicks(
      plan({
        scaleOut: [{ at: { r: '1' }, share: '0.5' }],
        stopRules: [{ on: 'target', raise: { amount: '10' } }],
      }),
      ['99', '100', '110'],
    );
    // 95 + 10 = 105 is at the price of that moment: the last 10 stop out at 105
    // realized: (105 − 100) × 10 + (105 − 100) × 10 = 100
    expect(brief(run.fills)).toEqual([
      { tranche: 'entry', price: '100', qty: '20' },
      { tranche: 'target-1', price: '105', qty: '10' },
      { tranche: 'stop', price: '105', qty: '10' },
    ]);
    expect(run.state.realizedPnl).toBe('100');
  });

  it('short: lowered from 105 to 95 at the target at 95 on the way to 90', () => {
    const run = runTicks(
      plan({
        ...SHORT,
        scaleOut: [{ at: { r: '1' }, share: '0.5' }],
        stopRules: [{ on: 'target', raise: { amount: '10' } }],
      }),
      ['101', '100', '90'],
    );
    expect(brief(run.fills)).toEqual([
      { tranche: 'entry', price: '100', qty: '20' },
      { tranche: 'target-1', price: '95', qty: '10' },
      { tranche: 'stop', price: '95', qty: '10' },
    ]);
    expect(run.state.realizedPnl).toBe('100');
  });
});

describe('the open-risk cut of an add sees the stops of that moment', () => {
  // add-1 at 105 of 20 more (size 1), its lot opening at the previous lot's price stop;
  // cap 0.1 % of 10000 = 10. At 105 the trail has lot 1 at 105 − 3 = 102, so
  // (100 − 102) × 20 + (105 − 102) × q ≤ 10 → −40 + 3 q ≤ 10 → q ≤ 16.67 → 16
  const CUT = {
    scaleIn: [{ step: { r: '1' }, size: '1' }],
    stopRules: [TRAIL_3],
    limits: { maxOpenRiskPercent: '0.1' },
  };

  it('in the simulator', () => {
    const run = runTicks(plan(CUT), ['99', '100', '110']);
    // the add's line: both lots at 102; open risk −40 + 3 × 16 = 8
    expect(run.fills[1]).toMatchObject({ tranche: 'add-1', price: '105', qty: '16', stops: ['102', '102'] });
    expect(run.fills[1]?.openRisk).toBe('8');
  });

  it('in the extension, where the add waits for the trader', () => {
    const state = createEngine(plan(CUT), { mode: 'confirm', fill: 'level' });
    const run = runEvents(state, [
      ...ticks(['99', '100']),
      { type: 'fill', tranche: 'entry', time: 3 },
      { type: 'tick', price: '110', time: 4 },
    ]);
    const add = run.alerts.find((alert) => alert.tranche === 'add-1' && alert.kind === 'trigger');
    expect(add).toMatchObject({ price: '105', qty: '16' });
  });
});

describe('the examples that showed the look-ahead', () => {
  it('a short entered at 4,446.25 on a move to 4,449.00 trails from 4,446.25', () => {
    const run = runTicks(
      plan({
        instrument: { symbol: 'ES', tickSize: '0.25', lotStep: '1' },
        side: 'short',
        account: { equity: '100000', riskPercent: '1' },
        entry: { price: '4446.25' }, // first touch: the data starts below, so it waits for a rise
        stop: { price: '4470' },
        stopRules: [{ on: 'tick', set: { trail: { amount: '10' } } }],
      }),
      ['4440', '4449', '4430', '4441'],
    );
    // the entry line: 4446.25 + 10 = 4456.25 (not 4449 + 10 = 4459); 4449 is no better for a short;
    // 4430 → 4440; the rise to 4441 stops out at 4440.
    // qty = 1000 / (4470 − 4446.25) = 1000 / 23.75 = 42.1… → 42
    expect(fillLines(run)).toEqual([
      { tranche: 'entry', price: '4446.25', qty: '42', stops: ['4456.25'] },
      { tranche: 'stop', price: '4440', qty: '42', stops: [] },
    ]);
  });

  it('a long’s target filled at 3,257.10 on the way to 3,306.98 trails from 3,257.10', () => {
    const run = runTicks(
      plan({
        entry: { price: '3200', when: 'above' },
        stop: { price: '3150' }, // R = 50, qty 100 / 50 = 2
        scaleOut: [{ at: { price: '3257.10' }, share: '0.5' }],
        stopRules: [{ on: 'tick', set: { trail: { percent: '1' } } }],
      }),
      ['3190', '3200', '3306.98'],
    );
    // entry: 3200 − 32 = 3168
    // target: 3257.10 − 32.571 = 3224.529 → up → 3224.53 (below the fill price, as a stop must be)
    // end: 3306.98 − 33.0698 = 3273.9102 → up → 3273.92
    expect(fillLines(run)).toEqual([
      { tranche: 'entry', price: '3200', qty: '2', stops: ['3168'] },
      { tranche: 'target-1', price: '3257.1', qty: '1', stops: ['3224.53'] },
    ]);
    expect(stopsOf(run)).toEqual(['3273.92']);
  });
});
