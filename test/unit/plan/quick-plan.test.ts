import { describe, expect, it } from 'vitest';

import { checkPlan } from '../../../lib/checks/check-plan';
import { PRESETS } from '../../../lib/plan/presets';
import { QUICK_LADDERS, quickPlanJson, type QuickPlanInput } from '../../../lib/plan/quick-plan';
import { planLadder } from '../../../lib/sim/ladder';

/** BTCUSDT long on Binance futures: entry 60,000 on a breakout, stop 59,000 (R = 1,000), 1 % of 10,000. */
const INPUT: QuickPlanInput = {
  venue: 'binance-futures',
  symbol: 'BTCUSDT',
  side: 'long',
  entryPrice: '60000',
  entryWhen: 'above',
  stopKind: 'price',
  stopValue: '59000',
  atr: '',
  equity: '10000',
  riskPercent: '1',
  ladderId: 'single',
  tickSize: '0.1',
  lotStep: '0.001',
  minQty: '0.001',
  minNotional: '100',
  pointValue: '',
};

describe('a quick plan: the page, a side, a stop, the risk and a ladder', () => {
  it.each(QUICK_LADDERS.map((ladder) => [ladder.id, ladder] as const))(
    'the %s ladder makes a valid risk-sized plan',
    (_, ladder) => {
      const check = checkPlan(quickPlanJson({ ...INPUT, ladderId: ladder.id }));
      expect(check.ok, check.ok ? '' : JSON.stringify(check.problems)).toBe(true);
    },
  );

  it('single entry: 100 at risk over R = 1,000 buys 0.100, all out at 2R = 62,000', () => {
    const check = checkPlan(quickPlanJson(INPUT));
    if (!check.ok) throw new Error(JSON.stringify(check.problems));
    const ladder = planLadder(check.plan);
    if (!ladder.ok) throw new Error(ladder.reason);
    expect(
      ladder.rows.map((row) => (row.status === 'filled' ? [row.tranche, row.price, row.qty] : [])),
    ).toEqual([
      ['entry', '60000', '0.1'],
      ['target-1', '62000', '0.1'],
    ]);
  });

  it('the pyramid and the thirds take the presets’ adds, targets and stop rules', () => {
    const preset = (id: string) =>
      PRESETS.find((candidate) => candidate.id === id)?.plan as Record<string, unknown>;
    const pyramid = quickPlanJson({ ...INPUT, ladderId: 'pyramid' });
    expect([pyramid['scaleIn'], pyramid['scaleOut'], pyramid['stopRules']]).toEqual([
      preset('pyramid')['scaleIn'],
      preset('pyramid')['scaleOut'],
      preset('pyramid')['stopRules'],
    ]);
    const thirds = quickPlanJson({ ...INPUT, ladderId: 'thirds' });
    expect(thirds['scaleIn'], 'the thirds preset has no adds').toBeUndefined();
    expect(thirds['scaleOut']).toEqual(preset('thirds')['scaleOut']);
  });

  it('an ATR stop carries its ATR; a % stop none', () => {
    expect(quickPlanJson({ ...INPUT, stopKind: 'atr', stopValue: '2', atr: '500' })).toMatchObject({
      stop: { atr: '2' },
      volatility: { atr: '500' },
    });
    expect(quickPlanJson({ ...INPUT, stopKind: 'percent', stopValue: '1.5' })['volatility']).toBeUndefined();
  });

  it('a field left empty is left out, so the check names what is missing', () => {
    const check = checkPlan(quickPlanJson({ ...INPUT, stopValue: '', tickSize: '' }));
    expect(check.ok ? [] : check.problems).toEqual([
      { field: 'instrument.tickSize', message: 'is missing' },
      { field: 'stop', message: 'is missing' },
    ]);
  });
});
