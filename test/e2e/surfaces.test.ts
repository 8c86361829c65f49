import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Frame, Locator, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';

import {
  playNextPrice,
  readLocalStorage,
  RESULTS_DIR,
  screenshot,
  serveFixtures,
  tabIdOf,
  useExtension,
  waitFor,
  writeLocalStorage,
  type ExtensionSession,
} from './harness';
import { SURFACES_PLAN } from './surfaces-plan';
import { loadSequence } from './sequences';

/** The extension API as code evaluated in the service worker or an extension page sees it. */
declare const chrome: typeof Browser;

const BINANCE_URL = 'https://www.binance.com/en/futures/BTCUSDT';
const BYBIT_URL = 'https://www.bybit.com/trade/usdt/BTCUSDT';
const FIXTURE = 'binance-surfaces.html';

const HOSTILE_CSS = `
  * { font-family: "Comic Sans MS", cursive !important; color: #f0f !important; background: #ff0 !important;
      font-size: 30px !important; padding: 20px !important; line-height: 3 !important; }
  tranche-overlay, tranche-overlay * { display: none !important; opacity: 0 !important; visibility: hidden !important;
      width: 1px !important; height: 1px !important; }
  iframe { display: none !important; border: 8px solid red !important; }
  html { color-scheme: dark !important; filter: none; }
  :root { --tr-text: #f00; --tr-background: #0f0; }
`;

let session: ExtensionSession;
const extension = useExtension((launched) =>
  serveFixtures(launched.context, {
    'https://www.binance.com/en/futures/**': FIXTURE,
    'https://www.bybit.com/trade/usdt/**': 'bybit-perpetual.html',
  }),
);

beforeEach(async () => {
  session = await extension();
});

/** A screenshot of one element (the popup's panel, the planner) under test-results/. */
async function shoot(locator: Locator, name: string): Promise<void> {
  await locator.screenshot({ path: join(RESULTS_DIR, `${name}.png`) });
}

/**
 * The popup in a window of its own (as a notification click would show it), in the dark
 * theme: visible beside the exchange tab, so both get their views (hidden pages are sent nothing).
 */
