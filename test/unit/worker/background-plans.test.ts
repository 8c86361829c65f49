import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

import type { SenderFields } from '../../../lib/messages/sender';
import { CURRENT_STORAGE_VERSION, STORAGE_VERSION_KEY } from '../../../lib/store/migrations';
import type { StorageArea } from '../../../lib/store/storage-area';
import {
  alertId,
  binanceTab,
  BTC_PLAN,
  bybitTab,
  ETH_PLAN,
  ethTab,
  importAndArm,
  journaledAlerts,
  journalEvents,
  local,
  popup,
  settle,
  shownIds,
  START,
  tickAt,
  tradingViewTab,
  useBackground,
} from './background-harness';

/*
 * The background's plans as the worker runs them (./background-harness.ts): routing,
 * lifecycle, migrations at the start, corrupt records, refused messages, exactly once.
 */

const harness = useBackground();
const tick = (price: string, symbol?: string, venue?: string) => tickAt(harness, price, symbol, venue);
const startWorker = (area?: StorageArea) => harness.startWorker(area);

describe('routing ticks to plans', () => {
  // 59,880 is within 0.25 % below the entry at 60,000: an approach alert for a plan that hears it.
  it.each<[string, string, string, SenderFields, string[]]>([
    ['its venue’s page', 'BTCUSDT', 'binance-futures', binanceTab, ['approach entry']],
    [
      'its venue’s page, the symbol with a separator',
      'BTC_USDT',
      'binance-futures',
      binanceTab,
      ['approach entry'],
    ],
    [
      'its venue’s page, the symbol with a slash',
      'btc/usdt',
      'binance-futures',
      binanceTab,
      ['approach entry'],
    ],
    [
      'a TradingView chart of its symbol',
      'BINANCE:BTCUSDT',
      'tradingview',
      tradingViewTab,
      ['approach entry'],
    ],
    ['another venue’s page of the same symbol', 'BTCUSDT', 'bybit', bybitTab, []],
    ['its venue’s page of another symbol', 'ETHUSDT', 'binance-futures', ethTab, []],
  ])(
    'routes a tick from %s (%s) to the plan only when venue and symbol match',
    async (_, symbol, venue, sender, expected) => {
      const id = await importAndArm(harness.worker);
      expect(await harness.worker.handleMessage(tick('59880', symbol, venue), sender)).toEqual({ ok: true });
      expect(await journaledAlerts(id)).toEqual(expected);
    },
  );

  it('runs several plans at once on several tabs, each on its own symbol, none while paused', async () => {
    const btc = await importAndArm(harness.worker);
    const btcAnyVenue = await importAndArm(harness.worker, {
      ...BTC_PLAN,
      name: 'BTC anywhere',
      instrument: { ...BTC_PLAN.instrument, venue: 'any' },
    });
    const eth = await importAndArm(harness.worker, ETH_PLAN);
    await harness.worker.handleMessage({ type: 'plan-action', id: btcAnyVenue, action: 'pause' }, popup);

    await harness.worker.handleMessage(tick('59700'), binanceTab);
    await harness.worker.handleMessage(tick('2990', 'ETHUSDT'), ethTab);
    await harness.worker.handleMessage(tick('59880', 'BINANCE:BTCUSDT', 'tradingview'), tradingViewTab);
    await harness.worker.handleMessage(tick('2995', 'ETHUSDT'), ethTab);

    expect(await journaledAlerts(btc), 'the BTC plan, from its venue and the chart').toEqual([
      'approach entry',
    ]);
    expect(await journaledAlerts(btcAnyVenue), 'the paused plan saw nothing').toEqual([]);
    expect(await journaledAlerts(eth), 'the ETH plan, from its own tab').toEqual(['approach entry']);
    expect(await shownIds()).toEqual([alertId(btc, 0, 'entry'), alertId(eth, 0, 'entry')].sort());
    expect(
      harness.badges.map(([tabId]) => tabId),
      'each tab its own badge',
    ).toEqual([5, 6, 8, 6]);

    await harness.worker.handleMessage({ type: 'plan-action', id: btcAnyVenue, action: 'resume' }, popup);
    await harness.worker.handleMessage(tick('60010', 'BTCUSDT', 'bybit'), bybitTab);
    expect(await journaledAlerts(btcAnyVenue), 'resumed, the "any" plan hears every venue').toEqual([
      'trigger entry',
    ]);
    expect(await journaledAlerts(btc), 'Bybit is not the BTC plan’s venue').toEqual(['approach entry']);
  });

  it('gives a draft plan no ticks', async () => {
    const imported = (await harness.worker.handleMessage({ type: 'plan-import', plan: BTC_PLAN }, popup)) as {
      id: string;
    };
    await harness.worker.handleMessage(tick('60010'), binanceTab);
    expect(await journalEvents(imported.id)).toEqual(['import']);
  });
});

