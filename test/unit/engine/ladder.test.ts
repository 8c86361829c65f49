import { describe, expect, it } from 'vitest';

import { brief, gap, plan, runTicks } from '../helpers';

// Base plan: long, entry 100, stop 95 → R = 5, budget 100, entry qty 20.
// Plan format, "Steps": measured from the previous entry or add fill's actual price (target fills
// do not count); "Targets": from the planned entry; "share": a fraction of the peak position.

const TWO_ADDS = {
  scaleIn: [
    { step: { r: '1' }, size: '0.5' },
    { step: { r: '1' }, size: '0.5' },
  ],
};

function level(run: ReturnType<typeof runTicks>, id: string): string | null | undefined {
  return run.state.tranches.find((tranche) => tranche.id === id)?.level;
}

describe('scale-in steps', () => {
  it('measures each add from the previous fill, sized as a multiple of the entry qty', () => {
    const run = runTicks(plan(TWO_ADDS), ['99', '100', '105', '110']);
    // add-1 = 100 + 1 × 5 = 105, qty 20 × 0.5 = 10; add-2 = 105 + 5 = 110, qty 10
    expect(brief(run.fills)).toEqual([
      { tranche: 'entry', price: '100', qty: '20' },
      { tranche: 'add-1', price: '105', qty: '10' },
      { tranche: 'add-2', price: '110', qty: '10' },
    ]);
    expect(run.fills.map((fill) => fill.position)).toEqual(['20', '30', '40']);
  });

  it('measures the first add from a gap entry’s actual fill', () => {
    const run = runTicks(plan(TWO_ADDS), ['101', '105.9', '106', '111']);
    // entry gap-filled at 101 → add-1 = 101 + 5 = 106 → add-2 = 106 + 5 = 111
    expect(brief(run.fills)).toEqual([
      { tranche: 'entry', price: '101', qty: '20' },
      { tranche: 'add-1', price: '106', qty: '10' },
      { tranche: 'add-2', price: '111', qty: '10' },
    ]);
  });

  it('fills an add at the open it gapped to and measures the next one from there', () => {
    const run = runTicks(plan(TWO_ADDS), ['99', '100', gap('107'), '111.9', '112']);
    // add-1 level 105 is passed by the gap → fills at 107; add-2 = 107 + 5 = 112
    expect(brief(run.fills)).toEqual([
      { tranche: 'entry', price: '100', qty: '20' },
      { tranche: 'add-1', price: '107', qty: '10' },
      { tranche: 'add-2', price: '112', qty: '10' },
    ]);
  });

  it('fills only the first add on a gap past two levels; the second is measured from the gap fill', () => {
    const run = runTicks(plan(TWO_ADDS), ['99', '100', gap('112')]);
    // add-1 fills at 112; add-2 = 112 + 5 = 117, not yet reached
    expect(brief(run.fills).map((fill) => fill.tranche)).toEqual(['entry', 'add-1']);
    expect(run.fills[1]?.price).toBe('112');
    expect(level(run, 'add-2')).toBe('117');
  });

  it('measures percent steps from the previous fill', () => {
    const run = runTicks(
      plan({
        scaleIn: [
          { step: { percent: '2' }, size: '0.5' },
          { step: { percent: '2' }, size: '0.5' },
        ],
      }),
      ['99', '100', '102', '104.03', '104.04'],
    );
    // add-1 = 100 × 1.02 = 102; add-2 = 102 × 1.02 = 104.04 (not reached at 104.03)
    expect(brief(run.fills)).toEqual([
      { tranche: 'entry', price: '100', qty: '20' },
      { tranche: 'add-1', price: '102', qty: '10' },
      { tranche: 'add-2', price: '104.04', qty: '10' },
    ]);
  });

  it('measures ATR steps from the previous fill', () => {
    const run = runTicks(
      plan({
        volatility: { atr: '1.2' },
        scaleIn: [
          { step: { atr: '0.5' }, size: '0.5' },
          { step: { atr: '0.5' }, size: '0.5' },
        ],
      }),
      ['99', '100', '101.5'],
    );
    // add-1 = 100 + 0.5 × 1.2 = 100.6; add-2 = 100.6 + 0.6 = 101.2
    expect(brief(run.fills).map((fill) => fill.price)).toEqual(['100', '100.6', '101.2']);
  });

  it('rounds an add level to the nearest tick, ties away from zero', () => {
    const run = runTicks(plan({ scaleIn: [{ step: { percent: '0.125' }, size: '0.5' }] }), ['99', '100']);
    // 100 × (1 + 0.125 / 100) = 100.125 → tie → 100.13
    expect(level(run, 'add-1')).toBe('100.13');
  });

  it('places an absolute add at its price', () => {
    const run = runTicks(plan({ scaleIn: [{ step: { price: '103' }, size: '1' }] }), ['99', '100', '104']);
    expect(brief(run.fills)).toEqual([
      { tranche: 'entry', price: '100', qty: '20' },
      { tranche: 'add-1', price: '103', qty: '20' },
    ]);
  });

  it('measures a short’s adds downward from the previous fill', () => {
    const run = runTicks(
      plan({ side: 'short', entry: { price: '100', when: 'below' }, stop: { price: '105' }, ...TWO_ADDS }),
      ['101', '100', '95', '90'],
    );
    // add-1 = 100 − 5 = 95; add-2 = 95 − 5 = 90
    expect(brief(run.fills)).toEqual([
      { tranche: 'entry', price: '100', qty: '20' },
      { tranche: 'add-1', price: '95', qty: '10' },
      { tranche: 'add-2', price: '90', qty: '10' },
    ]);
    expect(run.fills.map((fill) => fill.side)).toEqual(['sell', 'sell', 'sell']);
  });

  it('measures adds from an observed fill with --fill observed', () => {
    const run = runTicks(plan(TWO_ADDS), ['99', '100.3', '105.2', '105.4'], { fill: 'observed' });
    // entry observed at 100.3 → add-1 = 105.3, first passed at 105.4
    expect(brief(run.fills).map((fill) => [fill.tranche, fill.price])).toEqual([
      ['entry', '100.3'],
      ['add-1', '105.4'],
    ]);
    // add-2 = 105.4 + 5 = 110.4
    expect(level(run, 'add-2')).toBe('110.4');
  });

  it('does not measure steps from a target fill', () => {
    const run = runTicks(
      plan({
        scaleIn: [{ step: { r: '2' }, size: '0.5' }],
        scaleOut: [
          { at: { r: '1' }, share: '0.25' },
          { at: { r: '3' }, share: 'rest' },
        ],
      }),
      ['99', '100', '105', '110'],
    );
    // target-1 at 105 sells 0.25 × 20 = 5; add-1 = 100 + 2 × 5 = 110 (not 105 + 10 = 115)
    expect(brief(run.fills)).toEqual([
      { tranche: 'entry', price: '100', qty: '20' },
      { tranche: 'target-1', price: '105', qty: '5' },
      { tranche: 'add-1', price: '110', qty: '10' },
    ]);
  });
});

