import { afterEach, beforeEach, expect } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

import { browserNotifier } from '../../../entrypoints/background/browser-apis';
import { createBackground, type Background } from '../../../entrypoints/background/create-background';
import type { PickerApis } from '../../../entrypoints/background/picked-sites-service';
import type { SenderFields } from '../../../lib/messages/sender';
import type { StorageArea } from '../../../lib/store/storage-area';

/*
 * The background as the worker runs it, for the tests of its plans: messages through
 * createBackground's handleMessage (fakeBrowser ignores a Promise returned from onMessage,
 * NOTES-env), storage and notifications on WXT's fakeBrowser. A second createBackground on
 * the same storage is the worker after Chrome stopped and restarted it.
 */

export const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
export const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}`;
export const START = Date.UTC(2026, 10, 26, 9, 30);

export const popup: SenderFields = {
  id: EXTENSION_ID,
  url: `${EXTENSION_ORIGIN}/popup.html`,
  origin: EXTENSION_ORIGIN,
};
export const binanceTab: SenderFields = {
  id: EXTENSION_ID,
  url: 'https://www.binance.com/en/futures/BTCUSDT',
  origin: 'https://www.binance.com',
  tab: { id: 5 },
  frameId: 0,
};
export const ethTab: SenderFields = {
  ...binanceTab,
  url: 'https://www.binance.com/en/futures/ETHUSDT',
  tab: { id: 6 },
};
export const tradingViewTab: SenderFields = {
  id: EXTENSION_ID,
  url: 'https://www.tradingview.com/chart/aBcD1234/?symbol=BINANCE%3ABTCUSDT',
  origin: 'https://www.tradingview.com',
  tab: { id: 8 },
  frameId: 0,
};
export const bybitTab: SenderFields = {
  id: EXTENSION_ID,
  url: 'https://www.bybit.com/trade/usdt/BTCUSDT',
  origin: 'https://www.bybit.com',
  tab: { id: 9 },
  frameId: 0,
};
export const krakenTab: SenderFields = {
  id: EXTENSION_ID,
  url: 'https://pro.kraken.com/app/trade/btc-usd',
  origin: 'https://pro.kraken.com',
  tab: { id: 10 },
  frameId: 0,
};

/** The supported sites the fake manifest lists. */
export const MANIFEST_PATTERNS = [
  '*://*.tradingview.com/*',
  '*://*.binance.com/*',
  '*://*.bybit.com/*',
  '*://*.kraken.com/*',
];

/**
 * Long BTCUSDT on Binance futures: entry 60,000 (breakout), stop 59,400, so R = 600 and
 * the risk-sized entry is 100 / 600 = 0.166 (lot 0.001); approach alerts within 0.25 %
 * (150 below the entry, from 59,850). One add half an R above the entry fill (60,300).
 */
export const BTC_PLAN = {
  format: 'tranche.plan/1',
  name: 'BTC breakout',
  instrument: { venue: 'binance-futures', symbol: 'BTCUSDT', tickSize: '0.1', lotStep: '0.001' },
  side: 'long',
  account: { equity: '10000', riskPercent: '1' },
  entry: { price: '60000', when: 'above' },
  stop: { price: '59400' },
  sizing: { method: 'risk' },
  scaleIn: [{ step: { r: '0.5' }, size: '0.5' }],
  scaleOut: [{ at: { r: '2' }, share: 'rest' }],
  alerts: { approachPercent: '0.25' },
};
/** ETHUSDT: entry 3,000, stop 2,940; within 0.25 % of the entry from 2,992.5. */
export const ETH_PLAN = {
  ...BTC_PLAN,
  name: 'ETH breakout',
  instrument: { venue: 'binance-futures', symbol: 'ETHUSDT', tickSize: '0.01', lotStep: '0.01' },
  entry: { price: '3000', when: 'above' },
  stop: { price: '2940' },
};

/** Lets a worker run until it blocks (a stopped worker blocks forever). */
export const settle = () => new Promise((done) => setTimeout(done, 20));

export const local = () => fakeBrowser.storage.local.get(null);
export const shownIds = async () => Object.keys(await fakeBrowser.notifications.getAll()).sort();

export interface BackgroundHarness {
  /** The worker started before each test. */
  readonly worker: Background;
  /** The worker as Chrome starts it: a fresh background on whatever storage holds. */
  startWorker(area?: StorageArea): Background;
  /** The clock every worker reads; tests move it. */
  now: number;
  /** Every notifications.create call that reached the (fake) browser, in order. */
  readonly created: string[];
  /** With it set, notifications.create never returns and shows nothing (the worker stopped in it). */
  isCreateHanging: boolean;
  /** A notification id for which notifications.create rejects, as a browser refusing one. */
  refusedId: ((id: string) => boolean) | null;
  /** Badges painted: `[tabId, text]`. */
  readonly badges: [number, string][];
  /** The picker APIs the background is given. */
  pickerApis: PickerApis;
}

/**
 * Sets up a fresh fake browser and a started worker before each test of the file that
 * calls it, and flushes every worker's buffered tick history after each.
 */
export function useBackground(): BackgroundHarness {
  const workers: Background[] = [];
  let nextId = 0;
  const realCreate = fakeBrowser.notifications.create;
  /** notifications.update as Chrome does it, which the fake browser lacks: the options merged in place. */
  const update = (async (id: string, changes: object) => {
    const options = fakeBrowser.notifications.getAllCreateOptions()[id];
    if (options === undefined) return false;
    await realCreate(id, { ...options, ...changes });
    return true;
  }) as typeof fakeBrowser.notifications.update;
  const harness = {
    worker: undefined as unknown as Background,
    now: START,
    created: [] as string[],
    isCreateHanging: false,
    refusedId: null as ((id: string) => boolean) | null,
    badges: [] as [number, string][],
    pickerApis: {} as PickerApis,
    startWorker(area: StorageArea = fakeBrowser.storage.local): Background {
      const started = createBackground({
        local: area,
        session: fakeBrowser.storage.session,
        now: () => harness.now,
        extensionId: EXTENSION_ID,
        extensionOrigin: `${EXTENSION_ORIGIN}/`,
        manifestPatterns: MANIFEST_PATTERNS,
        pickerApis: harness.pickerApis,
        matchPatternFor: (origin) => `${origin}/*`,
        notifier: browserNotifier(),
        badge: {
          set: async (tabId, text) => {
            harness.badges.push([tabId, text]);
          },
        },
        newId: () => `plan${(nextId += 1)}`,
      });
      workers.push(started);
      return started;
    },
  };

  beforeEach(async () => {
    fakeBrowser.reset();
    harness.created.length = 0;
    harness.badges.length = 0;
    harness.isCreateHanging = false;
    harness.refusedId = null;
    harness.pickerApis = {} as PickerApis;
    fakeBrowser.notifications.create = ((...args: Parameters<typeof realCreate>) => {
      if (harness.isCreateHanging) return new Promise(() => undefined);
      const id = String(args[0]);
      if (harness.refusedId?.(id) === true) return Promise.reject(new Error(`the browser refused ${id}`));
      harness.created.push(id);
      return realCreate(...args);
    }) as typeof realCreate;
    fakeBrowser.notifications.update = update;
    harness.now = START;
    nextId = 0;
    workers.length = 0;
    harness.worker = harness.startWorker();
    await harness.worker.ready;
  });

  afterEach(async () => {
    fakeBrowser.notifications.create = realCreate;
    // Every running worker writes its buffered tick history now, not into the next test's storage.
    await Promise.race([Promise.all(workers.map((started) => started.ticks.flushHistory())), settle()]);
  });

  return harness;
}

/** A tick message one second after the last, from a page of `venue`. */
export function tickAt(
  harness: BackgroundHarness,
  price: string,
  symbol = 'BTCUSDT',
  venue = 'binance-futures',
) {
  harness.now += 1_000;
  return { type: 'tick', venue, symbol, price, time: harness.now, source: venue } as const;
}

