import { join } from 'node:path';

import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';

import {
  openPopup,
  readLocalStorage,
  RESULTS_DIR,
  serveFixtures,
  tabIdOf,
  useExtension,
  waitFor,
  writeLocalStorage,
  type ExtensionSession,
} from './harness';

/** The extension API as code evaluated in the service worker sees it. */
declare const chrome: typeof Browser;

const BINANCE_URL = 'https://www.binance.com/en/futures/BTCUSDT';

const extension = useExtension(async (session) => {
  await serveFixtures(session.context, { 'https://www.binance.com/en/futures/**': 'binance-surfaces.html' });
  // The panel shows on the page before any plan exists (the planner's switch), with its button.
  await writeLocalStorage(session, {
    'overlay-settings': { version: 1, isShownWithoutPlan: true, sites: {} },
  });
});

/** The background's latest price for the page. */
async function storedPrice(session: ExtensionSession): Promise<string | undefined> {
  const { quotes } = await readLocalStorage(session, ['quotes']);
  return (quotes as { quotes: Record<string, { price: string }> } | undefined)?.quotes[
    'binance-futures|BTCUSDT'
  ]?.price;
}

/** Play the fixture's next price and wait until the background has it. */
async function nextPrice(session: ExtensionSession, page: Page, price: string): Promise<void> {
  await page.evaluate(() => window.dispatchEvent(new Event('tranche-e2e-next')));
  await waitFor(`the background to record ${price}`, async () =>
    (await storedPrice(session)) === price ? true : undefined,
  );
}

/** Every notification the worker shows from now on, with its words (wraps notifications.create). */
async function recordNotifications(
  session: ExtensionSession,
): Promise<() => Promise<{ title: string; message: string }[]>> {
  await session.serviceWorker.evaluate(() => {
    const scope = globalThis as unknown as { trancheShown?: { title: string; message: string }[] };
    const shown: { title: string; message: string }[] = [];
    scope.trancheShown = shown;
    const notifications = chrome.notifications as unknown as {
      create: (id: string, options: { title: string; message: string }) => Promise<string>;
    };
    const create = notifications.create.bind(notifications);
    notifications.create = (id, options) => {
      shown.push({ title: options.title, message: options.message });
      return create(id, options);
    };
  });
  return () =>
    session.serviceWorker.evaluate(
      () => (globalThis as unknown as { trancheShown: { title: string; message: string }[] }).trancheShown,
    );
}

/** The panel's frame on the exchange page. */
function panelFrame(session: ExtensionSession, page: Page): Promise<Frame> {
  const prefix = `chrome-extension://${session.extensionId}/overlay.html?`;
  return waitFor('the panel’s frame', async () =>
    page.frames().find((frame) => frame.url().startsWith(prefix)),
  );
}

/** The text of one row of the quick plan's risk table. */
function riskRow(scope: Page | Frame, tranche: string): Promise<string> {
  return scope.locator(`table[aria-label="Risk per tranche"] tr[data-tranche="${tranche}"]`).innerText();
}

describe('plan a trade here', () => {
  it('on the exchange page: side, stop and risk give the ladder, armed in one click; the entry’s tick notifies', async () => {
    const session = await extension();
    const page = await session.context.newPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(BINANCE_URL);
    await waitFor('the page’s price', async () =>
      (await storedPrice(session)) === '59800' ? true : undefined,
    );

    // The panel on the page: the same form, filled in.
    const frame = await panelFrame(session, page);
    await frame.getByRole('button', { name: 'Plan a trade here' }).click();
    await frame.getByText('Plan a trade · BTCUSDT').waitFor();
    expect(await frame.locator('.tr-quick-price').innerText()).toBe('59,800.0');
    await frame.getByText('Long', { exact: true }).click();
    await frame.getByLabel('Entry', { exact: true }).fill('60000');
    await frame.getByLabel('Fills when the price').selectOption({ label: 'breaks above' });
    await frame.getByLabel('Stop', { exact: true }).fill('59000');
    await frame.getByLabel('Equity', { exact: true }).fill('10000');
    await frame.getByLabel('Risk %', { exact: true }).fill('1');
    await frame.getByLabel('Ladder').selectOption({ label: 'Single entry, out at 2R' });

    // The ladder before arming: R = 1,000; 10,000 × 1 % = 100 at risk → 100 / 1,000 = 0.100 BTC;
    // the target at 2R = 62,000.0 sells it all.
    await frame.locator('table[aria-label="Risk per tranche"]').waitFor();
    expect(await riskRow(frame, 'entry')).toMatch(/Entry\s+60,000\.0\s+\+0\.100\s+59,000\.0\s+100\s+1R/);
    expect(await riskRow(frame, 'target-1')).toMatch(/Target 1\s+62,000\.0\s+−0\.100\s+—\s+0\s+0R/);
    await page.waitForTimeout(200);
    await page.screenshot({ path: join(RESULTS_DIR, 'quick-plan.png') });

    // Armed: the panel shows the plan waiting for its entry, the defaults are kept.
    await frame.getByRole('button', { name: 'Arm this plan' }).click();
    await frame.locator('.tr-status[data-status="armed"]').waitFor();
    const { 'account-defaults': account } = await readLocalStorage(session, ['account-defaults']);
    expect(account).toEqual({ version: 1, equity: '10000', riskPercent: '1' });

    // A tick crosses the entry: the notification asks to buy 0.100.
    const shown = await recordNotifications(session);
    await nextPrice(session, page, '59950');
    await nextPrice(session, page, '60010');
    const trigger = await waitFor('the entry’s notification', async () =>
      (await shown()).find((notification) => /entry at 60,000\.0$/.test(notification.title)),
    );
    expect(trigger).toEqual({
      title: 'BTCUSDT long · entry at 60,000.0',
      message: 'Buy 0.100 · stop after: 59,000.0',
    });
    await frame.getByText('entry triggered: buy 0.100 at 60,000.0').waitFor();

    // The popup knows the tab's page too: its button names the symbol, the form starts from its price.
    const popup = await openPopup(session, await tabIdOf(session, 'https://www.binance.com'));
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.setViewportSize({ width: 380, height: 900 });
    await popup.getByRole('button', { name: 'Plan a trade here · BTCUSDT' }).click();
    expect(await popup.getByLabel('Entry', { exact: true }).inputValue(), 'the last price').toBe('60010');
    // Binance futures' BTCUSDT steps come from the instrument table.
    expect(await popup.locator('.tr-quick-steps summary').innerText()).toMatch(
      /Tick 0\.1 · lot 0\.001 · min 0\.001 · min value 100\s+from the instrument table/,
    );
    await popup.locator('main').screenshot({ path: join(RESULTS_DIR, 'quick-plan-popup.png') });
    await popup.getByRole('button', { name: 'Close the quick plan' }).click();
    await popup.getByRole('button', { name: 'Plan a trade here · BTCUSDT' }).waitFor();
    await popup.close();

    await page.close();
  });
});
