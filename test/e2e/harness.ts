import { mkdirSync } from 'node:fs';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'wxt/browser';

import { FIXTURE_DIR, RESULTS_DIR } from './fixture-files';
import { waitFor } from './wait-for';

/** The extension API as code evaluated in the service worker or an extension page sees it. */
declare const chrome: typeof Browser;

/*
 * Launches the built extension in Debian's Chromium, headless and off the network, for
 * end-to-end tests (NOTES-env "End-to-end in Chromium"). Later tests reuse it:
 *
 *   const extension = useExtension((session) =>
 *     serveFixtures(session.context, { 'https://www.binance.com/en/futures/**': 'binance-futures.html' }),
 *   );
 *   it('…', async () => {
 *     const session = await extension();
 *     const page = await session.context.newPage();
 *     …
 *   });
 */

export { EXTENSION_DIR } from '../../scripts/launch-chromium';
export { FIXTURE_DIR, readFixture, RESULTS_DIR } from './fixture-files';
export { waitFor } from './wait-for';

export {
  chromiumPath,
  launchExtension,
  type ExtensionSession,
  type LaunchOptions,
} from '../../scripts/launch-chromium';
import { launchExtension, type ExtensionSession, type LaunchOptions } from '../../scripts/launch-chromium';

/**
 * One extension session for a test file: launched in `beforeAll` (then `prepare` runs,
 * e.g. to route fixtures and write settings), closed in `afterAll`. Each test awaits the
 * returned function, so a missing Chromium or build fails every test with its one-line
 * instruction instead of marking them skipped (as a throwing `beforeAll` would).
 *
 *   const extension = useExtension(async (session) => { await serveFixtures(session.context, {...}); });
 *   it('…', async () => { const session = await extension(); … });
 */
export function useExtension(
  prepare: (session: ExtensionSession) => Promise<void> = async () => undefined,
  options: LaunchOptions = {},
): () => Promise<ExtensionSession> {
  let launching: Promise<ExtensionSession> | undefined;
  beforeAll(async () => {
    launching = launchExtension(options).then(async (session) => {
      try {
        await prepare(session);
        return session;
      } catch (error) {
        await session.close();
        throw error;
      }
    });
    // Reported by each test that awaits it.
    launching.catch(() => undefined);
  });
  afterAll(async () => {
    const session = await launching?.catch(() => undefined);
    await session?.close();
  });
  return () => launching ?? Promise.reject(new Error('useExtension: beforeAll has not run'));
}

/**
 * Serve committed fixtures at real URLs: `{ 'https://www.binance.com/en/futures/**':
 * 'binance-futures.html' }`. Any page may load `/tranche-e2e-runner.js` (the scripted
 * price sequence player, test/fixtures/e2e/runner.js) from its own origin.
 */
export async function serveFixtures(
  context: BrowserContext,
  pages: Readonly<Record<string, string>>,
): Promise<void> {
  for (const [url, file] of Object.entries(pages)) {
    await context.route(url, (route) =>
      route.fulfill({ path: join(FIXTURE_DIR, file), contentType: 'text/html; charset=utf-8' }),
    );
  }
  // Registered last, so it runs first (Playwright tries routes newest first).
  await context.route('**/tranche-e2e-runner.js', (route) =>
    route.fulfill({ path: join(FIXTURE_DIR, 'runner.js'), contentType: 'text/javascript' }),
  );
}

/** storage.local as the background sees it. */
export function readLocalStorage(
  session: ExtensionSession,
  keys: string[] | null = null,
): Promise<Record<string, unknown>> {
  return session.serviceWorker.evaluate((wanted) => chrome.storage.local.get(wanted), keys);
}

/** Write storage.local before a page loads (settings the content script will be given). */
export async function writeLocalStorage(
  session: ExtensionSession,
  items: Record<string, unknown>,
): Promise<void> {
  await session.serviceWorker.evaluate((values) => chrome.storage.local.set(values), items);
}

/** One quote as it changed in storage.local `quotes` (lib/store/quotes). */
export interface QuoteChange {
  readonly venue: string;
  readonly symbol: string;
  readonly price: string;
  readonly source: string;
  readonly time: number;
  readonly isStale: boolean;
}

/**
 * Start recording every change of a quote in storage.local `quotes`, from inside the
 * service worker (storage.onChanged sees every write, so no tick is missed between
 * polls). `changes()` returns them in order.
 */
