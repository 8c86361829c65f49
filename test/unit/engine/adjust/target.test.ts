import { describe, expect, it } from 'vitest';

import { brief } from '../../helpers';
import type { Trade } from './helpers';
import { adjust, px, SIDES, tradePlan } from './helpers';
import { createEngine } from '../../../../lib/engine/create';
import { runEvents, ticks } from '../../helpers';

// Plan format, "Adjusting a live trade", `target`: moves, removes or adds a pending target,
// kept in price order (numbered from the nearest), shares of the peak position as in the
// plan. Trade: entry 20 @ 100 (R 5); targets at 2R, 3R and 4R — 110 (25 %), 115 (25 %),
// 120 (the rest); the price at 103 (short: all mirrored around 100).
const THREE_TARGETS = {
  scaleOut: [
    { at: { r: '2' }, share: '0.25' },
    { at: { r: '3' }, share: '0.25' },
    { at: { r: '4' }, share: 'rest' },
  ],
};

describe.each(SIDES)('target, %s', (side) => {
  const p = (price: string) => px(side, price);
  const open = (): Trade => {
    const state = createEngine(tradePlan(side, THREE_TARGETS), { mode: 'auto', fill: 'level' });
    return { state: runEvents(state, ticks(['99', '100', '103'].map(p))).state, lastPrice: p('103') };
  };
  /** The rest of the path, after the adjustment (times after it). */
  const then = (trade: Trade, path: readonly string[]) => runEvents(trade.state, ticks(path.map(p), 2000));
  const levels = (trade: Trade) =>
    trade.state.tranches.filter((tranche) => tranche.kind === 'target').map((tranche) => tranche.level);

  it('moves a pending target, rounded toward the entry; it fills at its new level', () => {
    // a long's target rounds down: 117.004 → 117; the short's 82.996 up to 83
    const moved = adjust(open(), { action: 'target', index: 2, price: p('117.004') });
    expect(levels(moved)).toEqual([p('110'), p('117'), p('120')]);
    expect(moved.state.plan.scaleOut[1]).toEqual({ at: { price: p('117') }, share: '0.25' });
    // 25 % of the peak 20 = 5 at each of the first two targets, the rest (10) at the third
    expect(brief(then(moved, ['110', '118', '121']).fills)).toEqual([
      { tranche: 'target-1', price: p('110'), qty: '5' },
      { tranche: 'target-2', price: p('117'), qty: '5' },
      { tranche: 'target-3', price: p('120'), qty: '10' },
    ]);
  });

  it('keeps the targets in price order, numbered again from the nearest', () => {
    const moved = adjust(open(), { action: 'target', index: 1, price: p('117') });
    expect(levels(moved)).toEqual([p('115'), p('117'), p('120')]);
    expect(brief(then(moved, ['116', '118', '121']).fills)).toEqual([
      { tranche: 'target-1', price: p('115'), qty: '5' },
      { tranche: 'target-2', price: p('117'), qty: '5' },
      { tranche: 'target-3', price: p('120'), qty: '10' },
    ]);
  });

  it('adds a target in its place, selling its share of the peak', () => {
    const added = adjust(open(), { action: 'target', price: p('112'), share: '0.25' });
    expect(levels(added)).toEqual([p('110'), p('112'), p('115'), p('120')]);
    // 0.25 × 20 = 5 each; the rest 20 − 15 = 5
    expect(brief(then(added, ['121']).fills)).toEqual([
      { tranche: 'target-1', price: p('110'), qty: '5' },
      { tranche: 'target-2', price: p('112'), qty: '5' },
      { tranche: 'target-3', price: p('115'), qty: '5' },
      { tranche: 'target-4', price: p('120'), qty: '5' },
    ]);
  });

  it('removes a pending target; the farther ones take its number', () => {
    const removed = adjust(open(), { action: 'target', index: 1, remove: true });
    expect(levels(removed)).toEqual([p('115'), p('120')]);
    expect(brief(then(removed, ['111', '116']).fills)).toEqual([
      { tranche: 'target-1', price: p('115'), qty: '5' },
    ]);
  });

  it.each([
    ['moved', { action: 'target', index: 2, price: '103' }, '103'],
    ['added', { action: 'target', price: '102', share: '0.1' }, '102'],
  ] as const)('refuses a target %s at or past the last price: it would fill at once', (_, change, at) => {
    const result = adjust(open(), { ...change, price: p(change.price), override: 'now' });
    expect(result.reason).toBe(
      `a target at ${p(at)}.00 is at or past the last price ${p('103')}.00 and would fill at once: use exit now`,
    );
  });

  it('refuses a target that is not pending', () => {
    const state = createEngine(tradePlan(side, THREE_TARGETS), { mode: 'auto', fill: 'level' });
    const filled = { state: runEvents(state, ticks(['99', '100', '111'].map(p))).state, lastPrice: p('111') };
    expect(adjust(filled, { action: 'target', index: 1, price: p('113') }).reason).toBe(
      'target 1 of 3 is filled, not pending',
    );
  });

  it('refuses shares that add up to more than the peak position', () => {
    // 0.25 + 0.25 + 0.6 = 1.1
    expect(adjust(open(), { action: 'target', price: p('112'), share: '0.6' }).reason).toBe(
      "the targets' shares would add up to 110% of the peak position, more than all of it",
    );
  });

  it('refuses a target beyond the one that takes the rest', () => {
    expect(adjust(open(), { action: 'target', price: p('125'), share: '0.1' }).reason).toBe(
      'target 3 of 3 takes the rest, so it must stay the last target',
    );
  });

  it('refuses a target the plan does not have', () => {
    expect(adjust(open(), { action: 'target', index: 4, remove: true }).reason).toBe(
      'there is no target 4 (1 to 3)',
    );
  });
});
