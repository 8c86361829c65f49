import { describe, expect, it } from 'vitest';

import { brief, runEvents, ticks } from '../../helpers';
import type { Trade } from './helpers';
import { adjust, px, SIDES, tradeAfter, tradePlan } from './helpers';

// Plan format, "Adjusting a live trade", `add`: moves, removes or cancels pending scale-ins;
// a moved add is the new reference of later steps only once it fills. Trade: entry 20 @ 100
// (R 5), two adds of 0.5 × 20 = 10, each 1R from the previous fill (add-1 at 105); the stop
// moves to breakeven on every add (so the moved adds keep open risk within the budget 100);
// the price at 102 (short: mirrored around 100).
const ADDS = {
  scaleIn: [
    { step: { r: '1' }, size: '0.5' },
    { step: { r: '1' }, size: '0.5' },
  ],
  stopRules: [{ on: 'add', set: 'breakeven' }],
};

describe.each(SIDES)('add, %s', (side) => {
  const p = (price: string) => px(side, price);
  const open = (overrides: Record<string, unknown> = ADDS): Trade =>
    tradeAfter(side, tradePlan(side, overrides), ['99', '100', '102']);
  const then = (trade: Trade, path: readonly string[]) => runEvents(trade.state, ticks(path.map(p), 2000));
  const addLevels = (trade: Trade) =>
    trade.state.tranches.filter((tranche) => tranche.kind === 'add').map((tranche) => tranche.level);

  it('moves the next add; the step after it counts from its fill', () => {
    const moved = adjust(open(), { action: 'add', index: 1, price: p('106.5') });
    expect(addLevels(moved)).toEqual([p('106.5'), null]);
    // add-1 fills at 106.5, add-2 one R (5) from that fill: 111.5
    const run = then(moved, ['107', '112']);
    expect(brief(run.fills)).toEqual([
      { tranche: 'add-1', price: p('106.5'), qty: '10' },
      { tranche: 'add-2', price: p('111.5'), qty: '10' },
    ]);
  });

  it('moves a later add to a price that stays after the earlier one fills', () => {
    const moved = adjust(open(), { action: 'add', index: 2, price: p('112') });
    expect(brief(then(moved, ['105', '111', '112']).fills)).toEqual([
      { tranche: 'add-1', price: p('105'), qty: '10' },
      { tranche: 'add-2', price: p('112'), qty: '10' },
    ]);
  });

  it('removes an add: the next is measured from the last fill, as if never planned', () => {
    const removed = adjust(
      open({
        scaleIn: [
          { step: { r: '1' }, size: '0.5' },
          { step: { r: '2' }, size: '0.25' },
        ],
      }),
      { action: 'add', index: 1, remove: true },
    );
    // the former add-2, now add-1: 2R from the entry fill 100 = 110, 0.25 × 20 = 5
    expect(addLevels(removed)).toEqual([p('110')]);
    expect(brief(then(removed, ['106', '110']).fills)).toEqual([
      { tranche: 'add-1', price: p('110'), qty: '5' },
    ]);
  });

  it('cancels every pending add', () => {
    const cancelled = adjust(open(), { action: 'add', cancel: true });
    expect(cancelled.state.tranches.filter((tranche) => tranche.kind === 'add').map((t) => t.status)).toEqual(
      ['cancelled', 'cancelled'],
    );
    expect(then(cancelled, ['106', '111']).fills).toEqual([]);
    expect(adjust(cancelled, { action: 'add', cancel: true }).reason).toBe('no add is pending');
  });

  it('refuses an add at or past the last price: that is add now', () => {
    expect(adjust(open(), { action: 'add', index: 1, price: p('101') }).reason).toBe(
      `an add at ${p('101')}.00 is at or past the last price ${p('102')}.00 and would fill at once: use add now`,
    );
  });

  it('refuses an add that is not pending', () => {
    const filled = tradeAfter(side, tradePlan(side, ADDS), ['99', '100', '106']);
    expect(adjust(filled, { action: 'add', index: 1, price: p('108') }).reason).toBe(
      'add 1 of 2 is filled, not pending',
    );
  });

  it('refuses, unless overridden, a moved add whose open risk afterwards exceeds the risk budget', () => {
    const noRules = open({ scaleIn: ADDS.scaleIn });
    // no cap: the budget 100; the entry's 100 + (106 − 95) × 10 at the price stop = 210
    const refused = adjust(noRules, { action: 'add', index: 1, price: p('106') });
    expect(refused.reason).toBe(
      "open risk afterwards would be 210, above the plan's risk budget of 100: give a reason to override",
    );
    const overridden = adjust(noRules, {
      action: 'add',
      index: 1,
      price: p('106'),
      override: 'breakout retest',
    });
    expect(addLevels(overridden)).toEqual([p('106'), null]);
  });

  it('refuses, unless overridden, a moved add beyond maxOpenRiskPercent', () => {
    const capped = open({ scaleIn: ADDS.scaleIn, limits: { maxOpenRiskPercent: '1.5' } });
    // cap 10 000 × 1.5 % = 150 < 210
    expect(adjust(capped, { action: 'add', index: 1, price: p('106') }).reason).toBe(
      "open risk afterwards would be 210, above the plan's cap of 1.5% of equity (150): give a reason to override",
    );
  });
});

describe('a moved add beyond the liquidation estimate', () => {
  // leverage 10, mmr 0; add-1 moved to 120 (short: 80) for 10 at the price stop 95 (105):
  // long: average (2000 + 1200) / 30 = 106.67, estimate × 0.9 = 96 > the stop 95;
  // short: average (2000 + 800) / 30 = 93.33, estimate × 1.1 = 102.666… < the stop 105
  it.each([
    ['long', '96.00'],
    ['short', '102.67'],
  ] as const)('is refused for a %s, whatever the reason', (side, liquidation) => {
    const planned = tradePlan(side, { scaleIn: ADDS.scaleIn, limits: { leverage: '10' } });
    const trade = tradeAfter(side, planned, ['99', '100', '102']);
    const result = adjust(trade, { action: 'add', index: 1, price: px(side, '120'), override: 'all in' });
    expect(result.reason).toBe(
      `the stop ${px(side, '95')}.00 lies at or beyond the liquidation estimate ${liquidation} at 10x leverage`,
    );
  });
});