describe('a page whose two prices disagree', () => {
  it('steps no plan on a divergence, not even after a restart, and shows both numbers until a tick agrees', async () => {
    const id = await importAndArm(harness.worker);
    await harness.worker.handleMessage(tick('59700'), binanceTab);
    // The title crosses the entry at 60,000, the order book does not: no price is taken.
    harness.now += 1_000;
    const diverged = {
      type: 'diverged',
      venue: 'binance-futures',
      symbol: 'BTCUSDT',
      first: { place: 'title', price: '60020' },
      second: { place: 'order book', price: '59710' },
      since: harness.now - 1_500,
      time: harness.now,
    };
    expect(await harness.worker.handleMessage(diverged, binanceTab)).toEqual({ ok: true });
    await startWorker().ready;
    expect(await journaledAlerts(id), 'a divergence never fills a tranche').toEqual([]);
    expect(await shownIds()).toEqual([]);

    const view = async () => {
      const reply = (await harness.worker.handleMessage({ type: 'plans-view' }, popup)) as {
        plans: { quote: { price: string } | null; divergence: unknown }[];
      };
      return reply.plans[0];
    };
    expect(await view()).toMatchObject({
      quote: { price: '59700' },
      divergence: {
        first: { place: 'title', price: '60020' },
        second: { place: 'order book', price: '59710' },
      },
    });
    await harness.worker.handleMessage(tick('59720'), binanceTab);
    expect(await view()).toMatchObject({ quote: { price: '59720' }, divergence: null });
  });
});

describe('plan lifecycle', () => {
  it('moves a plan draft → armed → active → closed through messages, recording the time of each change', async () => {
    const imported = (await harness.worker.handleMessage({ type: 'plan-import', plan: BTC_PLAN }, popup)) as {
      id: string;
    };
    const id = imported.id;
    const importedAt = harness.now;
    harness.now += 60_000;
    const armedAt = harness.now;
    await harness.worker.handleMessage({ type: 'plan-action', id, action: 'arm' }, popup);
    await harness.worker.handleMessage(tick('59700'), binanceTab);
    await harness.worker.handleMessage(tick('60050'), binanceTab);
    harness.now += 30_000;
    const filledAt = harness.now;
    expect(
      await harness.worker.handleMessage(
        { type: 'plan-fill', id, tranche: 'entry', requestId: 'fill-entry-1' },
        popup,
      ),
    ).toEqual({ ok: true });
    harness.now += 30_000;
    const closedAt = harness.now;
    await harness.worker.handleMessage({ type: 'plan-action', id, action: 'close' }, popup);

    const record = (await local())[`plan/${id}`] as { status: string; lifecycle: unknown };
    expect(record.status).toBe('closed');
    expect(record.lifecycle).toEqual([
      { status: 'draft', at: importedAt },
      { status: 'armed', at: armedAt },
      { status: 'active', at: filledAt },
      { status: 'closed', at: closedAt },
    ]);
    expect(await journalEvents(id)).toEqual(['import', 'arm', 'tick', 'fill', 'cancel']);
    const view = (await harness.worker.handleMessage({ type: 'plans-view', isAll: true }, popup)) as {
      plans: { id: string; status: string; tranches: { id: string; status: string }[] }[];
    };
    expect(view.plans.map((plan) => [plan.id, plan.status])).toEqual([[id, 'closed']]);
    expect(view.plans[0]?.tranches.map((tranche) => `${tranche.id} ${tranche.status}`)).toEqual([
      'entry filled',
      'add-1 cancelled',
      'target-1 cancelled',
    ]);
  });

  it('re-arms a closed plan as a fresh trade, keeping its history', async () => {
    const id = await importAndArm(harness.worker);
    await harness.worker.handleMessage({ type: 'plan-action', id, action: 'close' }, popup);
    harness.now += 1_000;
    expect(await harness.worker.handleMessage({ type: 'plan-action', id, action: 'arm' }, popup)).toEqual({
      ok: true,
    });
    const record = (await local())[`plan/${id}`] as { status: string; lifecycle: { status: string }[] };
    expect(record.status).toBe('armed');
    expect(record.lifecycle.map((entry) => entry.status)).toEqual(['draft', 'armed', 'closed', 'armed']);
  });
});

