import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

import type { SurfacePortLike } from '../../../entrypoints/background/view-ports';
import type { PlansView } from '../../../lib/messages/plans';
import type { SenderFields } from '../../../lib/messages/sender';
import { VIEW_PORT_NAME, type ViewPush, type ViewScope } from '../../../lib/messages/view-port';
import type { StorageArea } from '../../../lib/store/storage-area';
import type { Background } from '../../../entrypoints/background/create-background';
import {
  binanceTab,
  BTC_PLAN,
  ethTab,
  ETH_PLAN,
  importAndArm,
  local,
  popup,
  tickAt,
  useBackground,
} from './background-harness';

/*
 * The surfaces' ports on the background as the worker runs it (./background-harness.ts):
 * each surface is pushed a fresh view after the commits that change it, and only then.
 */

const harness = useBackground();
const tick = (price: string, symbol?: string) => tickAt(harness, price, symbol);

const PANEL: ViewScope = { kind: 'page', venue: 'binance-futures', symbol: 'BTCUSDT' };

/** Longer than a frame and the view's reads: every push a change brings has arrived. */
const afterFrame = () => new Promise((done) => setTimeout(done, 60));

/** A surface's port as the background sees it (`runtime.onConnect`), from `sender`. */
function connect(worker: Background, sender: SenderFields = popup, name = VIEW_PORT_NAME) {
  const pushes: ViewPush[] = [];
  const messageListeners: ((message: unknown) => void)[] = [];
  const disconnectListeners: (() => void)[] = [];
  const surface = { pushes, isDisconnected: false };
  const port: SurfacePortLike = {
    name,
    sender,
    postMessage: (push) => void pushes.push(push),
    disconnect: () => {
      surface.isDisconnected = true;
    },
    onMessage: { addListener: (listener) => void messageListeners.push(listener) },
    onDisconnect: { addListener: (listener) => void disconnectListeners.push(listener) },
  };
  worker.connectView(port);
  return {
    ...surface,
    get isDisconnected() {
      return surface.isDisconnected;
    },
    send: (message: unknown) => messageListeners.forEach((listener) => listener(message)),
    /** The surface went away. */
    close: () => disconnectListeners.forEach((listener) => listener()),
    views: () => pushes.flatMap((push) => (push.type === 'view' ? [push.view] : [])),
  };
}

function subscribe(scope: ViewScope, isVisible = true) {
  const surface = connect(harness.worker);
  surface.send({ type: 'subscribe', scope, isVisible });
  return surface;
}

const pricesShown = (views: PlansView[]) => views.map((view) => view.plans[0]?.quote?.price ?? null);

describe('views pushed to the surfaces', () => {
  it('sends the panel the page’s price after each tick, one view per tick', async () => {
    await importAndArm(harness.worker);
    const panel = subscribe(PANEL);
    await afterFrame();
    for (const price of ['59700', '59750.5', '59710']) {
      await harness.worker.handleMessage(tick(price), binanceTab);
      await afterFrame();
    }
    expect(pricesShown(panel.views()), 'no price yet, then each tick’s').toEqual([
      null,
      '59700',
      '59750.5',
      '59710',
    ]);
  });

  it('sends a fill’s effect without being asked: the position appears', async () => {
    const id = await importAndArm(harness.worker);
    const popupView = subscribe({ kind: 'active' });
    // 59,700 then 60,010 crosses the entry at 60,000: the entry waits for its confirmation.
    await harness.worker.handleMessage(tick('59700'), binanceTab);
    await harness.worker.handleMessage(tick('60010'), binanceTab);
    await afterFrame();
    expect(popupView.views().at(-1)?.plans[0]?.position).toBe('0');
    expect(
      await harness.worker.handleMessage(
        { type: 'plan-fill', id, tranche: 'entry', requestId: 'fill-entry-1' },
        popup,
      ),
    ).toEqual({ ok: true });
    await afterFrame();
    // Risk 1 % of 10,000 = 100 over R = 60,000 − 59,400 = 600: 0.1666… down to the lot 0.001.
    expect(popupView.views().at(-1)?.plans[0]?.position).toBe('0.166');
  });

  it('sends a fresh view when the stale setting is changed from outside the worker: the price is stale by it', async () => {
    await importAndArm(harness.worker);
    const popupView = subscribe({ kind: 'active' });
    await harness.worker.handleMessage(tick('59700'), binanceTab);
    await afterFrame();
    expect(popupView.views().at(-1)?.plans[0]?.quote?.isStale).toBe(false);
    // 5 s without a price: fresh by the default 30 s, stale by a 1 s setting.
    harness.now += 5_000;
    await fakeBrowser.storage.local.set({
      'watch-settings': { version: 1, staleAfterSeconds: 1, jumpHoldPercent: 20 },
    });
    await afterFrame();
    expect(popupView.views().at(-1)?.plans[0]?.quote?.isStale).toBe(true);
  });

  it('sends nothing when a commit leaves the surface’s view as it was', async () => {
    await importAndArm(harness.worker);
    await importAndArm(harness.worker, ETH_PLAN);
    const panel = subscribe(PANEL);
    await afterFrame();
    // An ETH price: stored, stepped and kept in the history, none of it on the BTC page's panel.
    await harness.worker.handleMessage(tick('2990', 'ETHUSDT'), ethTab);
    await harness.worker.ticks.flushHistory();
    await afterFrame();
    expect(panel.pushes).toHaveLength(1);
  });

  it('sends nothing to a hidden panel, and the latest price once it is shown again', async () => {
    await importAndArm(harness.worker);
    const panel = subscribe(PANEL);
    await afterFrame();
    panel.send({ type: 'visibility', isVisible: false });
    await harness.worker.handleMessage(tick('59700'), binanceTab);
    await harness.worker.handleMessage(tick('59720'), binanceTab);
    await afterFrame();
    expect(panel.pushes, 'hidden: nothing').toHaveLength(1);
    panel.send({ type: 'visibility', isVisible: true });
    await afterFrame();
    expect(pricesShown(panel.views())).toEqual([null, '59720']);
  });

  it('stops sending to a surface whose port closed', async () => {
    await importAndArm(harness.worker);
    const panel = subscribe(PANEL);
    await afterFrame();
    panel.close();
    await harness.worker.handleMessage(tick('59700'), binanceTab);
    await afterFrame();
    expect(panel.pushes).toHaveLength(1);
    expect(harness.worker.views.size).toBe(0);
  });

  it.each<[string, SenderFields, string, string]>([
    ['a content script', binanceTab, VIEW_PORT_NAME, 'not-extension-page'],
    ['another extension', { ...popup, id: 'x'.repeat(32) }, VIEW_PORT_NAME, 'foreign-extension'],
    ['a port of another name', popup, 'something-else', 'unknown-type'],
  ])('refuses a port from %s: closed, counted, sent nothing', async (_, sender, name, reason) => {
    await importAndArm(harness.worker);
    const port = connect(harness.worker, sender, name);
    port.send({ type: 'subscribe', scope: PANEL, isVisible: true });
    await afterFrame();
    expect(port.isDisconnected).toBe(true);
    expect(port.pushes).toEqual([]);
    expect((await local()).security).toMatchObject({
      refused: 1,
      refusedByReason: { [reason]: 1 },
      lastRefused: { type: 'view-port' },
    });
  });

  it.each<[string, unknown[]]>([
    ['a malformed first message', [{ type: 'subscribe', scope: { kind: 'everything' }, isVisible: true }]],
    ['visibility before subscribing', [{ type: 'visibility', isVisible: true }]],
    [
      'a second subscription on one port',
      [
        { type: 'subscribe', scope: PANEL, isVisible: true },
        { type: 'subscribe', scope: { kind: 'all' }, isVisible: true },
      ],
    ],
  ])('closes and counts a port that sends %s', async (_, messages) => {
    const port = connect(harness.worker);
    for (const message of messages) port.send(message);
    await afterFrame();
    expect(port.isDisconnected).toBe(true);
    expect((await local()).security).toMatchObject({ refusedByReason: { malformed: 1 } });
  });
});

