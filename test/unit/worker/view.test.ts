import { describe, expect, it } from 'vitest';

import { createEngine } from '../../../lib/engine/create';
import { step } from '../../../lib/engine/step';
import type { EngineState } from '../../../lib/engine/types';
import { checkPlan } from '../../../lib/checks/check-plan';
import type { PlanRecord } from '../../../lib/store/plans';
import { badgeFor, planView } from '../../../lib/worker/view';

// Long DEMO: entry 100, stop 95 → R = 5; budget 10000 × 1% = 100 → qty 20; initial risk 100.
// add-1 one R above the entry fill: 105; target 3R from the entry: 115. ATR 2.5 (fixed).
const check = checkPlan({
  format: 'tranche.plan/1',
  instrument: { venue: 'any', symbol: 'DEMO', tickSize: '0.01', lotStep: '1' },
  side: 'long',
  account: { equity: '10000', riskPercent: '1' },
  volatility: { atr: '2.5' },
  entry: { price: '100' },
  stop: { price: '95' },
  sizing: { method: 'risk' },
  scaleIn: [{ step: { r: '1' }, size: '0.5' }],
  scaleOut: [{ at: { r: '3' }, share: 'rest' }],
});
if (!check.ok) throw new Error('the test plan is valid');
const plan = check.plan;

function record(engine: EngineState, status: PlanRecord['status']): PlanRecord {
  return {
    version: 1,
    id: 'p1',
    plan,
    status,
    isPaused: false,
    isMuted: false,
    engine,
    lifecycle: [],
    processed: [],
    alertSeq: 0,
    alertEpoch: '0',
    createdAt: 0,
    updatedAt: 0,
  };
}

function activeAt100(): EngineState {
  let state = createEngine(plan, { mode: 'confirm', fill: 'level' });
  state = step(state, { type: 'tick', price: '99', time: 1 }).state;
  state = step(state, { type: 'tick', price: '100', time: 2 }).state;
  return step(state, { type: 'fill', tranche: 'entry', time: 3 }).state;
}

describe('plan view', () => {
  it('shows position, open risk in money, % of equity and R, and unrealized R', () => {
    const view = planView(
      record(activeAt100(), 'active'),
      { price: '102', source: 'tradingview', time: 10_000, isStale: false },
      [],
    );
    expect(view.position).toBe('20');
    expect(view.averageEntry).toBe('100');
    // (100 − 95) × 20 = 100; 100 / 10000 = 1.00 %; 100 / 100 = 1.00 R.
    expect([view.openRisk, view.openRiskPercent, view.openRiskR]).toEqual(['100', '1.00', '1.00']);
    // (102 − 100) × 20 / 100 = 0.40 R.
    expect(view.unrealizedR).toBe('0.40');
    expect(view.quote, 'the time it arrived, for surfaces to print').toEqual({
      price: '102',
      source: 'tradingview',
      receivedAt: 10_000,
      isStale: false,
    });
  });

  it('gives the next add and target with their distance in % and in ATR', () => {
    const view = planView(
      record(activeAt100(), 'active'),
      { price: '102', source: 't', time: 0, isStale: false },
      [],
    );
    // add at 105: |105 − 102| / 102 = 2.94 %; 3 / 2.5 = 1.20 ATR.
    expect(view.nextAdd).toMatchObject({
      tranche: 'add-1',
      level: '105',
      distancePercent: '2.94',
      distanceAtr: '1.20',
    });
    // target at 115: 13 / 102 = 12.75 %; 13 / 2.5 = 5.20 ATR.
    expect(view.nextTarget).toMatchObject({
      tranche: 'target-1',
      level: '115',
      distancePercent: '12.75',
      distanceAtr: '5.20',
    });
    // stop 95: 7 / 102 = 6.86 %. The nearest level is the add.
    expect(view.next?.tranche).toBe('add-1');
    expect(badgeFor(view)).toEqual({ text: '2.9%', color: '#089981' });
  });

  it('lists a triggered tranche as waiting, with its suggested price and quantity', () => {
    let state = createEngine(plan, { mode: 'confirm', fill: 'level' });
    state = step(state, { type: 'tick', price: '99', time: 1 }).state;
    state = step(state, { type: 'tick', price: '100', time: 2 }).state;
    const view = planView(record(state, 'armed'), null, []);
    expect(view.waiting).toEqual([
      { tranche: 'entry', label: 'entry', price: '100', qty: '20', side: 'buy' },
    ]);
    expect(badgeFor(view).text).toBe('ACT');
  });
});
