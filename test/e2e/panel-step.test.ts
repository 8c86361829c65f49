import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { panelFrame, panelPrice } from '../../scripts/demo/panel-step';
import { sendFromPage, serveFixtures, useExtension, waitFor, type ExtensionSession } from './harness';
import { SURFACES_PLAN } from './surfaces-plan';

/*
 * The on-page panel in step with the page: the exchange page's price changes, the content
 * script sends it, the background pushes the panel its fresh view, and the panel prints
 * what the page prints; after each of a run of changes (the entry crossed on the way),
 * and after the service worker was stopped, as Chrome stops it when idle (the panel's
 * port drops; the panel connects again and is sent a fresh view). Nothing here asks the
 * background for a view: the panel shows what was pushed to it.
 */

const BINANCE_URL = 'https://www.binance.com/en/futures/BTCUSDT';
/** Where binance-surfaces.html prints its last price, as Binance does. */
const PAGE_PRICE = '.showPrice';

const extension = useExtension((session) =>
  serveFixtures(session.context, { 'https://www.binance.com/en/futures/**': 'binance-surfaces.html' }),
);

/** The page prints a new last price, in the title and the price box, as the exchange does. */
async function printOnPage(page: Page, price: string): Promise<void> {
  await page.evaluate(
    ([selector, text]) => {
      document.title = `${text} | BTCUSDT | Binance USDⓈ-M Futures`;
      const box = document.querySelector(selector);
      if (box !== null) box.textContent = text;
    },
    [PAGE_PRICE, price] as const,
  );
}

/** What the page and the panel print once the panel has caught up with the page (or 10 s passed). */
async function bothPrices(page: Page, frame: Frame): Promise<[string | null, string | null]> {
  const onPage = await page.locator(PAGE_PRICE).textContent();
  const inPanel = await waitFor('the panel to print the page’s price', async () => {
    const printed = await panelPrice(frame);
    return printed === onPage ? printed : undefined;
  }).catch(() => panelPrice(frame));
  return [onPage, inPanel];
}

async function openPanel(session: ExtensionSession): Promise<{ page: Page; frame: Frame }> {
  const planner = await session.context.newPage();
  await planner.goto(`chrome-extension://${session.extensionId}/options.html`);
  const { id } = (await sendFromPage(planner, { type: 'plan-import', plan: SURFACES_PLAN })) as {
    id: string;
  };
  expect(await sendFromPage(planner, { type: 'plan-action', id, action: 'arm' })).toEqual({ ok: true });
  await planner.close();
  const page = await session.context.newPage();
  await page.goto(BINANCE_URL);
  const frame = await waitFor('the panel’s frame', async () => panelFrame(page, session.extensionId));
  return { page, frame };
}

describe('the on-page panel in step with the page', () => {
  it('prints the page’s price after each of a run of changes, across the entry', async () => {
    const session = await extension();
    const { page, frame } = await openPanel(session);
    // Up to the entry at 60,000.0, across it (the entry waits for its confirmation), back, and on.
    const run = [
      '59,950.0',
      '59,990.5',
      '60,010.0',
      '59,999.9',
      '60,200.0',
      '60,200.1',
      '60,480.0',
      '60,120.5',
    ];
    const seen: [string | null, string | null][] = [await bothPrices(page, frame)];
    for (const price of run) {
      await printOnPage(page, price);
      seen.push(await bothPrices(page, frame));
    }
    expect(seen, 'page and panel, change after change').toEqual(
      ['59,800.0', ...run].map((price) => [price, price]),
    );
    await page.close();
  });

  it('catches up after the service worker stopped: the panel connects again and is sent the new price', async () => {
    const session = await extension();
    const { page, frame } = await openPanel(session);
    expect(await bothPrices(page, frame)).toEqual(['59,800.0', '59,800.0']);
    const devtools = await session.context.newCDPSession(page);
    await devtools.send('ServiceWorker.enable');
    // As Chrome stops an idle worker: every port to it disconnects.
    await devtools.send('ServiceWorker.stopAllWorkers');
    for (const price of ['59,850.0', '59,870.5']) {
      await printOnPage(page, price);
      expect(await bothPrices(page, frame)).toEqual([price, price]);
    }
    await page.close();
  });
});