export async function recordQuoteChanges(
  session: ExtensionSession,
): Promise<{ changes(): Promise<QuoteChange[]> }> {
  await session.serviceWorker.evaluate(() => {
    type Quote = {
      venue: string;
      symbol: string;
      price: string;
      source: string;
      time: number;
      staleSince: number | null;
    };
    const scope = globalThis as unknown as { trancheQuoteLog?: unknown[] };
    const log: unknown[] = [];
    scope.trancheQuoteLog = log;
    chrome.storage.onChanged.addListener((changes, area) => {
      const change = changes['quotes'];
      if (area !== 'local' || change === undefined) return;
      const before = (change.oldValue as { quotes?: Record<string, Quote> } | undefined)?.quotes ?? {};
      const after = (change.newValue as { quotes?: Record<string, Quote> } | undefined)?.quotes ?? {};
      for (const [key, quote] of Object.entries(after)) {
        const previous = before[key];
        if (previous?.time === quote.time && previous.staleSince === quote.staleSince) continue;
        log.push({
          venue: quote.venue,
          symbol: quote.symbol,
          price: quote.price,
          source: quote.source,
          time: quote.time,
          isStale: quote.staleSince !== null,
        });
      }
    });
  });
  return {
    changes: () =>
      session.serviceWorker.evaluate(
        () =>
          ((globalThis as unknown as { trancheQuoteLog?: unknown[] }).trancheQuoteLog ?? []) as QuoteChange[],
      ),
  };
}

/**
 * Play a scripted page's next price (test/fixtures/e2e/runner.js) and wait until the
 * background has stored it as the BTCUSDT futures quote.
 */
export async function playNextPrice(session: ExtensionSession, page: Page, price: string): Promise<void> {
  await page.evaluate(() => window.dispatchEvent(new Event('tranche-e2e-next')));
  await waitFor(`the background to record ${price}`, async () => {
    const { quotes } = await readLocalStorage(session, ['quotes']);
    const quote = (quotes as { quotes: Record<string, { price: string }> } | undefined)?.quotes[
      'binance-futures|BTCUSDT'
    ];
    return quote?.price === price ? true : undefined;
  });
}

/**
 * Grant the extension a host permission the way a user does it on chrome://extensions
 * ("Site access: on specific sites", developerPrivate.addHostPermission). Headless
 * Chromium cannot show the prompt of permissions.request; once the site is granted,
 * permissions.request resolves true at once, so the popup's own call still runs.
 */
export async function grantHostPermission(session: ExtensionSession, pattern: string): Promise<void> {
  const page = await session.context.newPage();
  try {
    await page.goto('chrome://extensions/');
    await page.evaluate(
      ([id, host]) =>
        (
          chrome as unknown as {
            developerPrivate: { addHostPermission(id: string, host: string): Promise<void> };
          }
        ).developerPrivate.addHostPermission(id, host),
      [session.extensionId, pattern] as const,
    );
  } finally {
    await page.close();
  }
}

/**
 * Click the extension's toolbar button on this page's tab, as a user does (DevTools
 * protocol `Extensions.triggerAction`). That grants `activeTab`, so the extension sees the
 * tab's address. The popup it opens is not a page Playwright drives, so it is closed:
 * use `openPopup` for a popup to click through.
 */
export async function clickToolbarButton(session: ExtensionSession, page: Page): Promise<void> {
  const browser = session.context.browser();
  if (browser === null) throw new Error('the persistent context has no browser to send DevTools commands to');
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos: tabs } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
    const tab = tabs.find((info) => info.url === page.url());
    if (tab === undefined) throw new Error(`no tab target shows ${page.url()}`);
    await cdp.send('Extensions.triggerAction', { id: session.extensionId, targetId: tab.targetId });
    const popupUrl = `chrome-extension://${session.extensionId}/popup.html`;
    const popup = await waitFor('the toolbar popup', async () => {
      const { targetInfos } = await cdp.send('Target.getTargets');
      return targetInfos.find((info) => info.url === popupUrl);
    });
    await cdp.send('Target.closeTarget', { targetId: popup.targetId });
  } finally {
    await cdp.detach();
  }
}

/** The id of the tab showing a page of `origin` (visible once the extension may read the origin, or after a toolbar click). */
export async function tabIdOf(session: ExtensionSession, origin: string): Promise<number> {
  const id = await session.serviceWorker.evaluate(
    async (wanted) => (await chrome.tabs.query({})).find((tab) => tab.url?.startsWith(`${wanted}/`))?.id,
    origin,
  );
  if (id === undefined) throw new Error(`no tab the extension can see shows a page of ${origin}`);
  return id;
}

/** The popup as a page of its own, acting on the tab `tabId` (popup.html?tab=<id>). */
export async function openPopup(session: ExtensionSession, tabId?: number): Promise<Page> {
  const popup = await session.context.newPage();
  await popup.goto(
    `chrome-extension://${session.extensionId}/popup.html${tabId === undefined ? '' : `?tab=${tabId}`}`,
  );
  return popup;
}

/** A tiny web server on 127.0.0.1 (a site no adapter knows). */
export async function startServer(
  handler: RequestListener,
): Promise<{ origin: string; close(): Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        // Chromium keeps its connections alive; close() alone would wait for them.
        server.closeAllConnections();
      }),
  };
}

/** A screenshot under test-results/. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** A request from an extension page (the popup, the planner), as they send it. */
export function sendFromPage(page: Page, message: unknown): Promise<unknown> {
  return page.evaluate((request) => chrome.runtime.sendMessage(request), message);
}