describe('scale-out targets', () => {
  it('measures targets from the planned entry even after a gap entry', () => {
    const run = runTicks(plan({ scaleOut: [{ at: { r: '2' }, share: 'rest' }] }), ['101', '110']);
    // target = 100 + 2 × 5 = 110 (not 101 + 10); realized = (110 − 101) × 20 = 180
    expect(brief(run.fills)).toEqual([
      { tranche: 'entry', price: '101', qty: '20' },
      { tranche: 'target-1', price: '110', qty: '20' },
    ]);
    expect(run.fills[1]?.realizedPnl).toBe('180');
  });

  it('measures targets from the planned entry after an observed fill', () => {
    const run = runTicks(plan({ scaleOut: [{ at: { r: '2' }, share: 'rest' }] }), ['99', '100.3', '110'], {
      fill: 'observed',
    });
    expect(brief(run.fills).map((fill) => fill.price)).toEqual(['100.3', '110']);
  });

  it('takes shares of the peak position, not of what is left', () => {
    const run = runTicks(
      plan({
        scaleIn: [{ step: { r: '1' }, size: '0.5' }],
        scaleOut: [
          { at: { r: '3' }, share: '0.5' },
          { at: { r: '4' }, share: '0.3' },
          { at: { r: '5' }, share: 'rest' },
        ],
      }),
      ['99', '100', '105', '115', '120', '125'],
    );
    // peak = 20 + 10 = 30: target-1 0.5 × 30 = 15; target-2 0.3 × 30 = 9; rest = 30 − 24 = 6
    expect(brief(run.fills).slice(2)).toEqual([
      { tranche: 'target-1', price: '115', qty: '15' },
      { tranche: 'target-2', price: '120', qty: '9' },
      { tranche: 'target-3', price: '125', qty: '6' },
    ]);
    expect(run.fills.map((fill) => fill.position)).toEqual(['20', '30', '15', '6', '0']);
    expect(run.state.phase, 'nothing is left').toBe('closed');
  });

  it('rounds a share down to the lot step', () => {
    const run = runTicks(
      plan({
        scaleOut: [
          { at: { r: '1' }, share: '0.33' },
          { at: { r: '2' }, share: 'rest' },
        ],
      }),
      ['99', '100', '105', '110'],
    );
    // 0.33 × 20 = 6.6 → 6; rest 14
    expect(brief(run.fills).slice(1)).toEqual([
      { tranche: 'target-1', price: '105', qty: '6' },
      { tranche: 'target-2', price: '110', qty: '14' },
    ]);
  });

  it('takes target exits from the lots first-in, first-out', () => {
    const run = runTicks(
      plan({
        stop: { percent: '5' },
        scaleIn: [{ step: { r: '1' }, size: '0.5' }],
        scaleOut: [{ at: { r: '3' }, share: '0.9' }],
      }),
      ['99', '100', '105', '115'],
    );
    // Lots: 20 @ 100 (stop 95) and 10 @ 105 (stop 105 × 0.95 = 99.75). Target 115 sells
    // 0.9 × 30 = 27: all 20 of the first lot, then 7 of the second; 3 @ 105 remain.
    // realized = 20 × (115 − 100) + 7 × (115 − 105) = 300 + 70 = 370
    expect(run.fills[2]).toMatchObject({
      tranche: 'target-1',
      qty: '27',
      position: '3',
      avgPrice: '105',
      stops: ['99.75'],
      realizedPnl: '370',
    });
    expect(run.state.lots.map(({ tranche, qty }) => ({ tranche, qty }))).toEqual([
      { tranche: 'add-1', qty: '3' },
    ]);
  });

  it('takes a short’s target exits first-in, first-out too', () => {
    const run = runTicks(
      plan({
        side: 'short',
        entry: { price: '100', when: 'below' },
        stop: { percent: '5' },
        scaleIn: [{ step: { r: '1' }, size: '0.5' }],
        scaleOut: [{ at: { r: '3' }, share: '0.9' }],
      }),
      ['101', '100', '95', '85'],
    );
    // Lots: 20 @ 100 (stop 105), 10 @ 95 (stop 95 × 1.05 = 99.75). Target 85 buys back 27:
    // realized = 20 × (100 − 85) + 7 × (95 − 85) = 300 + 70 = 370
    expect(run.fills[2]).toMatchObject({
      tranche: 'target-1',
      side: 'buy',
      qty: '27',
      position: '3',
      stops: ['99.75'],
    });
    expect(run.fills[2]?.realizedPnl).toBe('370');
  });
});