describe('storage migrations at the worker’s start', () => {
  /** Storage as a build before `storage/version` left it: a plan record the index lost, a bare quarantined value. */
  async function seedVersion0(): Promise<string> {
    const first = startWorker();
    const id = await importAndArm(first);
    const stored = await local();
    await fakeBrowser.storage.local.remove([STORAGE_VERSION_KEY, 'plans/index']);
    await fakeBrowser.storage.local.set({ [`quarantine/quotes/${START}`]: { version: 1, quotes: 'broken' } });
    expect(stored[`plan/${id}`], 'the record itself is still there').toBeDefined();
    return id;
  }

  it('migrates version-0 storage before it handles the first message', async () => {
    const id = await seedVersion0();
    const restarted = startWorker();
    // No await of `ready`: the first message waits for the migration by itself.
    const view = (await restarted.handleMessage({ type: 'plans-view', isAll: true }, popup)) as {
      plans: { id: string }[];
      quarantined: { key: string; problem: string; raw: string; at: number }[];
    };
    expect(
      view.plans.map((plan) => plan.id),
      'the plan is found again through the rebuilt index',
    ).toEqual([id]);
    expect(view.quarantined).toEqual([
      {
        key: 'quotes',
        label: 'Latest prices',
        problem: 'unreadable when found (quarantined before the reason was recorded)',
        effect: 'Replaced by its default (or rebuilt); everything else keeps working.',
        raw: JSON.stringify({ version: 1, quotes: 'broken' }),
        at: START,
      },
    ]);
    const stored = await local();
    expect(stored[STORAGE_VERSION_KEY]).toBe(CURRENT_STORAGE_VERSION);
    expect(stored['plans/index']).toEqual([id]);
    // And the plan runs again.
    await restarted.handleMessage(tick('59900'), binanceTab);
    expect(await journaledAlerts(id)).toEqual(['approach entry']);
  });

  it('finishes on the next start a migration a stopped worker began', async () => {
    const id = await seedVersion0();
    const area = fakeBrowser.storage.local;
    const stoppedBeforeTheVersion: StorageArea = {
      get: (keys) => area.get(keys),
      remove: (keys) => area.remove(keys),
      set: (items) => (STORAGE_VERSION_KEY in items ? new Promise(() => undefined) : area.set(items)),
    };
    startWorker(stoppedBeforeTheVersion);
    await settle();
    expect((await local())['plans/index'], 'the index was written').toEqual([id]);
    expect((await local())[STORAGE_VERSION_KEY], 'not the version').toBeUndefined();

    await startWorker().ready;
    const stored = await local();
    expect(stored[STORAGE_VERSION_KEY]).toBe(CURRENT_STORAGE_VERSION);
    expect(stored['plans/index'], 'run again, to the same result').toEqual([id]);
    expect(Object.keys(stored).filter((key) => key.startsWith('quarantine/'))).toEqual([
      `quarantine/quotes/${START}`,
    ]);
  });

  it('stamps a fresh install with the current storage version and writes nothing else', async () => {
    expect(await local()).toEqual({ [STORAGE_VERSION_KEY]: CURRENT_STORAGE_VERSION });
  });

  it('reads only the version key on a normal start', async () => {
    const reads: unknown[] = [];
    const spied: StorageArea = {
      get: (keys) => {
        reads.push(keys);
        return fakeBrowser.storage.local.get(keys);
      },
      set: (items) => fakeBrowser.storage.local.set(items),
      remove: (keys) => fakeBrowser.storage.local.remove(keys),
    };
    await startWorker(spied).ready;
    expect(reads, 'no read of the whole of storage (the tick history can be megabytes)').not.toContain(null);
    expect(reads[0]).toBe(STORAGE_VERSION_KEY);
  });

  it('leaves storage written by a newer Tranche as it is, and keeps working', async () => {
    const id = await importAndArm(harness.worker);
    await fakeBrowser.storage.local.set({ [STORAGE_VERSION_KEY]: 7 });
    await fakeBrowser.storage.local.remove('plans/index');
    const restarted = startWorker();
    await restarted.ready;
    const stored = await local();
    expect(stored[STORAGE_VERSION_KEY]).toBe(7);
    expect(stored['plans/index'], 'no migration ran').toBeUndefined();
    expect(await restarted.handleMessage({ type: 'quiet-set', isQuiet: true }, popup)).toEqual({ ok: true });
    expect(stored[`plan/${id}`]).toBeDefined();
  });
});

