import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

import { createBackground, type Background } from '../../../entrypoints/background/create-background';
import { createMessageRouter, type Handlers } from '../../../entrypoints/background/message-router';
import type { PickerApis, RegisteredScript } from '../../../entrypoints/background/picked-sites-service';
import { createStores } from '../../../lib/store/stores';
import { createSerialQueue } from '../../../lib/worker/serial-queue';
import type { AcceptContext } from '../../../lib/messages/accept';
import type { SenderFields } from '../../../lib/messages/sender';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}`;
const NOW = Date.UTC(2026, 10, 26, 9, 30);
const PICKED = 'http://127.0.0.1:8123';

const binanceTab: SenderFields = {
  id: EXTENSION_ID,
  url: 'https://www.binance.com/en/futures/BTCUSDT',
  origin: 'https://www.binance.com',
  tab: { id: 5 },
  frameId: 0,
};
const pickedTab: SenderFields = {
  id: EXTENSION_ID,
  url: `${PICKED}/`,
  origin: PICKED,
  tab: { id: 7 },
  frameId: 0,
};
const popup: SenderFields = {
  id: EXTENSION_ID,
  url: `${EXTENSION_ORIGIN}/popup.html`,
  origin: EXTENSION_ORIGIN,
};

const tick = {
  type: 'tick',
  venue: 'binance-futures',
  symbol: 'BTCUSDT',
  price: '97123.45',
  time: NOW - 5,
  source: 'binance-futures',
} as const;

/** The picker's extension APIs, recording what the background asked of them. */
class FakePickerApis implements PickerApis {
  readonly granted = new Set<string>([`${PICKED}/*`]);
  readonly injected: [number, string][] = [];
  readonly scripts = new Map<string, RegisteredScript>();
  tabUrls = new Map<number, string>([
    [7, `${PICKED}/quote`],
    [5, 'https://www.binance.com/en/futures/BTCUSDT'],
  ]);

  getTabUrl = async (tabId: number) => this.tabUrls.get(tabId);
  hasOriginPermission = async (pattern: string) => this.granted.has(pattern);
  removeOriginPermission = async (pattern: string) => {
    this.granted.delete(pattern);
  };
  injectFile = async (tabId: number, file: string) => {
    this.injected.push([tabId, file]);
  };
  getRegisteredScripts = async () => [...this.scripts.values()];
  registerScript = async (script: RegisteredScript) => {
    if (this.scripts.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
    this.scripts.set(script.id, script);
  };
  updateScript = async (script: RegisteredScript) => {
    this.scripts.set(script.id, script);
  };
  unregisterScript = async (id: string) => {
    this.scripts.delete(id);
  };
}

let apis: FakePickerApis;
let background: Background;
const local = () => fakeBrowser.storage.local.get(null);

beforeEach(() => {
  fakeBrowser.reset();
  apis = new FakePickerApis();
  background = createBackground({
    local: fakeBrowser.storage.local,
    session: fakeBrowser.storage.session,
    now: () => NOW,
    extensionId: EXTENSION_ID,
    extensionOrigin: `${EXTENSION_ORIGIN}/`,
    manifestPatterns: ['*://*.tradingview.com/*', '*://*.binance.com/*'],
    pickerApis: apis,
    matchPatternFor: (origin) => `${origin}/*`,
    notifier: {
      show: async () => undefined,
      shown: async () => [],
      clear: async () => undefined,
      explain: async () => undefined,
    },
    badge: { set: async () => undefined },
    newId: () => 'plan1',
  });
});

describe('background: ticks', () => {
  it('stores an accepted tick as the venue’s latest quote and hands it to onTick listeners', async () => {
    const listener = vi.fn();
    background.ticks.onTick(listener);
    const reply = await background.handleMessage({ ...tick, symbol: 'BINANCE:BTCUSDT' }, binanceTab);
    expect(reply).toEqual({ ok: true });
    expect((await local())['quotes']).toEqual({
      version: 1,
      quotes: {
        'binance-futures|BTCUSDT': {
          venue: 'binance-futures',
          symbol: 'BTCUSDT',
          price: '97123.45',
          time: NOW - 5,
          source: 'binance-futures',
          receivedAt: NOW,
          staleSince: null,
        },
      },
      divergences: {},
    });
    expect(listener).toHaveBeenCalledWith({ ...tick, receivedAt: NOW, tabId: 5 });
  });

  it('keeps every concurrent tick (writes are serialized)', async () => {
    const symbols = ['BTCUSDT', 'ETHUSDT', 'SOLUSDT', 'XRPUSDT', 'BNBUSDT'];
    await Promise.all(
      symbols.map((symbol) =>
        background.handleMessage(
          { ...tick, symbol },
          { ...binanceTab, url: `https://www.binance.com/en/futures/${symbol}` },
        ),
      ),
    );
    const stored = (await local())['quotes'] as { quotes: Record<string, unknown> };
    expect(Object.keys(stored.quotes).sort()).toEqual(symbols.map((s) => `binance-futures|${s}`).sort());
  });

  it('marks a quote stale and clears it with the next tick', async () => {
    await background.handleMessage(tick, binanceTab);
    await background.handleMessage(
      { type: 'stale', venue: 'binance-futures', symbol: 'BTCUSDT', since: NOW - 5 },
      binanceTab,
    );
    const quote = () =>
      local().then(
        (all) => (all['quotes'] as { quotes: Record<string, { staleSince: number | null }> }).quotes,
      );
    expect((await quote())['binance-futures|BTCUSDT']?.staleSince).toBe(NOW - 5);
    await background.handleMessage({ ...tick, time: NOW }, binanceTab);
    expect((await quote())['binance-futures|BTCUSDT']?.staleSince).toBeNull();
  });

  it('stores a page’s divergence beside its quote, steps nothing on it, and ends it with the next tick', async () => {
    const listener = vi.fn();
    background.ticks.onTick(listener);
    await background.handleMessage(tick, binanceTab);
    const diverged = {
      type: 'diverged',
      venue: 'binance-futures',
      symbol: 'BTCUSDT',
      first: { place: 'title', price: '61293.4' },
      second: { place: 'order book', price: '61020' },
      since: NOW - 4,
      time: NOW - 3,
    } as const;
    expect(await background.handleMessage(diverged, binanceTab)).toEqual({ ok: true });
    const stored = () => local().then((all) => all['quotes'] as { quotes: object; divergences: object });
    expect((await stored()).divergences).toEqual({
      'binance-futures|BTCUSDT': {
        venue: 'binance-futures',
        symbol: 'BTCUSDT',
        first: { place: 'title', price: '61293.4' },
        second: { place: 'order book', price: '61020' },
        since: NOW - 4,
        time: NOW - 3,
        receivedAt: NOW,
      },
    });
    expect((await stored()).quotes, 'the last agreed price stays the quote').toMatchObject({
      'binance-futures|BTCUSDT': { price: '97123.45', time: NOW - 5 },
    });
    expect(listener, 'a divergence is no tick').toHaveBeenCalledTimes(1);
    await background.handleMessage({ ...tick, time: NOW - 1 }, binanceTab);
    expect((await stored()).divergences).toEqual({});
  });

  it('writes the tick history when it flushes', async () => {
    await background.handleMessage(tick, binanceTab);
    await background.ticks.flushHistory();
    const stored = await local();
    const index = stored['tick-history/v1/index'] as { buckets: Record<string, { symbol: string }> };
    expect(Object.values(index.buckets).map((entry) => entry.symbol)).toEqual(['BTCUSDT', 'BTCUSDT']);
    expect(Object.keys(stored).filter((key) => key.startsWith('tick-history/v1/s/BTCUSDT/'))).toHaveLength(1);
  });

  it('quarantines a corrupt quotes record and starts afresh', async () => {
    await fakeBrowser.storage.local.set({ quotes: { version: 1, quotes: { broken: { price: 97 } } } });
    await background.handleMessage(tick, binanceTab);
    const stored = await local();
    expect(stored[`quarantine/quotes/${NOW}`]).toEqual({
      key: 'quotes',
      raw: { version: 1, quotes: { broken: { price: 97 } } },
      problem: 'quotes.broken.venue: expected string, received undefined',
      at: NOW,
    });
    expect(Object.keys((stored['quotes'] as { quotes: object }).quotes)).toEqual(['binance-futures|BTCUSDT']);
  });
});

describe('background: refusals', () => {
  it.each<[string, unknown, SenderFields, string]>([
    ['a tick from the popup', tick, popup, 'not-in-tab'],
    ['a tick from another extension', tick, { ...binanceTab, id: 'z'.repeat(32) }, 'foreign-extension'],
    ['a malformed tick', { ...tick, price: '97,123.45' }, binanceTab, 'malformed'],
    [
      'a divergence naming another symbol than its page',
      {
        type: 'diverged',
        venue: 'binance-futures',
        symbol: 'ETHUSDT',
        first: { place: 'title', price: '4705.32' },
        second: { place: 'order book', price: '4690' },
        since: NOW - 4,
        time: NOW - 3,
      },
      binanceTab,
      'symbol-not-page',
    ],
    [
      'a divergence naming no place a page shows its price in',
      {
        type: 'diverged',
        venue: 'binance-futures',
        symbol: 'BTCUSDT',
        first: { place: 'title', price: '61293.4' },
        second: { place: 'news ticker', price: '61020' },
        since: NOW - 4,
        time: NOW - 3,
      },
      binanceTab,
      'malformed',
    ],
    ['an unknown request', { type: 'fill', tranche: 'entry' }, binanceTab, 'unknown-type'],
    [
      'a picked-site removal from a content script',
      { type: 'picked-site-remove', origin: PICKED },
      binanceTab,
      'not-extension-page',
    ],
  ])('refuses and counts %s, acting on nothing', async (_, raw, sender, reason) => {
    const listener = vi.fn();
    background.ticks.onTick(listener);
    expect(await background.handleMessage(raw, sender)).toEqual({ ok: false, error: `refused: ${reason}` });
    const stored = await local();
    expect(stored['quotes'], 'nothing stored').toBeUndefined();
    expect(listener).not.toHaveBeenCalled();
    expect(stored['security']).toMatchObject({ refused: 1, refusedByReason: { [reason]: 1 } });
  });

  it('answers a malformed reply with an error instead of sending it', async () => {
    const handlers = { tick: async () => ({ ok: 'sure' }) } as unknown as Handlers;
    const context: AcceptContext = {
      extensionId: EXTENSION_ID,
      extensionOrigin: EXTENSION_ORIGIN,
      contentOrigins: ['*://*.binance.com/*'],
      pendingPick: null,
      picked: {},
    };
    const route = createMessageRouter({
      stores: createStores({
        local: fakeBrowser.storage.local,
        session: fakeBrowser.storage.session,
        now: () => NOW,
        log: () => undefined,
        newId: () => 'id',
      }),
      queue: createSerialQueue(),
      now: () => NOW,
      acceptContext: async () => context,
      handlers,
    });
    expect(await route(tick, binanceTab)).toEqual({
      ok: false,
      error: 'tick failed: the reply was malformed',
    });
  });
});

describe('background: watch config', () => {
  it('gives content scripts the stored settings, repaired field by field', async () => {
    await fakeBrowser.storage.local.set({
      'watch-settings': { version: 1, staleAfterSeconds: 5, jumpHoldPercent: 'x' },
    });
    expect(await background.handleMessage({ type: 'watch-config' }, binanceTab)).toEqual({
      ok: true,
      config: { staleAfterSeconds: 5, jumpHoldPercent: 20, picked: null },
    });
  });

  it('gives a picked origin its selector, judged by the sender’s origin', async () => {
    await fakeBrowser.storage.local.set({
      'picked-sites': {
        version: 1,
        sites: { [PICKED]: { selector: '#last', symbol: 'ACMEUSD', decimalMark: null, pickedAt: 1 } },
      },
    });
    expect(await background.handleMessage({ type: 'watch-config' }, pickedTab)).toMatchObject({
      ok: true,
      config: { picked: { selector: '#last', symbol: 'ACMEUSD', decimalMark: null } },
    });
    expect(await background.handleMessage({ type: 'watch-config' }, binanceTab)).toMatchObject({
      config: { picked: null },
    });
  });
});

describe('background: the element picker', () => {
  const result = {
    type: 'picker-result',
    selector: 'span[data-testid="last"]',
    price: '123.45',
    symbol: 'ACMEUSD',
    decimalMark: null,
  };

  it('starts in an allowed tab, stores the confirmed pick, registers and starts the content script', async () => {
    expect(await background.handleMessage({ type: 'picker-start', tabId: 7 }, popup)).toEqual({
      ok: true,
      origin: PICKED,
    });
    expect(apis.injected).toEqual([[7, '/picker.js']]);

    expect(await background.handleMessage(result, pickedTab)).toEqual({ ok: true, origin: PICKED });
    expect((await local())['picked-sites']).toEqual({
      version: 1,
      sites: {
        [PICKED]: {
          selector: 'span[data-testid="last"]',
          symbol: 'ACMEUSD',
          decimalMark: null,
          pickedAt: NOW,
        },
      },
    });
    expect([...apis.scripts.values()]).toEqual([
      {
        id: `picked:${PICKED}`,
        matches: [`${PICKED}/*`],
        js: ['/content-scripts/content.js'],
        allFrames: true,
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
    expect(apis.injected.at(-1)).toEqual([7, '/content-scripts/content.js']);
    expect(await background.handleMessage(result, pickedTab), 'the invitation is used up').toEqual({
      ok: false,
      error: 'refused: not-pending-picker',
    });
    // The picked origin now sends ticks of its own.
    const pickedTick = {
      ...tick,
      venue: '127.0.0.1:8123',
      symbol: 'ACMEUSD',
      price: '123.45',
      source: 'picker',
    };
    expect(await background.handleMessage(pickedTick, pickedTab)).toEqual({ ok: true });
  });

  it('refuses to start on a plain http page away from this computer, and says why', async () => {
    apis.tabUrls.set(8, 'http://quotes.acme.example/btc');
    expect(await background.handleMessage({ type: 'picker-start', tabId: 8 }, popup)).toEqual({
      ok: false,
      error:
        'http://quotes.acme.example is plain http: a page that is not encrypted could be altered on its way, so Tranche reads prices only from https pages (and http on this computer).',
    });
    expect(apis.injected).toEqual([]);
  });

  it('refuses to start where the trader has not allowed the site', async () => {
    apis.granted.clear();
    expect(await background.handleMessage({ type: 'picker-start', tabId: 7 }, popup)).toEqual({
      ok: false,
      error: `Tranche may not read ${PICKED} yet: allow it when the browser asks.`,
    });
    expect(apis.injected).toEqual([]);
  });

  it('refuses an answer from a tab it was not started in', async () => {
    await background.handleMessage({ type: 'picker-start', tabId: 7 }, popup);
    expect(await background.handleMessage(result, { ...pickedTab, tab: { id: 8 } })).toEqual({
      ok: false,
      error: 'refused: not-pending-picker',
    });
    expect((await local())['picked-sites']).toBeUndefined();
  });

  it('lists and removes picked sites, with their script and permission', async () => {
    await background.handleMessage({ type: 'picker-start', tabId: 7 }, popup);
    await background.handleMessage(result, pickedTab);
    expect(await background.handleMessage({ type: 'picked-sites-list' }, popup)).toEqual({
      ok: true,
      sites: [
        {
          origin: PICKED,
          selector: 'span[data-testid="last"]',
          symbol: 'ACMEUSD',
          decimalMark: null,
          pickedAt: NOW,
        },
      ],
    });
    expect(await background.handleMessage({ type: 'picked-site-remove', origin: PICKED }, popup)).toEqual({
      ok: true,
    });
    expect(apis.scripts.size).toBe(0);
    expect(apis.granted.has(`${PICKED}/*`)).toBe(false);
    expect(await background.handleMessage({ type: 'picked-sites-list' }, popup)).toEqual({
      ok: true,
      sites: [],
    });
    expect(await background.handleMessage(tick, pickedTab), 'its ticks are refused again').toEqual({
      ok: false,
      error: 'refused: origin-not-allowed',
    });
  });

  it('keeps the manifest’s permission when a supported site picked by hand is removed', async () => {
    apis.granted.add('https://www.binance.com/*');
    await background.handleMessage({ type: 'picked-site-remove', origin: 'https://www.binance.com' }, popup);
    expect(apis.granted.has('https://www.binance.com/*')).toBe(true);
  });

  it('re-registers picked sites whose permission holds and drops stale registrations', async () => {
    await fakeBrowser.storage.local.set({
      'picked-sites': {
        version: 1,
        sites: { [PICKED]: { selector: '#p', symbol: null, decimalMark: null, pickedAt: 1 } },
      },
    });
    apis.scripts.set('picked:https://gone.example', { id: 'picked:https://gone.example', js: ['/x.js'] });
    await background.pickedSites.syncRegistrations();
    expect([...apis.scripts.keys()]).toEqual([`picked:${PICKED}`]);
  });
});
