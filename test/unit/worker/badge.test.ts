import { describe, expect, it } from 'vitest';

import { paintBadge } from '../../../entrypoints/background/plans-wiring';
import type { AcceptedTick } from '../../../entrypoints/background/tick-intake';
import { createStores, type Stores } from '../../../lib/store/stores';
import { PlanService } from '../../../lib/worker/plan-service';
import { MemoryStore } from './memory-store';

// Long BTCUSDT on Binance futures: entry 60000 (above), stop 59000.
const PLAN = {
  format: 'tranche.plan/1',
  instrument: { venue: 'binance-futures', symbol: 'BTCUSDT', tickSize: '0.1', lotStep: '0.001' },
  side: 'long',
  account: { equity: '10000', riskPercent: '1' },
  entry: { price: '60000', when: 'above' },
  stop: { price: '59000' },
  sizing: { method: 'risk' },
};

function tick(price: string, tabId: number | null, time: number): AcceptedTick {
  return {
    type: 'tick',
    venue: 'binance-futures',
    symbol: 'BTCUSDT',
    price,
    time,
    source: 'binance-futures',
    receivedAt: time,
    tabId,
  };
}

/** A plan service on fresh in-memory storage, with a notifier that shows nothing. */
function planService(): { plans: PlanService; stores: Stores } {
  const newId = () => 'p1';
  const stores = createStores({
    local: new MemoryStore(),
    session: new MemoryStore(),
    now: () => 0,
    log: () => undefined,
    newId,
  });
  const notifier = {
    show: async () => undefined,
    shown: async () => [],
    clear: async () => undefined,
    explain: async () => undefined,
  };
  return { plans: new PlanService({ stores, notifier, clock: { now: () => 0 }, newId }), stores };
}

describe('the toolbar badge', () => {
  it('shows, on the tab the tick came from, the distance from its price to the plan’s next level', async () => {
    const { plans, stores } = planService();
    const imported = await plans.importPlan(PLAN);
    expect(imported.ok).toBe(true);
    await plans.arm('p1');
    const painted: [number, string, string][] = [];
    const deps = {
      plans,
      stores,
      badge: {
        set: async (tabId: number, text: string, color: string) => void painted.push([tabId, text, color]),
      },
      now: () => 0,
    };
    const first = tick('59700', 7, 1);
    await plans.onTick(first);
    await paintBadge(deps, first);
    // |60000 − 59700| / 59700 = 0.5025 % → "0.5%", in the entry's colour.
    expect(painted).toEqual([[7, '0.5%', '#2962ff']]);

    const other = tick('59940', 9, 2);
    await plans.onTick(other);
    await paintBadge(deps, other);
    // |60000 − 59940| / 59940 = 0.1001 % → "0.1%", on tab 9.
    expect(painted.at(-1)).toEqual([9, '0.1%', '#2962ff']);
  });

  it('clears the badge of a tab whose symbol no armed plan watches', async () => {
    const { plans, stores } = planService();
    const painted: [number, string][] = [];
    const deps = {
      plans,
      stores,
      badge: { set: async (tabId: number, text: string) => void painted.push([tabId, text]) },
      now: () => 0,
    };
    await paintBadge(deps, tick('59700', 3, 1));
    expect(painted).toEqual([[3, '']]);
  });
});