describe('corrupt records', () => {
  it('quarantines a corrupt plan record, lists it for export, and the other plans keep working', async () => {
    const good = await importAndArm(harness.worker);
    const bad = await importAndArm(harness.worker, ETH_PLAN);
    const corrupt = { version: 1, id: bad, plan: { name: 'half written' }, status: 'armed' };
    await fakeBrowser.storage.local.set({ [`plan/${bad}`]: corrupt });

    const view = (await harness.worker.handleMessage({ type: 'plans-view', isAll: true }, popup)) as {
      plans: { id: string }[];
      quarantined: { key: string; problem: string; raw: string }[];
    };
    expect(view.plans.map((plan) => plan.id)).toEqual([good]);
    expect(view.quarantined).toHaveLength(1);
    expect(view.quarantined[0]?.key).toBe(`plan/${bad}`);
    expect(JSON.parse(view.quarantined[0]?.raw ?? 'null'), 'kept exactly as found').toEqual(corrupt);
    expect(view.quarantined[0]?.problem, 'names the unreadable field').toMatch(/^plan\./);

    const stored = await local();
    expect(stored[`plan/${bad}`], 'moved out of the plans').toBeUndefined();
    expect(stored['plans/index']).toEqual([good]);
    expect(stored[`journal/${bad}`], 'its journal is kept').toBeDefined();

    await harness.worker.handleMessage(tick('59700'), binanceTab);
    await harness.worker.handleMessage(tick('60010'), binanceTab);
    expect(await journaledAlerts(good)).toEqual(['trigger entry']);
    expect(
      await harness.worker.handleMessage(
        { type: 'plan-fill', id: good, tranche: 'entry', requestId: 'fill-good' },
        popup,
      ),
    ).toEqual({ ok: true });
    expect(
      await harness.worker.handleMessage({ type: 'plan-action', id: bad, action: 'arm' }, popup),
    ).toEqual({
      ok: false,
      error: `no plan "${bad}"`,
    });
  });

  it('repairs a corrupt settings record to its default and keeps the original in quarantine', async () => {
    await fakeBrowser.storage.local.set({ 'watch-settings': 'not settings' });
    await harness.worker.handleMessage({ type: 'watch-config' }, binanceTab);
    const stored = await local();
    expect(stored[`quarantine/watch-settings/${harness.now}`]).toEqual({
      key: 'watch-settings',
      raw: 'not settings',
      problem: 'unreadable: expected object, received string',
      at: harness.now,
    });
  });
});

