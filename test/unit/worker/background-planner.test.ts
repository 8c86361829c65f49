import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

import { browserNotifier } from '../../../entrypoints/background/browser-apis';
import { createBackground, type Background } from '../../../entrypoints/background/create-background';
import type { PickerApis } from '../../../entrypoints/background/picked-sites-service';
import type { SenderFields } from '../../../lib/messages/sender';
import { PRESETS } from '../../../lib/plan/presets';

/*
 * The planner's own requests through the background, as the worker answers them: the
 * designer's draft, the account defaults, the plan templates, the recorded prices for a
 * replay, and the page a quick plan starts from (popup by tab, panel by venue and symbol).
 */

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}`;
const START = Date.UTC(2026, 10, 26, 9, 30);

const planner: SenderFields = {
  id: EXTENSION_ID,
  url: `${EXTENSION_ORIGIN}/options.html`,
  origin: EXTENSION_ORIGIN,
};
const binanceTab: SenderFields = {
  id: EXTENSION_ID,
  url: 'https://www.binance.com/en/futures/BTCUSDT',
  origin: 'https://www.binance.com',
  tab: { id: 5 },
  frameId: 0,
};
/** A tick is taken only for the symbol its page's address names. */
const ethTab: SenderFields = {
  ...binanceTab,
  url: 'https://www.binance.com/en/futures/ETHUSDT',
  tab: { id: 6 },
};

let now: number;
let worker: Background;
let ids: number;

function startWorker(): Background {
  return createBackground({
    local: fakeBrowser.storage.local,
    session: fakeBrowser.storage.session,
    now: () => now,
    extensionId: EXTENSION_ID,
    extensionOrigin: `${EXTENSION_ORIGIN}/`,
    manifestPatterns: ['*://*.binance.com/*'],
    pickerApis: {} as PickerApis,
    matchPatternFor: (origin) => `${origin}/*`,
    notifier: browserNotifier(),
    badge: { set: async () => undefined },
    newId: () => `id${(ids += 1)}`,
  });
}

const ask = (message: object, sender: SenderFields = planner) => worker.handleMessage(message, sender);

function tick(price: string, symbol = 'BTCUSDT') {
  now += 1_000;
  return {
    type: 'tick',
    venue: 'binance-futures',
    symbol,
    price,
    time: now,
    source: 'binance-futures',
  } as const;
}

beforeEach(() => {
  fakeBrowser.reset();
  now = START;
  ids = 0;
  worker = startWorker();
});

afterEach(async () => {
  await worker.ticks.flushHistory();
});

describe('the designer’s draft', () => {
  it('is kept as typed, even when it is not JSON, and survives a restarted worker', async () => {
    expect(await ask({ type: 'planner-draft-get' })).toEqual({ ok: true, text: null });
    expect(await ask({ type: 'planner-draft-set', text: '{ "name": "half' })).toEqual({ ok: true });
    worker = startWorker();
    expect(await ask({ type: 'planner-draft-get' })).toEqual({ ok: true, text: '{ "name": "half' });
  });

  it('is refused from a web page', async () => {
    expect(await ask({ type: 'planner-draft-set', text: 'x' }, binanceTab)).toMatchObject({ ok: false });
    expect(await ask({ type: 'planner-draft-get' })).toEqual({ ok: true, text: null });
  });
});

describe('the account defaults', () => {
  it('start unset, keep what the trader saves, and refuse what is no amount', async () => {
    expect(await ask({ type: 'account-defaults-get' })).toEqual({
      ok: true,
      equity: null,
      riskPercent: null,
    });
    expect(await ask({ type: 'account-defaults-set', equity: '25000', riskPercent: '0.5' })).toEqual({
      ok: true,
    });
    expect(await ask({ type: 'account-defaults-get' })).toEqual({
      ok: true,
      equity: '25000',
      riskPercent: '0.5',
    });
    expect(await ask({ type: 'account-defaults-set', equity: '0', riskPercent: '1' })).toMatchObject({
      ok: false,
    });
    expect(
      await ask({ type: 'account-defaults-set', equity: '-5', riskPercent: '1' }),
      'not even read: the message’s amounts are digits only',
    ).toMatchObject({ ok: false, error: 'refused: malformed' });
    expect(await ask({ type: 'account-defaults-get' })).toEqual({
      ok: true,
      equity: '25000',
      riskPercent: '0.5',
    });
  });

  it('a stored field that cannot be read goes back to unset alone', async () => {
    await fakeBrowser.storage.local.set({
      'account-defaults': { version: 1, equity: 'lots', riskPercent: '1' },
    });
    expect(await ask({ type: 'account-defaults-get' })).toEqual({ ok: true, equity: null, riskPercent: '1' });
  });
});

describe('plan templates', () => {
  const pyramid = PRESETS.find((preset) => preset.id === 'pyramid')?.plan ?? {};

  it('keep a valid plan under its name, listed oldest first, deletable', async () => {
    expect(await ask({ type: 'template-save', label: 'Mine', plan: pyramid })).toEqual({
      ok: true,
      id: 'id1',
    });
    now += 1;
    await ask({ type: 'template-save', label: 'Other', plan: { ...pyramid, name: 'Other' } });
    const listed = (await ask({ type: 'templates-list' })) as { templates: { id: string; label: string }[] };
    expect(listed.templates.map((template) => template.label)).toEqual(['Mine', 'Other']);
    expect(await ask({ type: 'template-delete', id: 'id1' })).toEqual({ ok: true });
    expect(((await ask({ type: 'templates-list' })) as typeof listed).templates.map((t) => t.id)).toEqual([
      'id2',
    ]);
  });

  it('a template of the same name replaces the older one', async () => {
    await ask({ type: 'template-save', label: 'Mine', plan: pyramid });
    await ask({ type: 'template-save', label: 'Mine', plan: { ...pyramid, name: 'v2' } });
    const listed = (await ask({ type: 'templates-list' })) as { templates: { plan: { name: string } }[] };
    expect(listed.templates.map((template) => template.plan.name)).toEqual(['v2']);
  });

  it('refuse an invalid plan with its problems, keeping nothing', async () => {
    const reply = await ask({
      type: 'template-save',
      label: 'Bad',
      plan: { ...pyramid, stop: { price: '105' } },
    });
    expect(reply).toEqual({
      ok: false,
      error: 'The plan is not valid: it was not kept as a template.',
      problems: [
        'stop.price: stop must be below entry for a long (stop 105, entry 100): move it to the other side of the entry',
      ],
    });
    expect(await ask({ type: 'templates-list' })).toEqual({ ok: true, templates: [] });
  });
});

describe('the recorded prices', () => {
  it('list each symbol’s span and give the last price of each second of a period', async () => {
    // 09:30:01 61000, 09:30:02 61010, 09:30:03 61020; an ETH price between them.
    await ask(tick('61000'), binanceTab);
    await ask(tick('3000', 'ETHUSDT'), ethTab);
    await ask(tick('61020'), binanceTab);
    await worker.ticks.flushHistory();
    const spans = (await ask({ type: 'tick-history-spans' })) as { spans: { symbol: string }[] };
    // One hour of seconds and one day of minutes each: the span runs from the day's start.
    expect(spans).toEqual({
      ok: true,
      spans: [
        { symbol: 'BTCUSDT', fromMillis: Date.UTC(2026, 10, 26), toMillis: Date.UTC(2026, 10, 27) },
        { symbol: 'ETHUSDT', fromMillis: Date.UTC(2026, 10, 26), toMillis: Date.UTC(2026, 10, 27) },
      ],
    });
    expect(
      await ask({
        type: 'tick-history-read',
        symbol: 'BTCUSDT',
        fromMillis: START,
        toMillis: START + 60_000,
      }),
    ).toEqual({
      ok: true,
      rows: {
        kind: 'ticks',
        ticks: [
          { time: START + 1_000, price: '61000' },
          { time: START + 3_000, price: '61020' },
        ],
      },
    });
  });

  it('a period before the seconds kept reads the minute candles', async () => {
    await ask(tick('61000'), binanceTab);
    await ask(tick('60990'), binanceTab);
    await worker.ticks.flushHistory();
    const reply = await ask({
      type: 'tick-history-read',
      symbol: 'BTCUSDT',
      fromMillis: START - 3_600_000,
      toMillis: START + 60_000,
    });
    // The 09:30 minute: open 61000, high 61000, low 60990, close 60990.
    expect(reply).toEqual({
      ok: true,
      rows: {
        kind: 'candles',
        candles: [{ time: START, open: '61000', high: '61000', low: '60990', close: '60990' }],
      },
    });
  });

  it('a period whose end comes first is refused', async () => {
    expect(
      await ask({ type: 'tick-history-read', symbol: 'BTCUSDT', fromMillis: START, toMillis: START }),
    ).toMatchObject({ ok: false });
  });
});

describe('the page a quick plan starts from', () => {
  it('the popup names its tab: the page that tab last sent a price from, with that price', async () => {
    await ask(tick('61000'), binanceTab);
    now += 4_000;
    expect(await ask({ type: 'page-quote', page: { tabId: 5, origin: 'https://www.binance.com' } })).toEqual({
      ok: true,
      page: { venue: 'binance-futures', symbol: 'BTCUSDT', price: '61000', ageSeconds: 4, isStale: false },
    });
  });

  it('a tab that now shows another site, or never sent a price, has no page', async () => {
    await ask(tick('61000'), binanceTab);
    expect(await ask({ type: 'page-quote', page: { tabId: 5, origin: 'https://www.example.com' } })).toEqual({
      ok: true,
      page: null,
    });
    expect(await ask({ type: 'page-quote', page: { tabId: 9, origin: 'https://www.binance.com' } })).toEqual({
      ok: true,
      page: null,
    });
  });

  it('the panel names its page; a price not refreshed for the stale period is stale', async () => {
    await ask(tick('61000'), binanceTab);
    now += 31_000;
    expect(await ask({ type: 'page-quote', page: { venue: 'binance-futures', symbol: 'BTCUSDT' } })).toEqual({
      ok: true,
      page: { venue: 'binance-futures', symbol: 'BTCUSDT', price: '61000', ageSeconds: 31, isStale: true },
    });
    expect(await ask({ type: 'page-quote', page: { venue: 'binance-futures', symbol: 'ETHUSDT' } })).toEqual({
      ok: true,
      page: { venue: 'binance-futures', symbol: 'ETHUSDT', price: null, ageSeconds: null, isStale: false },
    });
  });
});
