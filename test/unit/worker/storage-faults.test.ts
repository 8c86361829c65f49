import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

import type { Background } from '../../../entrypoints/background/create-background';
import {
  binanceTab,
  BTC_PLAN,
  ETH_PLAN,
  ethTab,
  importAndArm,
  importPlan,
  journaledAlerts,
  plannerList,
  popup,
  tickAt,
  useBackground,
} from './background-harness';

const harness = useBackground();

/** What no schema reads: a string where every stored thing is an object or a list. */
const CORRUPT = '\u0000corrupt';

interface Baseline {
  readonly local: Record<string, unknown>;
  readonly session: Record<string, unknown>;
  /** The armed plans, which every tick of their symbol must keep reaching. */
  readonly armed: readonly string[];
  readonly deleted: string;
}

/**
 * Storage as a trader's use leaves it, every kind of stored thing in it: three armed plans
 * (two on BTCUSDT, one on ETHUSDT) that have alerted, a draft, a deleted plan in the
 * trash, quotes and tick history, the panel's, watching and alert settings, a picked
 * site, a refused message, and a picker waiting in the session.
 */
async function baseline(worker: Background): Promise<Baseline> {
  const armed = [
    await importAndArm(worker),
    await importAndArm(worker, { ...BTC_PLAN, name: 'BTC second' }),
    await importAndArm(worker, ETH_PLAN),
  ];
  await importPlan(worker, { ...BTC_PLAN, name: 'BTC draft' });
  const deleted = await importPlan(worker, { ...ETH_PLAN, name: 'ETH deleted' });
  await worker.handleMessage({ type: 'plan-action', id: deleted, action: 'delete' }, popup);
  await worker.handleMessage(tickAt(harness, '59880'), binanceTab);
  await worker.handleMessage(tickAt(harness, '2990', 'ETHUSDT'), ethTab);
  await worker.handleMessage(
    { type: 'overlay-settings-set', host: 'www.binance.com', isCollapsed: true },
    popup,
  );
  await worker.handleMessage({ type: 'quiet-set', isQuiet: false }, popup);
  await worker.handleMessage({ type: 'plans-view' }, binanceTab); // refused: counted under `security`
  await fakeBrowser.storage.local.set({
    'watch-settings': { version: 1, staleAfterSeconds: 30, jumpHoldPercent: 20 },
    'picked-sites': {
      version: 1,
      sites: {
        'https://exchange.example': {
          selector: '#last',
          symbol: 'BTCUSDT',
          decimalMark: null,
          pickedAt: harness.now,
        },
      },
    },
  });
  await fakeBrowser.storage.session.set({
    'picker-pending': { version: 1, tabId: 4, origin: 'https://exchange.example', startedAt: harness.now },
  });
  await worker.ticks.flushHistory();
  return {
    local: await fakeBrowser.storage.local.get(null),
    session: await fakeBrowser.storage.session.get(null),
    armed,
    deleted,
  };
}

/** Everything that reads stored records: the worker's start, each surface, a tick per symbol, the alarm, undo. */
async function useEverything(worker: Background, deleted: string): Promise<void> {
  await worker.ready;
  await worker.handleMessage({ type: 'watch-config' }, binanceTab);
  await worker.handleMessage({ type: 'overlay-settings-get', host: 'www.binance.com' }, popup);
  await worker.handleMessage({ type: 'picked-sites-list' }, popup);
  await worker.handleMessage({ type: 'plans-view' }, popup);
  await worker.handleMessage({ type: 'plans-view' }, binanceTab); // refused again
  await worker.handleMessage({ type: 'plan-action', id: deleted, action: 'restore' }, popup);
  // 60,020 and 3,001: every armed plan's entry triggers.
  await worker.handleMessage(tickAt(harness, '60020'), binanceTab);
  await worker.handleMessage(tickAt(harness, '3001', 'ETHUSDT'), ethTab);
  await worker.checkStale();
  await worker.ticks.flushHistory();
}

describe('a corrupt value under any stored key', () => {
  it('is kept aside and listed in the planner, and every other plan keeps alerting: each key in turn', async () => {
    const seeded = await baseline(harness.worker);
    const keys = [
      ...Object.keys(seeded.local).map((key) => ['local', key] as const),
      ...Object.keys(seeded.session).map((key) => ['session', key] as const),
    ];
    expect(
      keys.map(([, key]) => key.replace(/\/[^/]*\d{6,}$/, '/…').replace(/plan\d+$/, '<id>')).sort(),
    ).toEqual(
      [
        'alerts/settings',
        'journal/<id>',
        'notifications/outbox',
        'overlay-settings',
        'picked-sites',
        'picker-pending',
        'plan/<id>',
        'plans/index',
        'plans/trash',
        'quotes',
        'security',
        'storage/version',
        'tab-pages',
        'tick-history/v1/index',
        'tick-history/v1/m/BTCUSDT/…',
        'tick-history/v1/m/ETHUSDT/…',
        'tick-history/v1/s/BTCUSDT/…',
        'tick-history/v1/s/ETHUSDT/…',
        'watch-settings',
      ]
        .flatMap((key) => (key.endsWith('<id>') ? [key, key, key, key] : [key]))
        // Every armed plan's event log; the deleted one's went with it into the trash.
        .concat(['events/<id>', 'events/<id>', 'events/<id>'])
        .sort(),
    );

    for (const [area, key] of keys) {
      fakeBrowser.reset();
      await fakeBrowser.storage.local.set({
        ...seeded.local,
        ...(area === 'local' ? { [key]: CORRUPT } : {}),
      });
      await fakeBrowser.storage.session.set({
        ...seeded.session,
        ...(area === 'session' ? { [key]: CORRUPT } : {}),
      });
      harness.created.length = 0;

      const worker = harness.startWorker();
      await useEverything(worker, seeded.deleted);

      const list = await plannerList(worker);
      const aside = list.quarantined.filter((entry) => entry.key === key);
      expect(aside, `${key}: listed once in the planner`).toHaveLength(1);
      expect(JSON.parse(aside[0]?.raw ?? 'null'), `${key}: kept as found`).toBe(CORRUPT);
      expect(aside[0]?.problem, `${key}: with the reason`).not.toBe('');
      for (const id of seeded.armed.filter((planId) => key !== `plan/${planId}`)) {
        expect(await journaledAlerts(id), `${key}: plan ${id} still alerts`).toContain('trigger entry');
        expect(
          harness.created.filter((shown) => shown.startsWith(`${id}/`) && shown.endsWith('/entry')),
          `${key}: plan ${id}'s trigger is shown`,
        ).toHaveLength(1);
      }
    }
  });
});