describe('refused plan messages', () => {
  const foreignPage: SenderFields = { ...popup, id: 'z'.repeat(32) };
  const pageFrame: SenderFields = { ...binanceTab, id: undefined };

  it.each<[string, (id: string) => unknown, SenderFields, string]>([
    [
      'a plan change from a content script',
      (id) => ({ type: 'plan-action', id, action: 'close' }),
      binanceTab,
      'not-extension-page',
    ],
    [
      'a confirmation from a content script',
      (id) => ({ type: 'plan-fill', id, tranche: 'entry', requestId: 'forged-fill-1' }),
      binanceTab,
      'not-extension-page',
    ],
    [
      'a plan import from a content script',
      () => ({ type: 'plan-import', plan: BTC_PLAN }),
      binanceTab,
      'not-extension-page',
    ],
    [
      'a malformed confirmation (a price with a thousands separator)',
      (id) => ({ type: 'plan-fill', id, tranche: 'entry', price: '60,000', requestId: 'malformed-1' }),
      popup,
      'malformed',
    ],
    [
      'a confirmation without its request id',
      (id) => ({ type: 'plan-fill', id, tranche: 'entry' }),
      popup,
      'malformed',
    ],
    [
      'a plan action that does not exist',
      (id) => ({ type: 'plan-action', id, action: 'liquidate' }),
      popup,
      'malformed',
    ],
    [
      'a confirmation from another extension',
      (id) => ({ type: 'plan-fill', id, tranche: 'entry', requestId: 'foreign-fill-1' }),
      foreignPage,
      'foreign-extension',
    ],
    [
      'a plan change from a web page',
      (id) => ({ type: 'plan-action', id, action: 'delete' }),
      pageFrame,
      'foreign-extension',
    ],
  ])('refuses and counts %s, changing no plan and no journal', async (_, message, sender, reason) => {
    const id = await importAndArm(harness.worker);
    await harness.worker.handleMessage(tick('59700'), binanceTab);
    await harness.worker.handleMessage(tick('60010'), binanceTab);
    await harness.worker.ticks.flushHistory();
    const before = await local();
    const shownBefore = await shownIds();

    expect(await harness.worker.handleMessage(message(id), sender)).toEqual({
      ok: false,
      error: `refused: ${reason}`,
    });

    const { security, ...after } = await local();
    const { security: securityBefore, ...rest } = before;
    expect(securityBefore, 'nothing was refused before').toBeUndefined();
    expect(after, 'plans, journals and the outbox are as they were').toEqual(rest);
    expect(await shownIds()).toEqual(shownBefore);
    expect(security).toMatchObject({ refused: 1, refusedByReason: { [reason]: 1 } });
  });
});

