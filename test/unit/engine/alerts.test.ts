import { describe, expect, it } from 'vitest';

import { createEngine } from '../../../lib/engine/create';
import { step } from '../../../lib/engine/step';
import type { EngineState } from '../../../lib/engine/types';
import { plan, runEvents, runTicks, ticks } from '../helpers';

// Plan format, "Approach alert": once per level when the price comes within approachPercent (of
// the level's price) of it; re-armed only after it moves away twice that distance.
// With approachPercent 1, the entry at 100 has a zone of 1 and re-arms beyond 2.

const APPROACH_1 = { alerts: { approachPercent: '1' } };

function approaches(run: ReturnType<typeof runTicks>) {
  return run.alerts
    .filter((alert) => alert.kind === 'approach')
    .map(({ tranche, time }) => ({ tranche, time }));
}

describe('approach alerts', () => {
  it('alerts once per level and re-arms only after the price moved away twice the distance', () => {
    const run = runTicks(plan(APPROACH_1), ['97', '99.5', '99.2', '99.6', '98.5', '99.5', '97.9', '99.1']);
    // 97: 3 away. 99.5: 0.5 ≤ 1 → alert. 99.2, 99.6: already alerted. 98.5: 1.5 < 2, still spent.
    // 99.5: no. 97.9: 2.1 ≥ 2 → re-armed. 99.1: 0.9 ≤ 1 → alert again.
    expect(approaches(run)).toEqual([
      { tranche: 'entry', time: 2 },
      { tranche: 'entry', time: 8 },
    ]);
  });

  it('alerts for the next add and the nearest stop, each once', () => {
    const run = runTicks(
      plan({
        ...APPROACH_1,
        scaleIn: [{ step: { r: '1' }, size: '0.5' }],
        scaleOut: [{ at: { r: '3' }, share: 'rest' }],
      }),
      ['98', '100', '104', '104.5', '103', '95.9', '95.5'],
    );
    // add-1 at 105 (zone 1.05): 104 is 1 away → alert; 104.5 no; 103 is 2 < 2.1 away: not re-armed.
    // stop 95 (zone 0.95): 95.9 is 0.9 away → alert; 95.5 no.
    expect(approaches(run)).toEqual([
      { tranche: 'add-1', time: 3 },
      { tranche: 'stop', time: 6 },
    ]);
  });

  it('alerts for the next target', () => {
    const run = runTicks(plan({ ...APPROACH_1, scaleOut: [{ at: { r: '2' }, share: 'rest' }] }), [
      '98',
      '100',
      '109',
      '109.5',
    ]);
    // target-1 at 110 (zone 1.1): 109 is 1 away → alert; 109.5 no
    expect(approaches(run)).toEqual([{ tranche: 'target-1', time: 3 }]);
  });

  it('alerts for a short’s entry', () => {
    const run = runTicks(
      plan({ ...APPROACH_1, side: 'short', entry: { price: '100', when: 'below' }, stop: { price: '105' } }),
      ['103', '100.8'],
    );
    // 100.8 is 0.8 ≤ 1 from the short's entry at 100
    expect(approaches(run)).toEqual([{ tranche: 'entry', time: 2 }]);
  });

  it('uses a quarter percent when the plan gives no approachPercent', () => {
    // zone = 100 × 0.25 / 100 = 0.25: 99.7 is 0.3 away (nothing), 99.8 is 0.2 away (alert)
    const run = runTicks(plan(), ['99', '99.7', '99.8']);
    expect(approaches(run)).toEqual([{ tranche: 'entry', time: 3 }]);
  });
});

describe('duplicate and out-of-order ticks', () => {
  function at(state: EngineState, price: string, time: number) {
    return step(state, { type: 'tick', price, time });
  }

  it('produces nothing for a tick repeated with the same time and price', () => {
    const first = at(createEngine(plan(APPROACH_1), { mode: 'auto' }), '99.5', 1);
    expect(first.effects.map((effect) => effect.type)).toEqual(['alert']);
    const again = at(first.state, '99.5', 1);
    expect(again.effects).toEqual([]);
    expect(again.state, 'the state is untouched').toBe(first.state);
  });

  it('returns the same state for a tick that crosses nothing', () => {
    const first = at(createEngine(plan(), { mode: 'auto' }), '97', 1);
    // 97.5 is 2.5 from the entry at 100: outside the 0.25 approach zone, below the level
    const quiet = at(first.state, '97.5', 2);
    expect(quiet.effects).toEqual([]);
    expect(quiet.state).toBe(first.state);
  });

  it('produces nothing for a tick older than the last one, even at a level', () => {
    const first = at(createEngine(plan(), { mode: 'auto' }), '99', 5);
    const late = at(first.state, '100.5', 4);
    expect(late.effects).toEqual([]);
    const next = at(late.state, '100.5', 6);
    expect(next.effects.filter((effect) => effect.type === 'fill')).toHaveLength(1);
  });

  it('never repeats a trigger alert for a duplicated triggering tick', () => {
    const state = createEngine(plan(), { mode: 'confirm' });
    const run = runEvents(state, [...ticks(['99', '100.5']), { type: 'tick', price: '100.5', time: 2 }]);
    expect(run.alerts.map(({ kind, tranche }) => ({ kind, tranche }))).toEqual([
      { kind: 'trigger', tranche: 'entry' },
    ]);
  });

  it('never fills twice for a duplicated tick after a fill', () => {
    const state = createEngine(plan({ scaleIn: [{ step: { r: '1' }, size: '1' }] }), { mode: 'auto' });
    const run = runEvents(state, [...ticks(['99', '100', '105']), { type: 'tick', price: '105', time: 3 }]);
    expect(run.fills.map((fill) => fill.tranche)).toEqual(['entry', 'add-1']);
  });
});

describe('stale alerts', () => {
  it('alerts once per quiet period', () => {
    const state = createEngine(plan(), { mode: 'auto' });
    const run = runEvents(state, [
      { type: 'tick', price: '99', time: 1 },
      { type: 'stale', time: 2 },
      { type: 'stale', time: 3 },
      { type: 'tick', price: '99.1', time: 4 },
      { type: 'stale', time: 5 },
    ]);
    expect(run.alerts.filter((alert) => alert.kind === 'stale').map((alert) => alert.time)).toEqual([2, 5]);
  });
});
