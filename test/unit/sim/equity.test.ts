import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { checkPlan } from '../../../lib/checks/check-plan';
import { parseCsv } from '../../../lib/sim/csv';
import { backtest, baselinePlan, equityCurve } from '../../../lib/sim/equity';
import { simulate } from '../../../lib/sim/run';
import { plan } from '../helpers';

const read = (path: string) => readFileSync(path, 'utf8');
const checked = checkPlan(JSON.parse(read('test/fixtures/golden/plans/pyramid-50-30-20.json')));
if (!checked.ok) throw new Error('the golden pyramid is valid');
const PYRAMID = checked.plan;
const TICKS = parseCsv(read('test/fixtures/golden/data/pyramid-ticks.csv'), 'pyramid-ticks.csv');

describe('the equity curve', () => {
  it('is realized plus the open position marked to each tick (the golden pyramid)', () => {
    const { lines } = simulate(PYRAMID, TICKS.rows);
    const curve = equityCurve(PYRAMID, TICKS, lines);
    expect(curve.map((point) => [point.price, point.position, point.realizedPnl, point.equity])).toEqual([
      ['99', '0', '0', '0'], // not in yet
      ['100', '20', '0', '0'], // entry 20 @ 100
      ['103', '20', '0', '60'], // 20 × 3
      ['105', '32', '0', '100'], // add 12 @ 105: 32 × (105 − 101.875)
      ['108', '32', '0', '196'], // 32 × (108 − 101.875)
      ['110', '40', '0', '260'], // add 8 @ 110: 40 × (110 − 103.5)
      ['112', '40', '0', '340'], // 40 × 8.5
      ['115', '20', '300', '460'], // target 1: 300 realized + 20 × (115 − 107)
      ['113', '20', '300', '420'], // 300 + 20 × 6
      ['125', '0', '660', '660'], // target 2: all realized
    ]);
    expect(curve[3]?.unrealizedPnl).toBe('100');
  });

  it('mirrors the open P&L for a short and counts the point value', () => {
    // Short 100 → stop 105 (R 5), budget 100 → 20 units at pointValue 2 → 10 units; target at 2 R = 90, half.
    const short = plan({
      side: 'short',
      instrument: { venue: 'any', symbol: 'TEST', tickSize: '0.01', lotStep: '1', pointValue: '2' },
      entry: { price: '100', when: 'below' },
      stop: { price: '105' },
      scaleOut: [{ at: { r: '2' }, share: '0.5' }],
    });
    const data = parseCsv('time,price\n1,101\n2,100\n3,96\n4,90\n5,92\n', 'short.csv');
    const curve = equityCurve(short, data, simulate(short, data.rows).lines);
    expect(curve.map((point) => [point.position, point.realizedPnl, point.equity])).toEqual([
      ['0', '0', '0'],
      ['10', '0', '0'],
      ['10', '0', '80'], // 10 × (100 − 96) × 2
      ['5', '100', '200'], // 5 × 10 × 2 realized + 5 × 10 × 2 open
      ['5', '100', '180'], // 100 + 5 × (100 − 92) × 2
    ]);
  });
});

describe('the single-entry baseline', () => {
  it('keeps the entry and its stop, drops the adds and stop rules, exits everything at the last target', () => {
    const baseline = baselinePlan(PYRAMID);
    expect(baseline.scaleIn).toEqual([]);
    expect(baseline.stopRules).toEqual([]);
    expect(baseline.scaleOut).toEqual([{ at: { r: '5' }, share: 'rest' }]);
    expect(checkPlan(baseline).ok, 'the baseline is itself a valid plan').toBe(true);
  });

  it('over the pyramid ticks: 20 bought at 100 and sold at 125 is 500, the scaling made 160 more', () => {
    const run = backtest(PYRAMID, TICKS);
    expect(run.summary.realizedPnl).toBe('660');
    expect(run.summary.fills).toBe(5);
    expect(run.baseline.summary.realizedPnl).toBe('500'); // 20 × (125 − 100)
    expect(run.baseline.summary.fills).toBe(2);
    // 20 × (price − 100) along the path: 103 → 60, 113 → 260.
    expect(run.baseline.equity.map((point) => point.equity)).toEqual([
      '0',
      '0',
      '60',
      '100',
      '160',
      '200',
      '240',
      '300',
      '260',
      '500',
    ]);
    expect(run.final).toEqual({ plan: '660', baseline: '500', difference: '160' });
  });

  it('holds to the end of the data when the plan has no target, marked to the last price', () => {
    const run = backtest(plan({ scaleIn: [{ step: { r: '1' }, size: '1' }] }), TICKS);
    // Plan: 20 @ 100 + 20 @ 105, last price 125 → 20 × 25 + 20 × 20 = 900. Baseline: 20 × 25 = 500.
    expect(run.final).toEqual({ plan: '900', baseline: '500', difference: '400' });
  });
});