describe('exactly once when the worker is stopped', () => {
  /** storage.local of a worker Chrome stops at the first write matching `isFatal` (before or after it lands). */
  function dyingAt(
    isFatal: (items: Record<string, unknown>) => boolean,
    when: 'before' | 'after',
  ): StorageArea {
    let isDead = false;
    const area = fakeBrowser.storage.local;
    return {
      get: (keys) => (isDead ? new Promise(() => undefined) : area.get(keys)),
      remove: (keys) => (isDead ? new Promise(() => undefined) : area.remove(keys)),
      set: async (items) => {
        if (isDead) return new Promise(() => undefined);
        if (!isFatal(items)) return area.set(items);
        isDead = true;
        if (when === 'after') await area.set(items);
        // The worker is gone: nothing after this write runs.
        return new Promise(() => undefined);
      },
    };
  }
  const writesJournal = (items: Record<string, unknown>) =>
    Object.keys(items).some((key) => key.startsWith('journal/'));
  /** The flush forgetting what it showed: the outbox alone. */
  const isOutboxTrim = (items: Record<string, unknown>) =>
    Object.keys(items).length === 1 && Array.isArray(items['notifications/outbox']);

  it('alerts on the next start when the worker stopped after storing a tick and before the plans stepped on it', async () => {
    const id = await importAndArm(harness.worker);
    await harness.worker.handleMessage(tick('59700'), binanceTab);
    const spike = tick('60020');
    const dying = startWorker(dyingAt(writesJournal, 'before'));
    void dying.handleMessage(spike, binanceTab);
    await settle();
    expect((await local())['quotes'], 'the quote was stored').toMatchObject({
      quotes: { 'binance-futures|BTCUSDT': { price: '60020' } },
    });
    expect(await journaledAlerts(id), 'the plan had not stepped').toEqual([]);

    // The page sends nothing more (the price stays); the worker starts for another reason.
    const restarted = startWorker();
    await restarted.ready;
    expect(await journaledAlerts(id)).toEqual(['trigger entry']);
    expect(await shownIds()).toEqual([alertId(id, 0, 'entry')]);
    // The same tick again, and another start: nothing more.
    await restarted.handleMessage(spike, binanceTab);
    await startWorker().ready;
    expect(await journaledAlerts(id)).toEqual(['trigger entry']);
    expect(harness.created).toEqual([alertId(id, 0, 'entry')]);
  });

  it('does not replay a stored quote to a plan armed after it arrived', async () => {
    await harness.worker.handleMessage(tick('60020'), binanceTab);
    harness.now += 5_000;
    const id = await importAndArm(harness.worker);
    await startWorker().ready;
    expect(await journaledAlerts(id)).toEqual([]);
    expect(harness.created).toEqual([]);
  });

  it('shows an alert that a stopped worker owed on the next start, once', async () => {
    const id = await importAndArm(harness.worker);
    await harness.worker.handleMessage(tick('59700'), binanceTab);
    // Chrome stops the worker inside notifications.create: state, journal and outbox are written.
    harness.isCreateHanging = true;
    void harness.worker.handleMessage(tick('59880'), binanceTab);
    await settle();
    harness.isCreateHanging = false;
    expect((await local())['notifications/outbox'], 'owed').toHaveLength(1);
    expect(await shownIds(), 'not shown yet').toEqual([]);

    await startWorker().ready;
    expect(harness.created).toEqual([alertId(id, 0, 'entry')]);
    expect((await local())['notifications/outbox']).toEqual([]);
    await startWorker().ready;
    expect(harness.created, 'and never again').toEqual([alertId(id, 0, 'entry')]);
    expect(await journaledAlerts(id), 'one alert in the journal').toEqual(['approach entry']);
  });

  it('does not show again an owed alert the browser still shows (stopped after showing it)', async () => {
    const id = await importAndArm(harness.worker);
    await harness.worker.handleMessage(tick('59700'), binanceTab);
    const dying = startWorker(dyingAt(isOutboxTrim, 'before'));
    void dying.handleMessage(tick('59880'), binanceTab);
    await settle();
    expect(harness.created).toEqual([alertId(id, 0, 'entry')]);
    expect((await local())['notifications/outbox'], 'still owed: the trim never landed').toHaveLength(1);

    await startWorker().ready;
    expect(harness.created, 'the trader is not alerted twice').toEqual([alertId(id, 0, 'entry')]);
    expect((await local())['notifications/outbox'], 'and it is no longer owed').toEqual([]);
  });

  it('shows an owed alert again if the trader dismissed it before the worker restarted: never lost', async () => {
    const id = await importAndArm(harness.worker);
    await harness.worker.handleMessage(tick('59700'), binanceTab);
    const dying = startWorker(dyingAt(isOutboxTrim, 'before'));
    void dying.handleMessage(tick('59880'), binanceTab);
    await settle();
    await fakeBrowser.notifications.clear(alertId(id, 0, 'entry'));

    await startWorker().ready;
    expect(
      harness.created,
      'the browser cannot tell shown-then-dismissed from never shown: at least once',
    ).toEqual([alertId(id, 0, 'entry'), alertId(id, 0, 'entry')]);
    await startWorker().ready;
    expect(harness.created).toHaveLength(2);
  });

  it.each(['before', 'after'] as const)(
    'applies a confirmation once when the worker stopped %s writing it and the popup sent it again',
    async (when) => {
      const id = await importAndArm(harness.worker);
      await harness.worker.handleMessage(tick('59700'), binanceTab);
      await harness.worker.handleMessage(tick('60020'), binanceTab);
      const fill = { type: 'plan-fill', id, tranche: 'entry', requestId: 'popup-fill-0001' } as const;
      const dying = startWorker(dyingAt(writesJournal, when));
      void dying.handleMessage(fill, popup);
      await settle();

      const restarted = startWorker();
      expect(await restarted.handleMessage(fill, popup)).toEqual({ ok: true });
      expect(await restarted.handleMessage(fill, popup), 'a third try changes nothing either').toEqual({
        ok: true,
      });
      expect(await journalEvents(id)).toEqual(['import', 'arm', 'tick', 'fill']);
      const record = (await local())[`plan/${id}`] as { engine: { lots: unknown[] } };
      expect(record.engine.lots).toHaveLength(1);
    },
  );
});
