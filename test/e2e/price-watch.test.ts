import { beforeEach, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import type { Browser } from 'wxt/browser';

import { normalizeSymbol } from '../../lib/sites/symbol';
import {
  clickToolbarButton,
  grantHostPermission,
  openPopup,
  readFixture,
  readLocalStorage,
  recordQuoteChanges,
  screenshot,
  serveFixtures,
  startServer,
  tabIdOf,
  useExtension,
  waitFor,
  writeLocalStorage,
  type ExtensionSession,
  type QuoteChange,
} from './harness';
import { expectedHistory, isComplete, loadSequence, recordedHistory, type Sequence } from './sequences';

/** The extension API as code evaluated in the service worker or an extension page sees it. */
declare const chrome: typeof Browser;

const TRADINGVIEW_URL = 'https://www.tradingview.com/chart/aBcD1234/?symbol=BINANCE%3ABTCUSDT';
const BINANCE_URL = 'https://www.binance.com/en/futures/BTCUSDT';
const BYBIT_URL = 'https://www.bybit.com/trade/usdt/BTCUSDT';
/**
 * Short enough for the test to see a stale period and still run in seconds, long enough
 * that a busy two-core machine's pause between two scripted prices (well under a second
 * each) is not taken for one: binance-futures.html pauses 4 s where it wants a stale period.
 */
const STALE_AFTER_SECONDS = 3;

let session: ExtensionSession;
let quotes: { changes(): Promise<QuoteChange[]> };

const extension = useExtension(async (launched) => {
  await serveFixtures(launched.context, {
    'https://www.tradingview.com/chart/aBcD1234/**': 'tradingview-chart.html',
    'https://www.tradingview.com/chart/frameSOL/**': 'tradingview-frame.html',
    'https://www.binance.com/en/futures/**': 'binance-futures.html',
    'https://www.bybit.com/trade/usdt/**': 'bybit-perpetual.html',
  });
  // Before any page loads: content scripts get the settings when they start.
  await writeLocalStorage(launched, {
    'watch-settings': { version: 1, staleAfterSeconds: STALE_AFTER_SECONDS, jumpHoldPercent: 20 },
  });
  quotes = await recordQuoteChanges(launched);
});

beforeEach(async () => {
  session = await extension();
});

/** Wait for the page's first tick (the content script is watching), then play its sequence. */
async function playWhenWatched(frame: Frame | Page, venue: string, sequence: Sequence): Promise<void> {
  const [symbol, price] = sequence.initial;
  await waitFor(`the first ${venue} ${symbol} tick`, async () =>
    (await quotes.changes()).find(
      (c) => c.venue === venue && c.symbol === normalizeSymbol(symbol) && c.price === price,
    ),
  );
  await frame.evaluate(() => window.dispatchEvent(new Event('tranche-e2e-start')));
}

async function waitForHistory(
  venue: string,
  expected: Map<string, string[]>,
): Promise<Map<string, string[]>> {
  return waitFor(`the whole ${venue} sequence`, async () => {
    const recorded = recordedHistory(await quotes.changes(), venue);
    return isComplete(recorded, expected) ? recorded : undefined;
  });
}

describe('reading live prices', () => {
  it('records each page’s symbol and price sequence, its stale periods and symbol switches, never a held jump', async () => {
    const tradingView = loadSequence('tradingview-chart.html');
    const chartFrame = loadSequence('tradingview-frame.html');
    const binance = loadSequence('binance-futures.html');
    const bybit = loadSequence('bybit-perpetual.html');

    const [tvPage, binancePage, bybitPage] = await Promise.all(
      [TRADINGVIEW_URL, BINANCE_URL, BYBIT_URL].map(async (url) => {
        const page = await session.context.newPage();
        await page.goto(url);
        return page;
      }),
    );
    if (tvPage === undefined || binancePage === undefined || bybitPage === undefined)
      throw new Error('no pages');
    const iframe = await waitFor('the chart iframe', async () =>
      binancePage.frames().find((frame) => frame.url().includes('/chart/frameSOL/')),
    );

    // The three pages and the iframe play at once: one browser, one background, many tabs.
    await Promise.all([
      playWhenWatched(tvPage, 'tradingview', tradingView),
      playWhenWatched(iframe, 'tradingview', chartFrame),
      playWhenWatched(binancePage, 'binance-futures', binance),
      playWhenWatched(bybitPage, 'bybit', bybit),
    ]);

    const tvExpected = expectedHistory(tradingView);
    const frameExpected = expectedHistory(chartFrame);
    const binanceExpected = expectedHistory(binance);
    const bybitExpected = expectedHistory(bybit);
    const tvRecorded = await waitForHistory('tradingview', new Map([...tvExpected, ...frameExpected]));
    const binanceRecorded = await waitForHistory('binance-futures', binanceExpected);
    const bybitRecorded = await waitForHistory('bybit', bybitExpected);

    expect(
      Object.fromEntries(tvRecorded),
      'TradingView: the chart, then ETHUSDT after the switch, and the iframe’s SOLUSDT',
    ).toEqual(Object.fromEntries([...tvExpected, ...frameExpected]));
    expect(
      Object.fromEntries(binanceRecorded),
      'Binance: a stale period, then ETHUSDT once URL and title agree',
    ).toEqual(Object.fromEntries(binanceExpected));
    expect(Object.fromEntries(bybitRecorded)).toEqual(Object.fromEntries(bybitExpected));

    const changes = await quotes.changes();
    const held = tradingView.steps.flatMap((step) => (step.held === undefined ? [] : [step.held[1]]));
    expect(held).toEqual(['48561.25']);
    expect(
      changes.filter((change) => held.includes(change.price)),
      'the glitch was held, never recorded',
    ).toEqual([]);
    expect(
      changes.filter(
        (change) =>
          change.venue === 'binance-futures' && change.symbol === 'BTCUSDT' && change.price === '3456.78',
      ),
      'ETH’s price shown under the BTC URL is not a BTC price',
    ).toEqual([]);
    expect(new Set(changes.map((change) => change.source))).toEqual(
      new Set(['tradingview', 'binance-futures', 'bybit']),
    );

    // The history (written once a second) holds only prices the pages really showed.
    const stored = await waitFor('the tick history', async () => {
      const all = await readLocalStorage(session);
      return Object.keys(all).some((key) => key.startsWith('tick-history/v1/s/BTCUSDT/')) ? all : undefined;
    });
    const shown = new Set(
      [tradingView, binance, bybit].flatMap((sequence) => [
        sequence.initial[1],
        ...sequence.steps.flatMap((step) => (step.expect === undefined ? [] : [step.expect[1]])),
      ]),
    );
    const historyPrices = Object.entries(stored)
      .filter(([key]) => key.startsWith('tick-history/v1/s/BTCUSDT/'))
      .flatMap(([, bucket]) => (bucket as { points: [number, string][] }).points.map(([, price]) => price));
    expect(historyPrices.length).toBeGreaterThan(0);
    expect(historyPrices.filter((price) => !shown.has(price))).toEqual([]);
    const index = stored['tick-history/v1/index'] as { buckets: Record<string, { bytes: number }> };
    expect(Object.keys(index.buckets).length, 'every bucket is in the index, with its size').toBeGreaterThan(
      0,
    );

    await screenshot(tvPage, 'e2e-tradingview-chart');
    await Promise.all([tvPage.close(), binancePage.close(), bybitPage.close()]);
  });
});

describe('the element picker', () => {
  it('picks the price on a site no adapter knows, watches it after a reload, and forgets it on removal', async () => {
    const html = readFixture('acme-exchange.html');
    const runner = readFixture('runner.js');
    const server = await startServer((request, response) => {
      const isRunner = request.url === '/tranche-e2e-runner.js';
      response.setHeader('content-type', isRunner ? 'text/javascript' : 'text/html; charset=utf-8');
      response.end(isRunner ? runner : html);
    });
    try {
      const { origin } = server;
      const venue = new URL(origin).host;
      const sequence = loadSequence('acme-exchange.html');
      const page = await session.context.newPage();
      await page.goto(`${origin}/`);

      // Headless Chromium cannot show permissions.request's prompt: the site is allowed the
      // way a user does it on chrome://extensions, so the popup's own request resolves true.
      await grantHostPermission(session, `${origin}/*`);
      // The trader opens the popup from the page's tab: activeTab shows the extension its address.
      await clickToolbarButton(session, page);
      const popup = await openPopup(session, await tabIdOf(session, origin));
      await popup.getByRole('button', { name: 'Pick the price on this page' }).click();
      await popup.getByText(`Now click the price on ${origin}.`).waitFor();

      await page.locator('tranche-picker').waitFor({ state: 'attached' });
      await page.locator('[data-testid="last-price"]').hover();
      await page.locator('[data-testid="last-price"]').click();
      await page.locator('tranche-picker .tr-price').getByText('123.45').waitFor();
      await screenshot(page, 'e2e-picker-confirm');
      await page.locator('tranche-picker input[name="symbol"]').fill('ACMEUSD');
      await page.locator('tranche-picker button[data-choice="0"]').click();

      await playWhenWatched(page, venue, sequence);
      const expected = expectedHistory(sequence);
      const recorded = await waitForHistory(venue, expected);
      expect(Object.fromEntries(recorded)).toEqual(Object.fromEntries(expected));
      const pickerChanges = (await quotes.changes()).filter((change) => change.venue === venue);
      expect(new Set(pickerChanges.map((change) => change.source))).toEqual(new Set(['picker']));

      const { 'picked-sites': picked } = await readLocalStorage(session, ['picked-sites']);
      expect(picked).toEqual({
        version: 1,
        sites: {
          [origin]: {
            selector: 'span[data-testid="last-price"]',
            symbol: 'ACMEUSD',
            decimalMark: null,
            pickedAt: expect.any(Number),
          },
        },
      });
      const registered = await session.serviceWorker.evaluate(() =>
        chrome.scripting.getRegisteredContentScripts(),
      );
      expect(registered).toEqual([
        expect.objectContaining({
          id: `picked:${origin}`,
          matches: [`${origin}/*`],
          persistAcrossSessions: true,
        }),
      ]);

      // After a navigation the registered content script finds the element again.
      const before = pickerChanges.length;
      await page.reload();
      const afterReload = await waitFor('a picked tick after the reload', async () => {
        const changes = (await quotes.changes()).filter((change) => change.venue === venue);
        return changes.length > before ? changes.at(-1) : undefined;
      });
      expect(afterReload).toMatchObject({
        symbol: 'ACMEUSD',
        price: '123.45',
        source: 'picker',
        isStale: false,
      });

      await popup.reload();
      const row = popup.getByRole('listitem').filter({ hasText: origin });
      await row.waitFor();
      await screenshot(popup, 'e2e-popup-picked-sites');
      await popup.getByRole('button', { name: `Remove ${origin}` }).click();
      await popup.getByText('None yet.').waitFor();
      expect(await readLocalStorage(session, ['picked-sites'])).toEqual({
        'picked-sites': { version: 1, sites: {} },
      });
      expect(
        await session.serviceWorker.evaluate(() => chrome.scripting.getRegisteredContentScripts()),
      ).toEqual([]);
      expect(
        await session.serviceWorker.evaluate(
          (pattern) => chrome.permissions.contains({ origins: [pattern] }),
          `${origin}/*`,
        ),
        'the host permission is given back',
      ).toBe(false);
      await Promise.all([page.close(), popup.close()]);
    } finally {
      await server.close();
    }
  });
});

describe('who may send ticks', () => {
  it('refuses and counts forged messages, and acts on none of them', async () => {
    const forged = {
      type: 'tick',
      venue: 'binance-futures',
      symbol: 'FORGEDUSDT',
      price: '1',
      time: Date.now(),
      source: 'binance-futures',
    };
    const page = await session.context.newPage();
    await page.goto(BINANCE_URL);
    const tabId = await tabIdOf(session, 'https://www.binance.com');
    const { security: before } = await readLocalStorage(session, ['security']);
    const refusedBefore = (before as { refused: number } | undefined)?.refused ?? 0;

    // A page script: the extension is not externally connectable, so it has no channel at all.
    const fromPage = await page.evaluate(
      ([extensionId, message]) => {
        const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
        window.postMessage(message, '*');
        return typeof runtime?.sendMessage === 'function' ? `could message ${extensionId}` : 'no channel';
      },
      [session.extensionId, forged] as const,
    );
    expect(fromPage).toBe('no channel');

    // An extension page (the popup) is not a content script on a supported origin.
    const popup = await openPopup(session);
    const fromPopup = await popup.evaluate((message) => chrome.runtime.sendMessage(message), forged);
    expect(fromPopup).toEqual({ ok: false, error: 'refused: no-web-origin' });

    // Code in the content scripts' world of a supported page: malformed, or above its station.
    const fromContentWorld = await session.serviceWorker.evaluate(
      async ([tab, message]) => {
        const [result] = await chrome.scripting.executeScript({
          target: { tabId: tab },
          args: [message],
          func: async (tick: Record<string, unknown>) =>
            Promise.all([
              chrome.runtime.sendMessage({ ...tick, price: '97,123.45' }),
              chrome.runtime.sendMessage({ ...tick, symbol: undefined }),
              chrome.runtime.sendMessage({ ...tick, plan: 'close all' }),
              chrome.runtime.sendMessage({ type: 'picked-site-remove', origin: 'https://www.binance.com' }),
              chrome.runtime.sendMessage({
                type: 'picker-result',
                selector: '#x',
                price: '1',
                symbol: null,
                decimalMark: null,
              }),
              chrome.runtime.sendMessage({ type: 'fill', tranche: 'entry' }),
            ]),
        });
        return result?.result;
      },
      [tabId, forged] as const,
    );
    expect(fromContentWorld).toEqual([
      { ok: false, error: 'refused: malformed' },
      { ok: false, error: 'refused: malformed' },
      { ok: false, error: 'refused: malformed' },
      { ok: false, error: 'refused: not-extension-page' },
      { ok: false, error: 'refused: not-pending-picker' },
      { ok: false, error: 'refused: unknown-type' },
    ]);

    await page.waitForTimeout(200);
    const { quotes: stored, security } = await readLocalStorage(session, ['quotes', 'security']);
    expect(
      Object.keys((stored as { quotes: Record<string, unknown> }).quotes).filter((key) =>
        key.includes('FORGED'),
      ),
    ).toEqual([]);
    expect((security as { refused: number }).refused - refusedBefore, 'seven refusals counted').toBe(7);
    await Promise.all([page.close(), popup.close()]);
  });
});