async function darkPopup(): Promise<Page> {
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

/** The panel's frame on the exchange page (an extension page, found by its address). */
function overlayFrame(page: Page): Promise<Frame> {
  const prefix = `chrome-extension://${session.extensionId}/overlay.html?`;
  return waitFor('the panel’s frame', async () =>
    page.frames().find((frame) => frame.url().startsWith(prefix)),
  );
}

interface HostBox {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly isVisible: boolean;
}

/** The panel's host element as the page sees it: where it is and whether it shows. */
function hostBox(page: Page): Promise<HostBox | null> {
  return page.evaluate(() => {
    const host = document.querySelector('tranche-overlay');
    if (host === null) return null;
    const rect = host.getBoundingClientRect();
    const style = getComputedStyle(host);
    return {
      left: Math.round(rect.left),
      top: Math.round(rect.top),
      width: Math.round(rect.width),
      height: Math.round(rect.height),
      isVisible: style.visibility === 'visible' && style.display !== 'none' && style.opacity === '1',
    };
  });
}

async function waitForShownHost(page: Page): Promise<HostBox> {
  return waitFor('the panel to show', async () => {
    const box = await hostBox(page);
    return box?.isVisible === true && box.height > 40 ? box : undefined;
  });
}

/** Play the fixture's next price and wait until the background has it. */
function nextPrice(page: Page, price: string): Promise<void> {
  return playNextPrice(session, page, price);
}

/** Wait until a plan's level row (`.tr-level[data-tranche]`) in the popup or the panel reads `text`. */
async function expectLevel(scope: Page | Frame, tranche: string, text: RegExp): Promise<void> {
  const row = scope.locator(`.tr-level[data-tranche="${tranche}"]`);
  const read = async () => ((await row.count()) === 0 ? '' : row.innerText());
  await waitFor(`the ${tranche} level to read ${text}`, async () =>
    text.test(await read()) ? true : undefined,
  ).catch(() => undefined);
  expect(await read()).toMatch(text);
}

/** Computed styles of the panel's parts, read inside its frame. */
function frameStyles(frame: Frame): Promise<Record<string, Record<string, string>>> {
  return frame.evaluate(() => {
    const properties = [
      'font-family',
      'font-size',
      'color',
      'background-color',
      'padding-top',
      'line-height',
      'display',
      'visibility',
    ];
    const read: Record<string, Record<string, string>> = {};
    for (const selector of [
      'section.tr-overlay',
      '.tr-header h1',
      '.tr-symbol',
      '.tr-price',
      '.tr-level',
      '.tr-button',
    ]) {
      const element = document.querySelector(selector);
      if (element === null) continue;
      const style = getComputedStyle(element);
      read[selector] = Object.fromEntries(properties.map((name) => [name, style.getPropertyValue(name)]));
    }
    return read;
  });
}

describe('popup, on-page panel and planner', () => {
  it('imports and arms a plan, shows its levels in the popup and the panel, confirms from the panel, and keeps the panel’s place', async () => {
    const sequence = loadSequence(FIXTURE);
    expect(sequence.steps.map((step) => step.expect?.[1])).toEqual([
      '59950',
      '60010',
      '60500',
      '61010',
      '61250',
    ]);

    // A new user: the popup says what to do.
    const popup = await darkPopup();
    await popup.getByText('No armed plans').waitFor();
    await shoot(popup.locator('main'), 'popup-empty');

    // Plans in: the planner's file input; a bad file is refused field by field and stores nothing.
    const planner = await session.context.newPage();
    await planner.emulateMedia({ colorScheme: 'dark' });
    await planner.goto(`chrome-extension://${session.extensionId}/options.html`);
    const fileInput = planner.locator('input[type="file"]');
    await fileInput.setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ ...SURFACES_PLAN, stop: { price: '61000' } })),
    });
    await planner.getByRole('alert').getByText('The plan is not valid: nothing was stored.').waitFor();
    expect(await planner.getByRole('list', { name: 'Problems' }).innerText()).toMatch(/stop/);
    expect(await readLocalStorage(session, ['plans/index'])).toEqual({});

    await fileInput.setInputFiles({
      name: 'btc-breakout.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(SURFACES_PLAN)),
    });
    await planner.getByText('Imported “BTC breakout” as a draft').waitFor();
    const row = planner.locator('tr[data-plan]');
    await row.locator('[data-status="draft"]').waitFor();
    await row.getByRole('button', { name: 'Arm' }).click();
    await row.locator('[data-status="armed"]').waitFor();

    // The exchange page: its price is read, and the panel shows the entry and how far it is.
    const page = await session.context.newPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(BINANCE_URL);
    const frame = await overlayFrame(page);
    const shown = await waitForShownHost(page);
    // |60,000 − 59,800| = 200: 0.33 % of 59,800 and 0.40 ATR of 500.
    await expectLevel(frame, 'entry', /entry\s+60,000\.0\s+0\.33% · 0\.40 ATR/);
    expect(shown.left + shown.width, 'the default corner: top right').toBeGreaterThan(1100);

    await expectLevel(popup, 'entry', /entry\s+60,000\.0\s+0\.33% · 0\.40 ATR/);
    expect(await popup.locator('.tr-price').innerText()).toBe('59,800.0');
    await shoot(popup.locator('main'), 'popup-armed');

    // The price crosses the entry: the panel asks for the confirmation, prefilled.
    await nextPrice(page, '59950');
    await nextPrice(page, '60010');
    await frame.getByText('entry triggered: buy 0.100 at 60,000.0').waitFor();
    await frame.getByRole('button', { name: 'Confirm fill' }).click();
    await popup.locator('[data-status="active"]').waitFor();
    expect(await popup.locator('tr[data-tranche="entry"]').innerText()).toMatch(/filled/);

    // Active: the popup and the panel show the next add, target and stop with their distances.
    await nextPrice(page, '60500');
    await waitFor('the popup at 60,500.0', async () =>
      (await popup.locator('.tr-price').innerText()) === '60,500.0' ? true : undefined,
    );
    // add 61,000.0: 500 / 60,500 = 0.83 %, 1.00 ATR; target 62,000.0 and stop 59,000.0: 1,500 away, 2.48 %, 3.00 ATR.
    for (const scope of [popup, frame]) {
      await expectLevel(scope, 'add-1', /add 1 of 1\s+61,000\.0\s+0\.83% · 1\.00 ATR/);
      await expectLevel(scope, 'target-1', /target 1 of 1\s+62,000\.0\s+2\.48% · 3\.00 ATR/);
      await expectLevel(scope, 'stop', /stop\s+59,000\.0\s+2\.48% · 3\.00 ATR/);
    }
    expect(await popup.locator('dl.tr-grid').innerText()).toMatch(/Position\s+0\.100 @ 60,000\.0/);

    // The add triggers: confirmed from the panel's Confirm button; the popup follows.
    await nextPrice(page, '61010');
    await frame.getByText('add 1 of 1 triggered: buy 0.050 at 61,000.0').waitFor();
    await popup.getByText('add 1 of 1 triggered: buy 0.050 at 61,000.0').waitFor();
    await shoot(popup.locator('main'), 'popup-active-triggered');
    const expanded = await waitForShownHost(page);
    await page.screenshot({
      path: join(RESULTS_DIR, 'overlay-expanded.png'),
      clip: {
        x: expanded.left - 24,
        y: expanded.top - 24,
        width: expanded.width + 48,
        height: expanded.height + 48,
      },
    });
    await frame.getByRole('button', { name: 'Confirm fill' }).click();
    await waitFor('the popup to show the add filled', async () =>
      /filled/.test(await popup.locator('tr[data-tranche="add-1"]').innerText()) ? true : undefined,
    );
    expect(await popup.locator('dl.tr-grid').innerText()).toMatch(/Position\s+0\.150 @ 60,333\.3/);
    await waitFor('the panel to drop its confirmation', async () =>
      (await frame.getByRole('button', { name: 'Confirm fill' }).count()) === 0 ? true : undefined,
    );

    // The page's CSS does not reach the panel, and the panel's does not reach the page.
    await nextPrice(page, '61250');
    await frame.locator('.tr-price').getByText('61,250.0').waitFor();
    await screenshot(page, 'overlay-on-page');
    const pageOwn = await page.evaluate(() => ({
      text: getComputedStyle(document.getElementById('page-own') as Element).backgroundColor,
      button: getComputedStyle(document.getElementById('page-button') as Element).backgroundColor,
    }));
    expect(pageOwn.text, 'the page’s .tr-root keeps its own background').toBe('rgba(0, 0, 0, 0)');
    expect(pageOwn.button, 'the page’s .tr-primary is not Tranche’s blue').not.toBe('rgb(41, 98, 255)');
    const before = { host: await hostBox(page), styles: await frameStyles(frame) };
    expect(Object.keys(before.styles)).toEqual([
      'section.tr-overlay',
      '.tr-header h1',
      '.tr-symbol',
      '.tr-price',
      '.tr-level',
      '.tr-button',
    ]);
    const hostile = await page.addStyleTag({ content: HOSTILE_CSS });
    await page.evaluate(() => {
      const host = document.querySelector('tranche-overlay') as HTMLElement;
      host.style.setProperty('display', 'none', 'important');
      host.style.setProperty('left', '0px', 'important');
    });
    const after = { host: await hostBox(page), styles: await frameStyles(frame) };
    expect(after, 'the hostile stylesheet changes nothing of the panel').toEqual(before);
    await screenshot(page, 'overlay-hostile-page');
    await hostile.evaluate((style) => (style as Element).remove());
    await page.evaluate(() => document.querySelector('tranche-overlay')?.removeAttribute('style'));

    // Folded to a pill that shows the distance to the next level; moved; both survive a reload.
    await frame.getByRole('button', { name: 'Collapse the Tranche panel' }).click();
    const pill = frame.getByRole('button', { name: /Show the Tranche panel/ });
    await pill.waitFor();
    // Next: the add is filled; the target at 62,000.0 is 750 from 61,250.0: 1.22 %.
    expect(await pill.innerText()).toMatch(/BTCUSDT\s+target 1 of 1 · 1\.22%/);
    const folded = await waitFor('the pill', async () => {
      const box = await hostBox(page);
      return box !== null && box.height < 60 ? box : undefined;
    });
    const grip = { x: folded.left + 20, y: folded.top + folded.height / 2 };
    await page.mouse.move(grip.x, grip.y);
    await page.mouse.down();
    await page.mouse.move(grip.x - 200, grip.y + 200, { steps: 12 });
    await page.mouse.up();
    const moved = await waitFor('the pill to move', async () => {
      const box = await hostBox(page);
      return box !== null && box.top > folded.top + 150 ? box : undefined;
    });
    expect(moved.left).toBe(folded.left - 200);
    expect(moved.top).toBe(folded.top + 200);
    expect(await pill.count(), 'the drag is not taken for a click').toBe(1);
    await page.screenshot({
      path: join(RESULTS_DIR, 'overlay-collapsed.png'),
      clip: { x: moved.left - 24, y: moved.top - 24, width: moved.width + 48, height: moved.height + 48 },
    });
    const stored = await waitFor('the panel’s place to be remembered', async () => {
      const { 'overlay-settings': settings } = await readLocalStorage(session, ['overlay-settings']);
      const site = (
        settings as { sites?: Record<string, { position: unknown; isCollapsed: boolean }> } | undefined
      )?.sites?.['www.binance.com'];
      return site?.position !== undefined && site.position !== null ? site : undefined;
    });
    expect(stored).toMatchObject({ position: { left: moved.left, top: moved.top }, isCollapsed: true });

    await page.reload();
    const reloaded = await waitFor('the pill after the reload', async () => {
      const box = await hostBox(page);
      return box?.isVisible === true ? box : undefined;
    });
    expect({ left: reloaded.left, top: reloaded.top }).toEqual({ left: moved.left, top: moved.top });
    const frameAfterReload = await overlayFrame(page);
    await frameAfterReload.getByRole('button', { name: /Show the Tranche panel/ }).waitFor();

    // The keyboard shortcut: registered with the browser (headless Chromium does not route key
    // presses to extension commands, so the background's message to the tab is sent directly).
    const commands = await session.serviceWorker.evaluate(() => chrome.commands.getAll());
    expect(commands.find((command) => command.name === 'toggle-overlay')?.shortcut).toBe('Alt+Shift+O');
    const tabId = await tabIdOf(session, 'https://www.binance.com');
    const toggle = () =>
      session.serviceWorker.evaluate(
        (tab) => chrome.tabs.sendMessage(tab, { type: 'overlay-toggle' }, { frameId: 0 }),
        tabId,
      );
    await toggle();
    await waitFor('the panel to hide', async () =>
      (await hostBox(page))?.isVisible === false ? true : undefined,
    );
    await toggle();
    await waitFor('the panel to show again', async () =>
      (await hostBox(page))?.isVisible === true ? true : undefined,
    );

    // No fresh price for longer than the stale setting: the popup says so plainly.
    await writeLocalStorage(session, {
      'watch-settings': { version: 1, staleAfterSeconds: 1, jumpHoldPercent: 20 },
    });
    await popup.locator('.tr-stale').first().waitFor({ timeout: 10_000 });
    await popup.getByText(/No fresh price since/).waitFor();
    await shoot(popup.locator('main'), 'popup-stale');
    await popup.emulateMedia({ colorScheme: 'light' });
    await shoot(popup.locator('main'), 'popup-stale-light');

    // The planner lists the plan as it is now: active, with its position.
    await planner.reload();
    await planner.locator('tr[data-plan] [data-status="active"]').waitFor();
    expect(await planner.locator('tr[data-plan]').innerText()).toMatch(/0\.150 @ 60,333\.3/);
    await planner.getByText('Alt+Shift+O shows or hides the panel on the page you are on.').waitFor();
    await screenshot(planner, 'options-plans');

    // Exports are downloads: the plan as imported, the journal as CSV.
    const [planFile] = await Promise.all([
      planner.waitForEvent('download'),
      planner.getByRole('button', { name: 'Export BTC breakout: plan file' }).click(),
    ]);
    expect(planFile.suggestedFilename()).toBe('btc-breakout.plan.json');
    expect(JSON.parse(readFileSync(await planFile.path(), 'utf8'))).toMatchObject({
      name: 'BTC breakout',
      entry: { price: '60000', when: 'above' },
    });
    const [journalFile] = await Promise.all([
      planner.waitForEvent('download'),
      planner.getByRole('button', { name: 'Export BTC breakout: journal as CSV' }).click(),
    ]);
    expect(journalFile.suggestedFilename()).toBe('btc-breakout.journal.csv');
    const journal = readFileSync(await journalFile.path(), 'utf8');
    expect(journal.split('\n')[0]).toMatch(/^at,event,/);
    expect(journal).toMatch(/fill/);

    // Delete, then Undo: the plan comes back as it was.
    await planner.getByRole('button', { name: 'Delete BTC breakout' }).click();
    await planner.getByText('Deleted “BTC breakout”.').waitFor();
    await planner.getByText('No plans yet: import a plan file above.').waitFor();
    await planner.getByRole('button', { name: 'Undo' }).click();
    await planner.locator('tr[data-plan] [data-status="active"]').waitFor();

    // A notification's click opens popup.html?plan=ID: that plan is outlined.
    const { 'plans/index': ids } = await readLocalStorage(session, ['plans/index']);
    const planId = (ids as string[])[0] ?? '';
    const fromNotification = await session.context.newPage();
    await fromNotification.goto(`chrome-extension://${session.extensionId}/popup.html?plan=${planId}`);
    await fromNotification.locator(`section.tr-highlight[data-plan="${planId}"]`).waitFor();

    // A page whose symbol has no plan (Bybit's BTCUSDT; the plan is Binance's): no panel,
    // unless the trader turns it on in the planner.
    const bybit = await session.context.newPage();
    await bybit.emulateMedia({ colorScheme: 'dark' });
    await bybit.setViewportSize({ width: 1280, height: 800 });
    await bybit.goto(BYBIT_URL);
    const bybitFrame = await overlayFrame(bybit);
    await bybitFrame.getByText('No armed plan for BTCUSDT').waitFor({ state: 'attached' });
    expect((await hostBox(bybit))?.isVisible, 'hidden where no plan matches').toBe(false);
    const showEverywhere = planner.getByRole('checkbox', { name: /Show the panel on supported exchange/ });
    await showEverywhere.check();
    const noPlan = await waitForShownHost(bybit);
    await bybit.screenshot({
      path: join(RESULTS_DIR, 'overlay-no-plan.png'),
      clip: { x: noPlan.left - 24, y: noPlan.top - 24, width: noPlan.width + 48, height: noPlan.height + 48 },
    });
    await showEverywhere.uncheck();
    await waitFor('the panel to hide again', async () =>
      (await hostBox(bybit))?.isVisible === false ? true : undefined,
    );

    await Promise.all([
      page.close(),
      popup.close(),
      planner.close(),
      fromNotification.close(),
      bybit.close(),
    ]);
  });
});
