import type { Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import type { Browser } from 'wxt/browser';

import { SURFACES_PLAN } from './surfaces-plan';
import { playNextPrice, serveFixtures, useExtension, waitFor } from './harness';

/** The extension API as code evaluated in the service worker sees it. */
declare const chrome: typeof Browser;

/*
 * Tranche talks to nobody (docs/security.md): no analytics, no remote code, no price feed
 * of its own. Every request Chromium reports for the extension's pages, its service worker
 * and the pages it reads is recorded through a whole journey — planner, designer, exchange
 * page with the on-page panel, notification, popup — and only the intercepted fixture page
 * (with its own script) may have been asked for. Anything else is refused and listed.
 */

const BINANCE_URL = 'https://www.binance.com/en/futures/BTCUSDT';
/** The fixture page and the script it loads from its own origin, both answered from disk. */
const FIXTURE_REQUESTS = [BINANCE_URL, 'https://www.binance.com/tranche-e2e-runner.js'];

interface Recorded {
  readonly url: string;
  /** The service worker, an extension page, or a web page. */
  readonly from: 'service-worker' | 'extension-page' | 'web-page';
}

const recorded: Recorded[] = [];

const extension = useExtension(async (session) => {
  const own = `chrome-extension://${session.extensionId}/`;
  session.context.on('request', (request: Request) => recorded.push(recordOf(request, own)));
  // Registered first, so tried last (Playwright tries the newest route first): whatever no
  // fixture answers never leaves the machine; the extension's own files load as usual.
  await session.context.route('**/*', (route) =>
    route.request().url().startsWith(own) ? route.continue() : route.abort('internetdisconnected'),
  );
  await serveFixtures(session.context, { 'https://www.binance.com/en/futures/**': 'binance-surfaces.html' });
});

function recordOf(request: Request, own: string): Recorded {
  if (request.serviceWorker() !== null) return { url: request.url(), from: 'service-worker' };
  const frameUrl = safeFrameUrl(request);
  return { url: request.url(), from: frameUrl.startsWith(own) ? 'extension-page' : 'web-page' };
}

function safeFrameUrl(request: Request): string {
  try {
    return request.frame().url();
  } catch {
    return '';
  }
}

describe('no network', () => {
  it('asks for nothing but the intercepted fixture page through a whole journey', async () => {
    const session = await extension();
    const own = `chrome-extension://${session.extensionId}/`;

    // The planner: import and arm a plan, then the designer with its chart.
    const planner = await session.context.newPage();
    await planner.goto(`${own}options.html`);
    await planner.locator('input[type="file"]').setInputFiles({
      name: 'btc-breakout.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(SURFACES_PLAN)),
    });
    const row = planner.locator('tr[data-plan]');
    await row.getByRole('button', { name: 'Arm' }).click();
    await row.locator('[data-status="armed"]').waitFor();
    await planner.getByRole('tab', { name: 'Design & simulate' }).click();
    await planner.getByLabel('Start from a preset:').selectOption({ label: 'Turtle' });
    await planner.getByText('✓ Valid plan.').waitFor();
    await planner.locator('canvas').first().waitFor();

    // The exchange page: the price is read, the panel shows, the entry triggers (a
    // notification), and the fill is confirmed from the panel; then the popup.
    const page = await session.context.newPage();
    await page.goto(BINANCE_URL);
    const frame = await waitFor('the panel’s frame', async () =>
      page.frames().find((candidate) => candidate.url().startsWith(`${own}overlay.html?`)),
    );
    await playNextPrice(session, page, '59950');
    await playNextPrice(session, page, '60010');
    await frame.getByRole('button', { name: 'Confirm fill' }).click();
    const shown = await waitFor('the entry’s notification', async () => {
      const ids = await session.serviceWorker.evaluate(async () =>
        Object.keys(await chrome.notifications.getAll()),
      );
      return ids.length > 0 ? ids : undefined;
    });
    expect(shown.length).toBeGreaterThan(0);
    const popup = await session.context.newPage();
    await popup.goto(`${own}popup.html`);
    await popup.locator('[data-status="active"]').waitFor();
    // Long enough for the surfaces' views, the tick history's flush and the stale check.
    await popup.waitForTimeout(2_500);

    const web = recorded.filter((request) => !request.url.startsWith(own));
    expect(
      web.filter((request) => request.from !== 'web-page'),
      'the extension’s pages and its service worker asked the network for nothing',
    ).toEqual([]);
    expect(
      [...new Set(web.map((request) => request.url))].sort(),
      'the exchange page asked only for itself and its own script, both intercepted',
    ).toEqual([...FIXTURE_REQUESTS].sort());
    expect(
      recorded.filter((request) => request.url.startsWith(own)).length,
      'the extension’s own files were loaded (and recorded)',
    ).toBeGreaterThan(0);

    // The recorder does see the service worker's requests: a request made there on purpose
    // is recorded (and refused).
    const control = 'https://tranche.invalid/recorder-control';
    const answer = await session.serviceWorker.evaluate(
      (url) =>
        fetch(url).then(
          () => 'answered',
          () => 'refused',
        ),
      control,
    );
    expect(answer).toBe('refused');
    expect(recorded.filter((request) => request.url === control)).toEqual([
      { url: control, from: 'service-worker' },
    ]);
  });
});
