import { describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';

import { BREAKOUT_PLAN } from '../e2e/breakout-plan';
import { describeEntry, type JournalEntry } from '../e2e/journal-lines';
import { loadSequence } from '../e2e/sequences';
import { waitFor } from '../e2e/wait-for';
import { useFirefox } from './firefox-harness';
import type { FirefoxPage } from './firefox-page';

/**
 * The extension API as code evaluated in one of the extension's pages sees it: Firefox's,
 * whose MV2 toolbar button (browserAction) answers with a promise.
 */
declare const browser: typeof Browser & {
  readonly browserAction: { getBadgeText(details: { tabId: number }): Promise<string> };
};

/*
 * The built Firefox extension (MV2, a background page) in Firefox ESR, driven through
 * WebDriver BiDi: the trader's journey of the Chromium tests, on the exchange's real URL
 * answered from a committed fixture. Firefox shows notifications without buttons: a click
 * on one opens the popup on the plan, and the fill is confirmed there.
 */

const BINANCE_URL = 'https://www.binance.com/en/futures/BTCUSDT';
const FIXTURE = 'binance-futures-worker.html';

/** What the popup and the panel say once the price crossed the entry (BREAKOUT_PLAN's entry quantity). */
const TRIGGERED = 'entry triggered: buy 0.166 at 60,000.0';

/** The fixture’s next two prices and the notification each raises (alert number in the plan’s first epoch, "0"; title, message). */
const ENTRY_ALERTS = [
  // 120 from the entry: 120 / 60,000 = 0.20 %, within the 0.25 % approach zone.
  [
    '59,880.0',
    {
      seq: 0,
      title: 'BTCUSDT long · entry approaching at 60,000.0',
      message: 'entry at 60,000.0 is 0.20% away',
    },
  ],
  // Above the entry: buy the entry quantity, with the initial stop.
  [
    '60,020.0',
    { seq: 1, title: 'BTCUSDT long · entry at 60,000.0', message: 'Buy 0.166 · stop after: 59,400.0' },
  ],
] as const;
const [, ENTRY_TRIGGERED] = ENTRY_ALERTS[1];

const firefox = useFirefox({ [BINANCE_URL]: FIXTURE });

/** A message from an extension page, as the popup and the planner send it. */
function send(page: FirefoxPage, message: object): Promise<unknown> {
  return page.evaluate((request) => browser.runtime.sendMessage(request), message);
}

interface StoredPlan {
  readonly status: string;
  readonly engine: { readonly lastPrice: string | null };
}

async function storedPlan(page: FirefoxPage, id: string): Promise<StoredPlan | undefined> {
  const key = `plan/${id}`;
  const stored = await page.evaluate((wanted) => browser.storage.local.get(wanted), [key]);
  return stored[key] as StoredPlan | undefined;
}

/** The plan's journal, one line per entry. */
async function journalOf(page: FirefoxPage, id: string): Promise<string[]> {
  const key = `journal/${id}`;
  const stored = await page.evaluate((wanted) => browser.storage.local.get(wanted), [key]);
  return ((stored[key] ?? []) as JournalEntry[]).map(describeEntry);
}

/** The notifications Firefox shows, by id, as the extension created them. */
function shownNotifications(page: FirefoxPage): Promise<Record<string, Record<string, unknown>>> {
  return page.evaluate(
    async () => (await browser.notifications.getAll()) as unknown as Record<string, Record<string, unknown>>,
  );
}

/** The badge of the toolbar button on the tab showing `url` (Firefox's MV2 browserAction). */
function badgeOf(page: FirefoxPage, url: string): Promise<string> {
  return page.evaluate(async (wanted) => {
    const tab = (await browser.tabs.query({})).find((candidate) => candidate.url === wanted);
    if (tab?.id === undefined) throw new Error(`no tab shows ${wanted}`);
    return browser.browserAction.getBadgeText({ tabId: tab.id });
  }, url);
}

/** The exchange page shows its next scripted price (test/fixtures/e2e/runner.js). */
async function nextPrice(page: FirefoxPage): Promise<void> {
  await page.evaluate(() => window.dispatchEvent(new Event('tranche-e2e-next')));
}

/** The text of the first element matching `selector`, or undefined while there is none. */
function textOf(page: FirefoxPage, selector: string): Promise<string | undefined> {
  return page.evaluate((wanted) => document.querySelector<HTMLElement>(wanted)?.innerText, selector);
}

describe('the Firefox build in Firefox ESR', () => {
  it('runs a plan on the exchange page: a tick steps it, alerts are notifications, the one clicked opens the popup that confirms the fill', async () => {
    const session = await firefox();
    const steps = loadSequence(FIXTURE).steps.slice(0, ENTRY_ALERTS.length);
    expect(
      steps.map((step) => step.text?.value),
      'the fixture’s next two prices',
    ).toEqual(ENTRY_ALERTS.map(([price]) => price));

    // A new user opens the popup: nothing is armed yet.
    const popup = await session.openPage(session.extensionUrl('/popup.html'));
    await popup.setViewport(380, 760);
    await waitFor('the popup’s empty state', async () =>
      (await textOf(popup, 'main'))?.includes('No armed plans') === true ? true : undefined,
    );

    // The plan goes in as the planner sends it, and is armed.
    const imported = (await send(popup, {
      type: 'plan-import',
      plan: { ...BREAKOUT_PLAN, name: 'BTC breakout (Firefox)' },
    })) as { ok: boolean; id: string };
    expect(imported.ok).toBe(true);
    const id = imported.id;
    expect(await send(popup, { type: 'plan-action', id, action: 'arm' })).toEqual({ ok: true });

    // The exchange's page, answered from the fixture: its price reaches the plan.
    const exchange = await session.openPage(BINANCE_URL);
    await waitFor('the page’s first price in the plan', async () =>
      (await storedPlan(popup, id))?.engine.lastPrice === '59700' ? true : undefined,
    );

    // The page's next two prices, each raising its notification (no buttons: Firefox has none).
    for (const [price, notification] of ENTRY_ALERTS) {
      await nextPrice(exchange);
      const created = await waitFor(
        `the notification of ${price}`,
        async () => (await shownNotifications(popup))[`${id}/0.${notification.seq}/entry`],
      );
      expect(created).toMatchObject({ title: notification.title, message: notification.message });
      expect(created['buttons'], 'Firefox notifications have no buttons').toBeUndefined();
    }

    // The toolbar button of the exchange's tab says a tranche waits for the trader.
    await waitFor('the badge to ask for action', async () =>
      (await badgeOf(popup, BINANCE_URL)) === 'ACT' ? true : undefined,
    );

    // The panel on the exchange page (the extension's overlay.html in a frame) and the
    // popup both ask for the confirmation, prefilled.
    const panel = await waitFor('the panel’s frame on the exchange page', () =>
      exchange.frame(session.extensionUrl('/overlay.html?')),
    );
    for (const [surface, scope] of [
      ['panel', panel],
      ['popup', popup],
    ] as const) {
      await waitFor(`the ${surface}’s confirmation`, async () =>
        (await textOf(scope, 'form.tr-waiting'))?.includes(TRIGGERED) === true ? true : undefined,
      );
    }
    await waitFor('the panel’s frame to fit the panel', async () =>
      (await panel.evaluate(
        () => innerHeight - (document.querySelector<HTMLElement>('.tr-overlay')?.offsetHeight ?? 0),
      )) <= 1
        ? true
        : undefined,
    );
    await exchange.screenshot('firefox-exchange-panel');
    await popup.screenshot('firefox-popup-triggered', 'main');

    // With no buttons on the notification, the trader clicks it: the popup opens on the
    // plan, in a tab, and the trader clicks Confirm fill there.
    const shown = await waitFor('Firefox to show the entry notification', async () =>
      (await session.alerts()).find((alert) => alert.title === ENTRY_TRIGGERED.title),
    );
    expect(shown.text).toBe(ENTRY_TRIGGERED.message);
    await shown.click();
    const opened = await waitFor('the popup opened on the plan', () =>
      session.findPage(session.extensionUrl(`/popup.html?plan=${id}`)),
    );
    const confirmButton = `[data-plan="${id}"] form.tr-waiting button[type="submit"]`;
    await waitFor('the opened popup’s confirmation', async () =>
      (await textOf(opened, `[data-plan="${id}"] form.tr-waiting`))?.includes(TRIGGERED) === true
        ? true
        : undefined,
    );
    await opened.click(confirmButton);

    // The fill is applied once: the plan is active and its journal holds every step.
    await waitFor('the plan to be active', async () =>
      (await storedPlan(popup, id))?.status === 'active' ? true : undefined,
    );
    expect(await journalOf(popup, id)).toEqual([
      'import',
      'arm',
      'tick 59880 · alert approach entry',
      'tick 60020 · alert trigger entry',
      'fill 60000 · phase active · fill entry',
    ]);

    // The popup renders the active plan: the entry filled, the position, the next add.
    await waitFor('the popup to show the entry filled', async () =>
      /filled/.test((await textOf(popup, 'tr[data-tranche="entry"]')) ?? '') ? true : undefined,
    );
    expect(await textOf(popup, '[data-status]')).toMatch(/active/i);
    expect(await textOf(popup, 'dl.tr-grid')).toMatch(/Position\s+0\.166 @ 60,000\.0/);
    expect(await textOf(popup, '.tr-level[data-tranche="add-1"]')).toMatch(/add 1 of 1\s+60,300\.0/);
    await popup.screenshot('firefox-popup-active', 'main');
    // The exchange's tab, brought to the front (the popup the click opened may cover it), follows.
    await exchange.bringToFront();
    await waitFor('the panel to drop its confirmation', async () =>
      (await textOf(panel, 'form.tr-waiting')) === undefined ? true : undefined,
    );

    expect(session.extensionErrors(), 'the extension logged no failure').toEqual([]);
    expect(
      session.refusedRequests().filter((url) => !url.endsWith('/favicon.ico')),
      'the pages asked for nothing but the fixture',
    ).toEqual([]);
  });
});
