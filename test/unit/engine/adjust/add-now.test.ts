import { describe, expect, it } from 'vitest';

import { adjust, px, SIDES, stopsOf, tradeAfter, tradePlan } from './helpers';

// Plan format, "Adjusting a live trade", `addNow`: a fill at the last price, quantity the
// next pending add's planned one (else the entry's); its lot's stop as for a planned add;
// the `on: add` rules run. Trade: entry 20 @ 100, price stop 95 (R 5, budget 100); one
// planned add of 0.5 × 20 = 10 at 1R; the price at 103 (short: mirrored around 100).
const ONE_ADD = { scaleIn: [{ step: { r: '1' }, size: '0.5' }] };
const HEAT = { otherOpenRisk: '300', cap: '500', capPercent: '5' };

describe.each(SIDES)('addNow, %s', (side) => {
  const p = (price: string) => px(side, price);
  const open = (overrides: Record<string, unknown> = {}, path = ['99', '100', '103']) =>
    tradeAfter(side, tradePlan(side, { ...ONE_ADD, ...overrides }), path);

  it('fills the next add’s planned quantity at the last price, with an override over the budget', () => {
    // open risk afterwards 100 + (103 − 95) × 10 = 180 > the budget 100
    const result = adjust(open(), { action: 'addNow', override: 'second leg starting' });
    expect(result.fills).toMatchObject([
      {
        tranche: 'manual',
        side: side === 'long' ? 'buy' : 'sell',
        price: p('103'),
        qty: '10',
        position: '30',
        stops: [p('95'), p('95')],
        openRisk: '180',
      },
    ]);
    expect(result.state.peak).toBe('30');
    expect(result.state.fills, 'the entry and the manual fill').toBe(2);
    expect(
      result.state.tranches.find((tranche) => tranche.id === 'add-1'),
      'the planned add stays where it was',
    ).toMatchObject({ status: 'pending', level: p('105') });
  });

  it('without a pending add, adds the entry quantity', () => {
    const noAdds = tradeAfter(side, tradePlan(side), ['99', '100', '103']);
    const result = adjust(noAdds, { action: 'addNow', override: 'test' });
    expect(result.fills[0]?.qty).toBe('20');
  });

  it('gives a relative stop from its own fill, and runs the add rules', () => {
    const relative = open({ stop: { percent: '5' } });
    // stop 5 % from the fill: 103 × 0.95 = 97.85 (short 97 × 1.05 = 101.85)
    const result = adjust(relative, { action: 'addNow', qty: '5', override: 'test' });
    expect(stopsOf(result)).toEqual([side === 'long' ? '95' : '105', side === 'long' ? '97.85' : '101.85']);
    const breakeven = open({ stopRules: [{ on: 'add', set: 'breakeven' }] });
    // (20 × 100 + 10 × 103) / 30 = 101 for every lot; open risk (100 − 101) × 20 + (103 − 101) × 10 = 0
    const withRules = adjust(breakeven, { action: 'addNow' });
    expect(stopsOf(withRules)).toEqual([p('101'), p('101')]);
    expect(withRules.applied).toMatchObject({ openRisk: '0', overridden: [] });
  });

  it('refuses averaging down unless overridden', () => {
    const losing = open({ stopRules: [{ on: 'add', set: 'breakeven' }] }, ['99', '100', '98']);
    // 20 × (98 − 100) = −40 at the last price
    const refused = adjust(losing, { action: 'addNow' });
    expect(refused.reason).toBe(
      `the position is at a loss of 40 at the last price ${p('98')}.00 (average entry 100): adding now averages down: give a reason to override`,
    );
    const overridden = adjust(losing, { action: 'addNow', override: 'retest of the breakout' });
    expect(overridden.applied?.overridden.map((refusal) => refusal.code)).toEqual(['averaging-down']);
  });

  it('refuses, unless overridden, open risk afterwards above maxOpenRiskPercent', () => {
    // cap 10 000 × 1.5 % = 150 < 180
    expect(adjust(open({ limits: { maxOpenRiskPercent: '1.5' } }), { action: 'addNow' }).reason).toBe(
      "open risk afterwards would be 180, above the plan's cap of 1.5% of equity (150): give a reason to override",
    );
  });

  it('refuses, unless overridden, the account heat above its cap', () => {
    const breakeven = open({ stopRules: [{ on: 'add', set: 'breakeven' }] });
    // this plan's open risk afterwards is 0 (breakeven); 300 + 0 ≤ 500 passes
    expect(adjust(breakeven, { action: 'addNow' }, { heat: HEAT }).applied).toBeDefined();
    // without rules: 180 + 300 = 480 ≤ 500 passes the heat, fails the budget; with 350 others: 530 > 500
    const result = adjust(open(), { action: 'addNow' }, { heat: { ...HEAT, otherOpenRisk: '350' } });
    expect(result.refusals.map((refusal) => refusal.code)).toEqual(['open-risk', 'open-risk']);
    expect(result.reason).toBe(
      "open risk afterwards would be 180, above the plan's risk budget of 100; the account's open risk afterwards would be 530, above the account heat cap of 5% of equity (500): give a reason to override",
    );
  });

  it('refuses beyond maxQty, whatever the reason', () => {
    expect(adjust(open({ limits: { maxQty: '25' } }), { action: 'addNow', override: 'x' }).reason).toBe(
      'the position would be 30, above maxQty 25',
    );
  });

  it.each([
    [{ qty: '2.5' }, {}, 'quantity 2.5 is not a multiple of the lot step 1'],
    [
      { qty: '3' },
      { instrument: { symbol: 'TEST', tickSize: '0.01', lotStep: '1', minQty: '5' } },
      'too small: quantity 3 is below the minimum 5',
    ],
  ])('refuses a quantity the exchange cannot take: %j', (change, overrides, reason) => {
    expect(adjust(open(overrides), { action: 'addNow', ...change, override: 'x' }).reason).toBe(reason);
  });
});

describe('addNow beyond the liquidation estimate', () => {
  // leverage 10, mmr 0; entry 20 @ 100 and add-1 10 @ 105, then 20 more now at 115.
  // long: average (2000 + 1050 + 2300) / 50 = 107, estimate × 0.9 = 96.3 above the stop 95;
  // short (mirrored fills 100, 95, 85): (2000 + 950 + 1700) / 50 = 93, × 1.1 = 102.3 below 105
  it.each([
    ['long', '96.30'],
    ['short', '102.30'],
  ] as const)('is refused for a %s, whatever the reason', (side, liquidation) => {
    const planned = tradePlan(side, { ...ONE_ADD, limits: { leverage: '10' } });
    const levered = tradeAfter(side, planned, ['99', '100', '115']);
    expect(adjust(levered, { action: 'addNow', qty: '20', override: 'x' }).reason).toBe(
      `the stop ${px(side, '95')}.00 lies at or beyond the liquidation estimate ${liquidation} at 10x leverage`,
    );
  });
});