describe('levels met on the path', () => {
  it('fills levels in the order the path meets them within one move', () => {
    const run = runTicks(
      plan({ scaleIn: [{ step: { r: '1' }, size: '0.5' }], scaleOut: [{ at: { r: '2' }, share: '0.5' }] }),
      ['99', '112'],
    );
    // entry 100, add-1 105 (peak 30), target-1 110 sells 0.5 × 30 = 15
    expect(brief(run.fills)).toEqual([
      { tranche: 'entry', price: '100', qty: '20' },
      { tranche: 'add-1', price: '105', qty: '10' },
      { tranche: 'target-1', price: '110', qty: '15' },
    ]);
  });

  it('fills an add before a target at the same price', () => {
    const run = runTicks(
      plan({
        scaleIn: [{ step: { r: '1' }, size: '1' }],
        scaleOut: [
          { at: { r: '1' }, share: '0.5' },
          { at: { r: '2' }, share: 'rest' },
        ],
      }),
      ['99', '100', '105'],
    );
    // at 105: add-1 (20 more, peak 40), then target-1 sells 0.5 × 40 = 20
    expect(brief(run.fills)).toEqual([
      { tranche: 'entry', price: '100', qty: '20' },
      { tranche: 'add-1', price: '105', qty: '20' },
      { tranche: 'target-1', price: '105', qty: '20' },
    ]);
  });

  it('fills a target at the open it gapped to', () => {
    const run = runTicks(plan({ scaleOut: [{ at: { r: '2' }, share: 'rest' }] }), ['99', '100', gap('112')]);
    // realized = (112 − 100) × 20 = 240
    expect(run.fills[1]).toMatchObject({ tranche: 'target-1', price: '112', qty: '20', realizedPnl: '240' });
  });

  it('fills a stop at the open it gapped to', () => {
    const run = runTicks(plan(), ['99', '100', gap('93')]);
    // realized = (93 − 100) × 20 = −140
    expect(run.fills[1]).toMatchObject({
      tranche: 'stop',
      side: 'sell',
      price: '93',
      qty: '20',
      realizedPnl: '-140',
    });
  });

  it('fills a short’s stop at the open it gapped to', () => {
    const run = runTicks(
      plan({ side: 'short', entry: { price: '100', when: 'below' }, stop: { price: '105' } }),
      ['101', '100', gap('107')],
    );
    // realized = (100 − 107) × 20 = −140
    expect(run.fills[1]).toMatchObject({
      tranche: 'stop',
      side: 'buy',
      price: '107',
      qty: '20',
      realizedPnl: '-140',
    });
  });
});