export async function importPlan(worker: Background, plan: object = BTC_PLAN): Promise<string> {
  const imported = (await worker.handleMessage({ type: 'plan-import', plan }, popup)) as {
    ok: boolean;
    id: string;
  };
  expect(imported.ok, 'the plan imports').toBe(true);
  return imported.id;
}

export async function importAndArm(worker: Background, plan: object = BTC_PLAN): Promise<string> {
  const id = await importPlan(worker, plan);
  expect(await worker.handleMessage({ type: 'plan-action', id, action: 'arm' }, popup)).toEqual({
    ok: true,
  });
  return id;
}

/** The alerts a plan's journal recorded, as `kind tranche`. */
export async function journaledAlerts(id: string): Promise<string[]> {
  const journal = ((await local())[`journal/${id}`] ?? []) as { effects: Record<string, unknown>[] }[];
  return journal.flatMap((entry) =>
    entry.effects.filter((effect) => effect['type'] === 'alert').map((e) => `${e['kind']} ${e['tranche']}`),
  );
}

export async function journalEvents(id: string): Promise<string[]> {
  const journal = ((await local())[`journal/${id}`] ?? []) as { event: string }[];
  return journal.map((entry) => entry.event);
}

export interface PlannerList {
  readonly plans: { readonly id: string; readonly status: string }[];
  readonly quarantined: {
    readonly key: string;
    readonly label: string;
    readonly problem: string;
    readonly effect: string;
    readonly raw: string;
    readonly at: number;
  }[];
}

/** What the planner's list shows: every plan and every record kept aside. */
export async function plannerList(worker: Background): Promise<PlannerList> {
  const reply = (await worker.handleMessage({ type: 'plans-view', isAll: true }, popup)) as PlannerList & {
    ok: boolean;
  };
  expect(reply.ok, 'the planner’s list is answered').toBe(true);
  return reply;
}

/** The notification id of a plan's alert number `seq` (its counter's first epoch, "0"). */
export function alertId(planId: string, seq: number, tranche: string, epoch = '0'): string {
  return `${planId}/${epoch}.${seq}/${tranche}`;
}
