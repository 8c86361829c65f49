import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { planLadder, type LadderRow } from '../../../lib/sim/ladder';
import { checkPlan } from '../../../lib/checks/check-plan';
import { plan } from '../helpers';

const PYRAMID_JSON: unknown = JSON.parse(
  readFileSync('test/fixtures/golden/plans/pyramid-50-30-20.json', 'utf8'),
);

function pick(rows: readonly LadderRow[], keys: string[]): Record<string, unknown>[] {
  return rows.map((row) =>
    Object.fromEntries(
      keys.filter((key) => key in row).map((key) => [key, (row as Record<string, unknown>)[key]]),
    ),
  );
}

describe('the planned ladder', () => {
  it('replays the pyramid 50/30/20 along its own levels: position, average, stops and open risk after each tranche', () => {
    const checked = checkPlan(PYRAMID_JSON);
    if (!checked.ok) throw new Error('the golden pyramid is valid');
    const ladder = planLadder(checked.plan);
    if (!ladder.ok) throw new Error(ladder.reason);
    // R = 100 − 95 = 5; budget 10,000 × 1 % = 100; entry qty 100 / 5 = 20; initial risk 5 × 20 = 100.
    expect([ladder.entryPrice, ladder.initialStop, ladder.r, ladder.budget, ladder.initialRisk]).toEqual([
      '100',
      '95',
      '5',
      '100',
      '100',
    ]);
    expect(
      pick(ladder.rows, [
        'tranche',
        'price',
        'qty',
        'position',
        'avgPrice',
        'stops',
        'openRisk',
        'openRiskPercent',
        'openRiskR',
        'realizedPnl',
      ]),
    ).toEqual([
      // (100 − 95) × 20 = 100 = 1 % of 10,000 = 1 R.
      {
        tranche: 'entry',
        price: '100',
        qty: '20',
        position: '20',
        avgPrice: '100',
        stops: ['95'],
        openRisk: '100',
        openRiskPercent: '1',
        openRiskR: '1',
        realizedPnl: '0',
      },
      // Add at 100 + 1 R = 105, 20 × 0.6 = 12; average (2000 + 1260) / 32 = 101.875, breakeven
      // rounds up to 101.88; open risk (100 − 101.88) × 20 + (105 − 101.88) × 12 = −37.6 + 37.44.
      {
        tranche: 'add-1',
        price: '105',
        qty: '12',
        position: '32',
        avgPrice: '101.875',
        stops: ['101.88', '101.88'],
        openRisk: '-0.16',
        openRiskPercent: '-0.0016',
        openRiskR: '-0.0016',
        realizedPnl: '0',
      },
      // Add at 105 + 5 = 110, 20 × 0.4 = 8; average (3260 + 880) / 40 = 103.5: every lot at breakeven.
      {
        tranche: 'add-2',
        price: '110',
        qty: '8',
        position: '40',
        avgPrice: '103.5',
        stops: ['103.5', '103.5', '103.5'],
        openRisk: '0',
        openRiskPercent: '0',
        openRiskR: '0',
        realizedPnl: '0',
      },
      // Target 100 + 3 R = 115 sells half the peak 40, the entry lot first: (115 − 100) × 20 = 300.
      // Left 12 @ 105 and 8 @ 110, average 107; open risk 1.5 × 12 + 6.5 × 8 = 70.
      {
        tranche: 'target-1',
        price: '115',
        qty: '20',
        position: '20',
        avgPrice: '107',
        stops: ['103.5', '103.5'],
        openRisk: '70',
        openRiskPercent: '0.7',
        openRiskR: '0.7',
        realizedPnl: '300',
      },
      // Target 100 + 5 R = 125 sells the rest: 300 + 20 × 12 + 15 × 8 = 660.
      {
        tranche: 'target-2',
        price: '125',
        qty: '20',
        position: '0',
        avgPrice: null,
        stops: [],
        openRisk: '0',
        openRiskPercent: '0',
        openRiskR: '0',
        realizedPnl: '660',
      },
    ]);
  });

  it('lists a tranche below the exchange minimum as skipped, with the reason', () => {
    // Entry 20; add size 0.01 → 0.2 rounds down to 0 at lot step 1: too small.
    const ladder = planLadder(plan({ scaleIn: [{ step: { r: '1' }, size: '0.01' }] }));
    if (!ladder.ok) throw new Error(ladder.reason);
    expect(ladder.rows.map((row) => [row.tranche, row.status])).toEqual([
      ['entry', 'filled'],
      ['add-1', 'skipped'],
    ]);
    const skipped = ladder.rows[1];
    expect(skipped?.status === 'skipped' ? skipped.level : null, '100 + 1 R').toBe('105');
  });

  it('gives % of equity as null when the plan sets only a risk amount', () => {
    const ladder = planLadder(plan({ account: { riskAmount: '50' } }));
    if (!ladder.ok) throw new Error(ladder.reason);
    // Budget 50 / R 5 = 10 units; open risk 5 × 10 = 50 = 1 R.
    expect(pick(ladder.rows, ['qty', 'openRisk', 'openRiskPercent', 'openRiskR'])).toEqual([
      { qty: '10', openRisk: '50', openRiskPercent: null, openRiskR: '1' },
    ]);
  });

  it('cannot draw a plan whose ATR comes from candles, and says what would', () => {
    const ladder = planLadder(plan({ volatility: { atrPeriod: 20 }, stop: { atr: '2' } }));
    expect(ladder.ok).toBe(false);
    expect(ladder.ok ? '' : ladder.reason).toMatch(/give volatility\.atr/);
  });
});