describe('what a view reads', () => {
  /** The worker on storage whose reads are recorded; `getKeys` as Chrome ≥ 130 has it. */
  function recordedWorker() {
    const reads: (string | string[] | null)[] = [];
    const area: StorageArea = {
      get: (keys) => {
        reads.push(keys);
        return fakeBrowser.storage.local.get(keys);
      },
      set: (items) => fakeBrowser.storage.local.set(items),
      remove: (keys) => fakeBrowser.storage.local.remove(keys),
      getKeys: async () => Object.keys(await fakeBrowser.storage.local.get(null)),
    };
    return { worker: harness.startWorker(area), reads };
  }
  const readKeys = (reads: (string | string[] | null)[]) =>
    reads.flatMap((keys) => (keys === null ? ['<everything>'] : typeof keys === 'string' ? [keys] : keys));

  it.each<[string, ViewScope]>([
    ['the planner', { kind: 'all' }],
    ['the popup', { kind: 'active' }],
    ['the panel', PANEL],
  ])(
    '%s’s view reads none of the tick history’s prices, on a worker’s start and after a change',
    async (_, scope) => {
      await importAndArm(harness.worker);
      for (const price of ['59700', '59750', '59800'])
        await harness.worker.handleMessage(tick(price), binanceTab);
      await harness.worker.ticks.flushHistory();
      expect(Object.keys(await local()).some((key) => key.startsWith('tick-history/v1/m/'))).toBe(true);

      const { worker, reads } = recordedWorker();
      await worker.ready;
      reads.length = 0;
      const surface = connect(worker);
      surface.send({ type: 'subscribe', scope, isVisible: true });
      await afterFrame();
      // A change every view shows (a tick's own work reads the history's open chunk when it
      // flushes: that is the tick's, with or without a surface, not the view's).
      await worker.handleMessage({ type: 'quiet-set', isQuiet: true }, popup);
      await afterFrame();
      expect(surface.views().map((view) => view.isQuiet)).toEqual([false, true]);
      const read = readKeys(reads);
      expect(read).not.toContain('<everything>');
      expect(read.filter((key) => /^tick-history\/v1\/[ms]\//.test(key))).toEqual([]);
    },
  );
});

describe('what a price writes', () => {
  it('a quiet price writes its quote and no plan record, however many plans hear it', async () => {
    for (const entry of ['60000', '60100', '60200']) {
      await importAndArm(harness.worker, {
        ...BTC_PLAN,
        name: `BTC ${entry}`,
        entry: { price: entry, when: 'above' },
      });
    }
    // The first price places each plan's path: written once.
    await harness.worker.handleMessage(tick('59000'), binanceTab);
    const written: string[] = [];
    const storage = fakeBrowser.storage.local;
    const set = storage.set.bind(storage);
    storage.set = ((items: Record<string, unknown>) => {
      written.push(...Object.keys(items));
      return set(items);
    }) as typeof set;
    // 59,010 … 59,040: more than 0.25 % below every entry, no alert, no level near.
    try {
      for (const price of ['59010', '59020', '59030', '59040'])
        await harness.worker.handleMessage(tick(price), binanceTab);
    } finally {
      storage.set = set;
    }
    expect(written).toEqual(['quotes', 'quotes', 'quotes', 'quotes']);
  });
});
