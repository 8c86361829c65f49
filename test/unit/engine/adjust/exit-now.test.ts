import { describe, expect, it } from 'vitest';

import { adjust, px, SIDES, tradeAfter, tradePlan } from './helpers';

// Plan format, "Adjusting a live trade", `exitNow`: a fill at the last price, lots first-in,
// first-out; no lot left closes the plan. Trade: entry 20 @ 100, add-1 10 @ 105 (price stop
// 95 for both), the price at 108 (short: mirrored around 100); a target at 4R (120).
const PLAN = {
  scaleIn: [{ step: { r: '1' }, size: '0.5' }],
  scaleOut: [{ at: { r: '4' }, share: 'rest' }],
};

describe.each(SIDES)('exitNow, %s', (side) => {
  const p = (price: string) => px(side, price);
  const open = (overrides: Record<string, unknown> = {}) =>
    tradeAfter(side, tradePlan(side, { ...PLAN, ...overrides }), ['99', '100', '105', '108']);

  it('takes a share of the position, rounded down to the lot step, oldest lot first', () => {
    // 0.25 × 30 = 7.5 → 7 from the 100 lot: (108 − 100) × 7 = 56
    const result = adjust(open(), { action: 'exitNow', share: '0.25' });
    expect(result.fills).toMatchObject([
      {
        tranche: 'manual',
        side: side === 'long' ? 'sell' : 'buy',
        price: p('108'),
        qty: '7',
        position: '23',
        realizedPnl: '56',
      },
    ]);
    expect(result.state.lots.map((lot) => lot.qty)).toEqual(['13', '10']);
    expect(result.state.peak, 'the peak stays').toBe('30');
  });

  it('takes a quantity across lots', () => {
    // 20 of the 100 lot (+160) and 5 of the 105 lot (+15)
    const result = adjust(open(), { action: 'exitNow', qty: '25' });
    expect(result.fills[0]).toMatchObject({ qty: '25', position: '5', realizedPnl: '175' });
  });

  it('exits all: the plan closes and what is pending is cancelled', () => {
    // (108 − 100) × 20 + (108 − 105) × 10 = 190
    const result = adjust(open(), { action: 'exitNow', all: true });
    expect(result.fills[0]).toMatchObject({ qty: '30', position: '0', realizedPnl: '190' });
    expect(result.state.phase).toBe('closed');
    expect(result.state.tranches.find((tranche) => tranche.id === 'target-1')?.status).toBe('cancelled');
    expect(adjust(result, { action: 'exitNow', all: true }).reason).toBe('the plan is closed');
  });

  it.each([
    [{ qty: '31' }, {}, 'quantity 31 exceeds the position 30'],
    [{ qty: '1.5' }, {}, 'quantity 1.5 is not a multiple of the lot step 1'],
    // 0.01 × 30 = 0.3 rounds down to nothing
    [{ share: '0.01' }, {}, 'too small: quantity rounds down to 0 at the lot step 1'],
    [
      { qty: '3' },
      { instrument: { symbol: 'TEST', tickSize: '0.01', lotStep: '1', minQty: '5' } },
      'too small: quantity 3 is below the minimum 5',
    ],
  ])('refuses %j, whatever the reason', (change, overrides, reason) => {
    expect(adjust(open(overrides), { action: 'exitNow', ...change, override: 'x' }).reason).toBe(reason);
  });
});
