import { describe, expect, it } from 'vitest';

import { brief, gap, plan, runTicks } from '../helpers';

// The base plan (test/unit/helpers.ts): long, entry 100, stop 95, budget 100:
// R = 100 − 95 = 5; entry qty = 100 / (5 × 1) = 20; planned initial risk = 5 × 20 = 100.

const SHORT = {
  side: 'short',
  entry: { price: '100', when: 'below' },
  stop: { price: '105' },
};

function riskAlerts(run: ReturnType<typeof runTicks>) {
  return run.alerts.filter((alert) => alert.kind === 'risk');
}

describe('entry with when: "above" (a breakout)', () => {
  it('fills at its level when the path crosses it', () => {
    const run = runTicks(plan(), ['99', '100.3']);
    expect(run.fills).toHaveLength(1);
    expect(run.fills[0]).toMatchObject({
      tranche: 'entry',
      side: 'buy',
      price: '100',
      qty: '20',
      position: '20',
      avgPrice: '100',
      stop: '95',
      stops: ['95'],
      openRisk: '100', // (100 − 95) × 20
    });
    expect(riskAlerts(run), 'actual risk 100 = planned 100').toEqual([]);
  });

  it('does not fill while the price stays below the level', () => {
    const run = runTicks(plan(), ['99', '99.99', '98']);
    expect(run.fills).toEqual([]);
    expect(run.state.phase).toBe('armed');
  });

  it('fills at the first price when the data starts above the level (a gap), with a risk alert for a price stop', () => {
    const run = runTicks(plan(), ['101', '102']);
    // Sizing uses the planned entry: qty stays 20; the price stop stays at 95.
    expect(run.fills[0]).toMatchObject({ tranche: 'entry', price: '101', qty: '20', stops: ['95'] });
    // actual risk = (101 − 95) × 20 = 120 > planned 100
    expect(run.fills[0]?.openRisk).toBe('120');
    expect(riskAlerts(run).map((alert) => alert.tranche)).toEqual(['entry']);
  });

  it('gives no risk alert on a gap when the stop is relative and the risk stays as planned', () => {
    // ATR 1, stop 2 ATR: R = 2, qty = 100 / 2 = 50. Gap fill at 101 → stop 101 − 2 = 99;
    // actual risk = 2 × 50 = 100 = planned
    const run = runTicks(plan({ volatility: { atr: '1' }, stop: { atr: '2' } }), ['101']);
    expect(run.fills[0]).toMatchObject({ price: '101', qty: '50', stops: ['99'], openRisk: '100' });
    expect(riskAlerts(run)).toEqual([]);
  });
});

describe('entry with when: "below" (a pullback)', () => {
  const pullback = plan({ entry: { price: '100', when: 'below' } });

  it('fills at its level when the price comes down to it', () => {
    const run = runTicks(pullback, ['103', '101', '99.5']);
    expect(brief(run.fills)).toEqual([{ tranche: 'entry', price: '100', qty: '20' }]);
  });

  it('fills at the first price when the data starts below the level, without a risk alert when risk is lower', () => {
    const run = runTicks(pullback, ['98']);
    // actual risk = (98 − 95) × 20 = 60 ≤ 100
    expect(run.fills[0]).toMatchObject({ price: '98', qty: '20', openRisk: '60' });
    expect(riskAlerts(run)).toEqual([]);
  });

  it('does not fill while the price stays above the level', () => {
    expect(runTicks(pullback, ['103', '100.01', '104']).fills).toEqual([]);
  });
});

describe('entry without when: the first touch from either side', () => {
  const touch = plan({ entry: { price: '100' } });

  it('waits for the price to rise to the level when the data starts below it', () => {
    const run = runTicks(touch, ['98', '99', '100.5']);
    expect(brief(run.fills)).toEqual([{ tranche: 'entry', price: '100', qty: '20' }]);
  });

  it('waits for the price to fall to the level when the data starts above it (no gap fill)', () => {
    const run = runTicks(touch, ['102', '101', '99.8']);
    expect(brief(run.fills)).toEqual([{ tranche: 'entry', price: '100', qty: '20' }]);
  });

  it('does not fill while the price moves away from the level', () => {
    expect(runTicks(touch, ['102', '103', '101']).fills).toEqual([]);
  });

  it('fills when the data starts exactly at the level', () => {
    expect(brief(runTicks(touch, ['100']).fills)).toEqual([{ tranche: 'entry', price: '100', qty: '20' }]);
  });
});

