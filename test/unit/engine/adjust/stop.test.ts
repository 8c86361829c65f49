import { describe, expect, it } from 'vitest';

import { adjust, px, SIDES, stopsOf, tradeAfter, tradePlan } from './helpers';

// Plan format, "Adjusting a live trade", `stop`: every open lot's stop (or one lot's) moves to
// a price or to breakeven, rounded toward safety. Trade: entry 20 @ 100, stop 95; add-1 at
// 105 (1R) for 10, its lot at the price stop 95; the price then at 106 (short: mirrored).
const ONE_ADD = { scaleIn: [{ step: { r: '1' }, size: '0.5' }] };
const TWO_LOTS = ['99', '100', '105', '106'];

describe.each(SIDES)('stop, %s', (side) => {
  const p = (price: string) => px(side, price);
  const twoLots = () => tradeAfter(side, tradePlan(side, ONE_ADD), TWO_LOTS);

  it('moves every lot to a price, rounded toward safety', () => {
    const result = adjust(twoLots(), { action: 'stop', price: p('98.004') });
    // a long's stop rounds up: 98.004 → 98.01; the short's 101.996 rounds down to 101.99
    expect(stopsOf(result)).toEqual([p('98.01'), p('98.01')]);
    // (100 − 98.01) × 20 + (105 − 98.01) × 10 = 39.8 + 69.9
    expect(result.applied).toMatchObject({ position: '30', openRisk: '109.7', revision: 1 });
  });

  it('moves every lot to breakeven: the average entry of the open lots', () => {
    const result = adjust(twoLots(), { action: 'stop', to: 'breakeven' });
    // (20 × 100 + 10 × 105) / 30 = 101.666… → 101.67 (a long's stop rounds up)
    expect(stopsOf(result)).toEqual([p('101.67'), p('101.67')]);
    // (100 − 101.67) × 20 + (105 − 101.67) × 10 = −33.4 + 33.3: a little profit locked in
    expect(result.applied?.openRisk).toBe('-0.1');
  });

  it('moves one lot only, counted from the oldest', () => {
    const result = adjust(twoLots(), { action: 'stop', price: p('99'), lot: 2 });
    expect(stopsOf(result)).toEqual([p('95'), p('99')]);
  });

  it.each(['106', '107'])('refuses a stop at or past the last price (%s): that is an exit', (stop) => {
    const result = adjust(twoLots(), { action: 'stop', price: p(stop), override: 'I mean it' });
    expect(result.reason).toBe(
      `the stop ${p(stop)}.00 is at or past the last price ${p('106')}.00: use exit now`,
    );
    expect(stopsOf(result), 'nothing changes').toEqual([p('95'), p('95')]);
  });

  it('judges a move against the trade lot by lot, not on the average', () => {
    const split = adjust(twoLots(), { action: 'stop', price: p('99'), lot: 2 });
    // stops 95 and 99 → 97: the average stop (95 × 20 + 99 × 10) / 30 = 96.33 would improve,
    // but lot 2 would lose 2
    const refused = adjust(split, { action: 'stop', price: p('97') });
    expect(refused.reason).toBe(
      `that moves the stop of lot 2 from ${p('99')}.00 to ${p('97')}.00, against the trade: give a reason to override`,
    );
    expect(refused.state, 'nothing changes').toBe(split.state);
    const overridden = adjust(split, { action: 'stop', price: p('97'), override: 'the support broke' });
    expect(stopsOf(overridden)).toEqual([p('97'), p('97')]);
    expect(overridden.applied?.overridden).toEqual([
      { code: 'stop-against-trade', moves: [{ lot: 2, from: p('99'), to: p('97') }], lots: 2 },
    ]);
  });

  it('says "the stop" when one stop for the whole position moves back', () => {
    const tightened = adjust(twoLots(), { action: 'stop', price: p('101.88') });
    expect(adjust(tightened, { action: 'stop', price: p('99') }).reason).toBe(
      `that moves the stop from ${p('101.88')} to ${p('99')}.00, against the trade: give a reason to override`,
    );
  });

  it('refuses a stop beyond the liquidation estimate, whatever the reason', () => {
    // leverage 10, mmr 0: long 100 × (1 − 1/10) = 90; short 100 × (1 + 1/10) = 110
    const levered = tradeAfter(side, tradePlan(side, { limits: { leverage: '10' } }), ['99', '100', '101']);
    const result = adjust(levered, { action: 'stop', price: p('89'), override: 'wide stop' });
    expect(result.reason).toBe(
      `the stop ${p('89')}.00 lies at or beyond the liquidation estimate ${p('90')}.00 at 10x leverage`,
    );
  });

  it('refuses a lot the position does not have', () => {
    expect(adjust(twoLots(), { action: 'stop', price: p('99'), lot: 3 }).reason).toBe(
      'there is no lot 3 (1 to 2)',
    );
  });

  it('refuses before the entry fills, and on a closed plan', () => {
    const armed = tradeAfter(side, tradePlan(side), ['99']);
    expect(adjust(armed, { action: 'stop', price: p('96') }).reason).toBe(
      'the entry has not filled yet: there is no position to adjust',
    );
    const stoppedOut = tradeAfter(side, tradePlan(side), ['99', '100', '95']);
    expect(adjust(stoppedOut, { action: 'stop', price: p('96') }).reason).toBe('the plan is closed');
  });
});
