import { describe, expect, it } from 'vitest';

import { createEngine } from '../../../../lib/engine/create';
import type { EngineEvent } from '../../../../lib/engine/types';
import { alertWords } from '../../../../lib/words/effect-words';
import { runEvents, ticks } from '../../helpers';
import type { AlertEffect } from '../../helpers';
import { adjust, tradeAfter, tradePlan } from './helpers';

// Plan format, "Key levels": prices the trader watches raise approach alerts like any level
// (within approachPercent of the level, default 0.25 %; again only after moving twice that
// away), in the words "BTCUSDT is 0.2 % from resistance 62,000.0"; they are added and
// removed with the `level` adjustment. Base: TEST, entry 100 (R 5), tick 0.01.

function approaches(alerts: readonly (AlertEffect & { readonly text: string })[]): string[] {
  return alerts
    .filter((alert) => alert.kind === 'approach' && alert.tranche === 'level')
    .map((alert) => alert.text);
}

describe.each([
  // long: |109.78 − 110| / 110 = 0.2 %; the zone 110 × 0.25 % = 0.275, twice that 0.55
  ['long', { price: '110', label: 'resistance' }, '109.78', '109.4', 'TEST is 0.2 % from resistance 110.00'],
  // short: |90.18 − 90| / 90 = 0.2 %; the zone 0.225, twice 0.45
  ['short', { price: '90', label: 'support' }, '90.18', '90.5', 'TEST is 0.2 % from support 90.00'],
] as const)('key levels, %s', (side, level, near, away, words) => {
  const planned = tradePlan(side, { levels: [level] });
  const entry = side === 'long' ? ['99', '100'] : ['101', '100'];
  const run = (path: readonly string[]) => {
    const result = runEvents(createEngine(planned, { mode: 'auto', fill: 'level' }), ticks(path));
    return {
      ...result,
      alerts: result.alerts.map((alert) => ({ ...alert, text: alertWords(planned, alert) })),
    };
  };

  it('alerts once when the price comes near, in the trader’s words', () => {
    const result = run([...entry, near, near === '109.78' ? '109.8' : '90.17']);
    expect(approaches(result.alerts)).toEqual([words]);
    expect(result.alerts.find((alert) => alert.tranche === 'level')).toMatchObject({
      kind: 'approach',
      price: level.price,
      label: level.label,
      lastPrice: near,
    });
  });

  it('alerts again only after the price moved twice the distance away', () => {
    expect(approaches(run([...entry, near, away, near]).alerts)).toEqual([words, words]);
  });

  it('alerts at the level itself, which fills nothing', () => {
    expect(approaches(run([...entry, level.price]).alerts)).toHaveLength(1);
  });

  it('is added and removed while the plan is armed or active, journaled as an adjustment', () => {
    const armed = tradeAfter(side, tradePlan(side), ['99']);
    const added = adjust(armed, { action: 'level', price: level.price, label: level.label });
    expect(added.state.plan.levels).toEqual([level]);
    expect(added.applied).toMatchObject({ revision: 1, position: '0' });
    const removed = adjust(added, { action: 'level', index: 1, remove: true });
    expect(removed.state.plan.levels).toEqual([]);
    const events: EngineEvent[] = ticks([...entry, near], 2000);
    expect(runEvents(removed.state, events).alerts.filter((alert) => alert.tranche === 'level')).toEqual([]);
  });

  it('refuses a level the plan does not have, and any level on a closed plan', () => {
    const armed = tradeAfter(side, tradePlan(side), ['99']);
    expect(adjust(armed, { action: 'level', index: 1, remove: true }).reason).toBe(
      'there is no key level 1 (none)',
    );
    const closed = tradeAfter(side, tradePlan(side), ['99', '100', '95']);
    expect(adjust(closed, { action: 'level', price: level.price, label: 'x' }).reason).toBe(
      'the plan is closed',
    );
  });
});

describe('key levels, at most 50', () => {
  it('refuses a 51st', () => {
    const levels = Array.from({ length: 50 }, (_, index) => ({
      price: String(200 + index),
      label: `level ${index}`,
    }));
    const full = tradeAfter('long', tradePlan('long', { levels }), ['99']);
    expect(adjust(full, { action: 'level', price: '300', label: 'one more' }).reason).toBe(
      'a plan holds at most 50 key levels',
    );
  });
});
