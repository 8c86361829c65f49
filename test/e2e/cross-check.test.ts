import { join } from 'node:path';

import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';

import {
  readLocalStorage,
  RESULTS_DIR,
  serveFixtures,
  useExtension,
  waitFor,
  type ExtensionSession,
} from './harness';
import { SURFACES_PLAN } from './surfaces-plan';

/** The extension API as code evaluated in the service worker or an extension page sees it. */
declare const chrome: typeof Browser;

/*
 * Where the page's DOM matters for the cross-check: a Binance futures page in front shows
 * its last price in the title and in the order book's ticker. The title jumps past the
 * plan's entry while the ticker does not: no tick reaches the background, no alert is
 * raised, and the popup and the on-page panel name both numbers. Once the two agree again
 * the ticks resume, and a price both show past the entry triggers it. Screenshots:
 * test-results/popup-diverged.png and overlay-diverged.png.
 */

const BINANCE_URL = 'https://www.binance.com/en/futures/BTCUSDT';
const WARNING = '⚠ title 60,293.4 vs order book 59,820.0 — ticks held';

const extension = useExtension((session) =>
  serveFixtures(session.context, { 'https://www.binance.com/en/futures/**': 'binance-cross-check.html' }),
);

/** The popup in a window of its own beside the exchange tab, so both keep refreshing. */
async function popupWindow(session: ExtensionSession): Promise<Page> {
  const url = `chrome-extension://${session.extensionId}/popup.html`;
  const [popup] = await Promise.all([
    session.context.waitForEvent('page', (candidate) => candidate.url().startsWith(url)),
    session.serviceWorker.evaluate(
      (address) => chrome.windows.create({ url: address, type: 'popup', width: 400, height: 900 }),
      url,
    ),
  ]);
  await popup.emulateMedia({ colorScheme: 'dark' });
  await popup.setViewportSize({ width: 380, height: 900 });
  return popup;
}

function overlayFrame(session: ExtensionSession, page: Page): Promise<Frame> {
  const prefix = `chrome-extension://${session.extensionId}/overlay.html?`;
  return waitFor('the panel’s frame', async () =>
    page.frames().find((frame) => frame.url().startsWith(prefix)),
  );
}

async function storedPrice(session: ExtensionSession): Promise<string | undefined> {
  const { quotes } = await readLocalStorage(session, ['quotes']);
  return (quotes as { quotes: Record<string, { price: string }> } | undefined)?.quotes[
    'binance-futures|BTCUSDT'
  ]?.price;
}

function notificationIds(session: ExtensionSession): Promise<string[]> {
  return session.serviceWorker.evaluate(async () => Object.keys(await chrome.notifications.getAll()));
}

/** The page's next scripted step (test/fixtures/e2e/runner.js). */
async function playNext(page: Page): Promise<void> {
  await page.evaluate(() => window.dispatchEvent(new Event('tranche-e2e-next')));
}

describe('cross-check of the title against the order book', () => {
  it('holds every tick while the title and the order book disagree, says which two numbers, and resumes once they agree', async () => {
    const session = await extension();
    const popup = await popupWindow(session);
    const imported = (await popup.evaluate(
      (plan) => chrome.runtime.sendMessage({ type: 'plan-import', plan }),
      SURFACES_PLAN,
    )) as { id: string };
    await popup.evaluate(
      (id) => chrome.runtime.sendMessage({ type: 'plan-action', id, action: 'arm' }),
      imported.id,
    );

    const page = await session.context.newPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(BINANCE_URL);
    const frame = await overlayFrame(session, page);
    await waitFor('the first price, both places agreeing', async () =>
      (await storedPrice(session)) === '59800' ? true : undefined,
    );

    // The title shows 60,293.4, past the entry at 60,000.0; the order book 59,820.0.
    await playNext(page);
    await popup.getByText(WARNING).waitFor();
    await frame.getByText(WARNING).waitFor();
    expect(await storedPrice(session), 'no tick: the last price both agreed on stays').toBe('59800');
    expect(await notificationIds(session), 'a divergence never triggers the entry').toEqual([]);
    expect(await popup.locator('[data-status="armed"]').count()).toBe(1);
    expect(await popup.locator('.tr-price').innerText()).toBe('59,800.0');
    await popup.locator('main').screenshot({ path: join(RESULTS_DIR, 'popup-diverged.png') });
    const host = await page.evaluate(() => {
      const rect = document.querySelector('tranche-overlay')?.getBoundingClientRect();
      return rect === undefined
        ? null
        : { x: rect.left, y: rect.top, width: rect.width, height: rect.height };
    });
    expect(host, 'the panel is on the page').not.toBeNull();
    if (host !== null) {
      await page.screenshot({
        path: join(RESULTS_DIR, 'overlay-diverged.png'),
        clip: { x: host.x - 24, y: host.y - 24, width: host.width + 48, height: host.height + 48 },
      });
    }

    // Both show 59,900.0: the tick is taken (within 0.25 % of the entry: its approach
    // alert) and the warning goes.
    await playNext(page);
    await waitFor('the agreed price', async () =>
      (await storedPrice(session)) === '59900' ? true : undefined,
    );
    await waitFor('the approach alert', async () =>
      (await notificationIds(session)).length === 1 ? true : undefined,
    );
    await waitFor('the warning to go from the popup and the panel', async () =>
      (await popup.getByText(WARNING).count()) + (await frame.getByText(WARNING).count()) === 0
        ? true
        : undefined,
    );

    // Both show 60,010.0: past the entry, and now it triggers.
    await playNext(page);
    await frame.getByText('entry triggered: buy 0.100 at 60,000.0').waitFor();
    await page.close();
    await popup.close();
  });
});