describe('a short entry', () => {
  it('fills a breakdown at its level and sells', () => {
    const run = runTicks(plan(SHORT), ['101', '99']);
    // R = 105 − 100 = 5; qty = 20; open risk = (105 − 100) × 20 = 100
    expect(run.fills[0]).toMatchObject({
      tranche: 'entry',
      side: 'sell',
      price: '100',
      qty: '20',
      position: '20',
      stop: '105',
      openRisk: '100',
    });
  });

  it('fills a breakdown gap at the first price with a risk alert', () => {
    const run = runTicks(plan(SHORT), ['98']);
    // actual risk = (105 − 98) × 20 = 140 > 100
    expect(run.fills[0]).toMatchObject({ price: '98', qty: '20', openRisk: '140' });
    expect(riskAlerts(run).map((alert) => alert.tranche)).toEqual(['entry']);
  });

  it('fills a short pullback (when: "above") at its level', () => {
    const run = runTicks(plan({ ...SHORT, entry: { price: '100', when: 'above' } }), ['97', '100.5']);
    expect(brief(run.fills)).toEqual([{ tranche: 'entry', price: '100', qty: '20' }]);
  });
});

describe('--fill observed', () => {
  it('fills the entry at the first price at or beyond the level and flags the larger risk', () => {
    const run = runTicks(plan(), ['99', '100.3'], { fill: 'observed' });
    // qty from the planned entry: 20; actual risk = (100.3 − 95) × 20 = 106 > 100
    expect(run.fills[0]).toMatchObject({ price: '100.3', qty: '20', openRisk: '106' });
    expect(riskAlerts(run).map((alert) => alert.tranche)).toEqual(['entry']);
  });

  it('fills a stop at the first price beyond it', () => {
    const run = runTicks(plan(), ['99', '100', '96', '94.2'], { fill: 'observed' });
    // stop 95 is first passed at 94.2; realized = (94.2 − 100) × 20 = −116
    expect(brief(run.fills)).toEqual([
      { tranche: 'entry', price: '100', qty: '20' },
      { tranche: 'stop', price: '94.2', qty: '20' },
    ]);
    expect(run.fills[1]?.realizedPnl).toBe('-116');
  });
});

describe('a too-small entry', () => {
  it('is reported as too small and the trade does not open', () => {
    // qty 20 < minQty 25
    const run = runTicks(
      plan({ instrument: { symbol: 'TEST', tickSize: '0.01', lotStep: '1', minQty: '25' } }),
      ['99', '100.5'],
    );
    expect(run.fills).toEqual([]);
    expect(run.skips.map(({ tranche, reason }) => ({ tranche, reason }))).toEqual([
      {
        tranche: 'entry',
        reason: { code: 'too-small', tooSmall: { why: 'min-qty', qty: '20', minQty: '25' } },
      },
    ]);
    expect(run.state.tranches.find((tranche) => tranche.id === 'entry')?.status).toBe('too-small');
    expect(run.state.phase).toBe('closed');
  });

  it('reports an entry that rounds down to nothing', () => {
    // riskAmount 4: qty = 4 / 5 = 0.8 → lot 1 → 0
    const run = runTicks(plan({ account: { riskAmount: '4' } }), ['99', '100.5']);
    expect(run.fills).toEqual([]);
    expect(run.skips[0]?.reason).toEqual({ code: 'too-small', tooSmall: { why: 'zero', lotStep: '1' } });
  });
});

describe('gap fills at a candle open', () => {
  it('fills a breakout entry at the open that jumped past it', () => {
    const run = runTicks(plan(), ['99', gap('102')]);
    // (102 − 95) × 20 = 140 > 100: a risk alert
    expect(run.fills[0]).toMatchObject({ price: '102', qty: '20', openRisk: '140' });
    expect(riskAlerts(run)).toHaveLength(1);
  });
});
