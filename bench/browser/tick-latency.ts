import type { Frame, Page } from 'playwright-core';
import type { Browser } from 'wxt/browser';

import { Decimal, toCanonical } from '../../lib/decimal';
import { formatAtStep } from '../../lib/format';
import { launchExtension, type ExtensionSession } from '../../scripts/launch-chromium';
import { percentile } from '../measure';
import { CLOCK_SAMPLES, highResClockOffset } from './clock';
import { importAndArm, journalAlerts, openControlPage } from './extension-control';
import { exchangeUrl, playPrices, serveMarket, showPrice } from './market';
import { breakoutPlan, priceAt, tickSizeOf, type Market } from './market-plans';

/** The extension API as code evaluated in the service worker sees it. */
declare const chrome: typeof Browser;

/*
 * tickToAlertMs and tickToPanelMs: the bench market moves its price ~230 times, 100 ms
 * apart (a lively market, and more than the content script's 50 ms coalescing window, so
 * each change is read at once). Five plans listen to it. Every instant is taken where it
 * happens and put on one clock (./clock.ts):
 * - a change: on the page, right after its DOM changed;
 * - a notification: in the service worker, as `chrome.notifications.create` is called
 *   (the bench wraps it before any plan is armed);
 * - the panel showing a price: in the panel's frame, in the animation frame after its
 *   price text changed (the frame that paints it).
 * A notification is matched to its change through the plan's journal: the n-th
 * notification of a plan is its n-th alert, whose journal entry holds the tick's price,
 * and every price of the path is shown once, so it names its change.
 */

const MARKET: Market = { symbol: 'ETHUSDT', places: 2 };
/** Tick counts at 2 places: 310000 is 3,100.00. */
const DOLLAR = 100;
const OSCILLATION_CHANGES = 200;
const STAIR_STEP = 10 * DOLLAR;
const CHANGE_INTERVAL_MILLIS = 100;
/** After the last change: time for the slowest surface to show it, with room for a loaded machine. */
const SETTLE_MILLIS = 2500;

export interface TickLatencyFigures {
  readonly tickToAlertMs: { p50: number; p95: number; p99: number; n: number };
  readonly tickToPanelMs: { p50: number; p95: number; n: number };
  /** From the DOM change to its tick message reaching the worker: the page's and the messaging's part. */
  readonly tickToWorkerMs: { p50: number; p95: number; n: number };
  readonly changes: number;
  /** Notifications no journal alert explained, or alerts with no notification. */
  readonly unmatchedAlerts: number;
  /** Changes the panel never showed, nor any later price, before the run ended. */
  readonly panelMissed: number;
  /** Each context's high-resolution clock minus the system clock, ms. */
  readonly clockOffsets: { page: number; frame: number; worker: number };
}

/**
 * The path, in ticks. An oscillation first: below the first plan's entry (3,100.00) at
 * 3,050–3,060, far enough (> 2 × 0.5 %) to re-arm its approach alert, then within
 * 0.5 % of it at 3,090–3,100, so every other change raises an approach alert. Then a
 * staircase of 10.00 a step to 3,330, which comes near each plan's entry and then crosses
 * it (an approach and a trigger per plan). The n-th change adds n cents (n < 1,000) to its
 * price: no price repeats, so a price names its change.
 */
export function latencyPath(): number[] {
  const path: number[] = [];
  for (let change = 0; change < OSCILLATION_CHANGES; change += 1) {
    const base = change % 2 === 0 ? 3050 : 3090;
    path.push(base * DOLLAR + path.length);
  }
  for (let base = 3060 * DOLLAR; base <= 3330 * DOLLAR; base += STAIR_STEP) path.push(base + path.length);
  return path;
}

/** The first plan oscillates around its entry; four more are crossed by the staircase. */
function latencyPlans() {
  const entries = [3100, 3150, 3200, 3250, 3300];
  return entries.map((entry, index) =>
    breakoutPlan(MARKET, `Bench ${index + 1}: ETH above ${entry}`, {
      entryTicks: entry * DOLLAR,
      stopTicks: (entry - 100) * DOLLAR,
      approachPercent: '0.5',
    }),
  );
}

interface Instant {
  readonly id: string;
  readonly at: number;
}

interface Paint {
  readonly text: string;
  readonly at: number;
}

export async function measureTickLatency(): Promise<TickLatencyFigures> {
  const session = await launchExtension();
  try {
    await serveMarket(session.context);
    const control = await openControlPage(session);
    await recordNotifications(session);
    const planIds = await importAndArm(control, latencyPlans());
    const path = latencyPath();
    const displays = path.map((ticks) => formatAtStep(priceAt(MARKET, ticks), tickSizeOf(MARKET)));
    const market = await session.context.newPage();
    await market.setViewportSize({ width: 1280, height: 800 });
    await market.goto(exchangeUrl(MARKET.symbol));
    const opening = formatAtStep(priceAt(MARKET, 3040 * DOLLAR), tickSizeOf(MARKET));
    await showPrice(market, opening);
    const frame = await panelFrame(session, market, opening);
    await frame.evaluate(recordPaintsInFrame);
    const clockOffsets = {
      page: await market.evaluate(highResClockOffset, CLOCK_SAMPLES),
      frame: await frame.evaluate(highResClockOffset, CLOCK_SAMPLES),
      worker: await session.serviceWorker.evaluate(highResClockOffset, CLOCK_SAMPLES),
    };

    const changedAt = await playPrices(market, displays, CHANGE_INTERVAL_MILLIS);
    await market.waitForTimeout(SETTLE_MILLIS);

    const created = await session.serviceWorker.evaluate(
      () => (globalThis as unknown as { trancheBenchCreated?: Instant[] }).trancheBenchCreated,
    );
    const received = await session.serviceWorker.evaluate(
      () => (globalThis as unknown as { trancheBenchReceived?: Instant[] }).trancheBenchReceived,
    );
    if (created === undefined || received === undefined)
      throw new Error('the service worker restarted during the run');
    const paints = await frame.evaluate(
      () => (window as unknown as { trancheBenchPaints: Paint[] }).trancheBenchPaints,
    );
    const changes = changedAt.map((at, index) => ({
      price: toCanonical(new Decimal(priceAt(MARKET, path[index] ?? 0))),
      display: displays[index] ?? '',
      at: at + clockOffsets.page,
    }));

    const alertMillis: number[] = [];
    let unmatchedAlerts = 0;
    const changeByPrice = new Map(changes.map((change) => [change.price, change]));
    for (const id of planIds) {
      const alerts = await journalAlerts(control, id);
      const shown = created.filter((instant) => instant.id.startsWith(`${id}/`));
      unmatchedAlerts += Math.abs(alerts.length - shown.length);
      shown.forEach((instant, index) => {
        const price = alerts[index]?.price;
        const change = price === null || price === undefined ? undefined : changeByPrice.get(price);
        if (change === undefined) unmatchedAlerts += 1;
        else alertMillis.push(instant.at + clockOffsets.worker - change.at);
      });
    }

    const workerMillis = received.flatMap((instant) => {
      const change = changeByPrice.get(instant.id);
      return change === undefined ? [] : [instant.at + clockOffsets.worker - change.at];
    });

    const changeIndex = new Map(changes.map((change, index) => [change.display, index]));
    const shownAt = paints.map((paint) => ({
      index: changeIndex.get(paint.text) ?? -1,
      at: paint.at + clockOffsets.frame,
    }));
    const panelMillis: number[] = [];
    changes.forEach((change, index) => {
      const caughtUp = shownAt.find((paint) => paint.index >= index);
      if (caughtUp !== undefined) panelMillis.push(caughtUp.at - change.at);
    });

    return {
      tickToAlertMs: {
        p50: percentile(alertMillis, 50),
        p95: percentile(alertMillis, 95),
        p99: percentile(alertMillis, 99),
        n: alertMillis.length,
      },
      tickToPanelMs: {
        p50: percentile(panelMillis, 50),
        p95: percentile(panelMillis, 95),
        n: panelMillis.length,
      },
      tickToWorkerMs: {
        p50: percentile(workerMillis, 50),
        p95: percentile(workerMillis, 95),
        n: workerMillis.length,
      },
      changes: changes.length,
      unmatchedAlerts,
      panelMissed: changes.length - panelMillis.length,
      clockOffsets,
    };
  } finally {
    await session.close();
  }
}

/**
 * Wrap `chrome.notifications.create` in the running worker: each call's id and instant. And
 * each tick message's price and the instant it reached the worker (a listener of its own,
 * called beside the background's).
 */
async function recordNotifications(session: ExtensionSession): Promise<void> {
  await session.serviceWorker.evaluate(() => {
    const received: { id: string; at: number }[] = [];
    (globalThis as unknown as { trancheBenchReceived: typeof received }).trancheBenchReceived = received;
    chrome.runtime.onMessage.addListener((message: { type?: unknown; price?: unknown }) => {
      if (message.type === 'tick' && typeof message.price === 'string')
        received.push({ id: message.price, at: performance.timeOrigin + performance.now() });
    });
    const created: { id: string; at: number }[] = [];
    (globalThis as unknown as { trancheBenchCreated: typeof created }).trancheBenchCreated = created;
    const api = chrome.notifications;
    const create = api.create.bind(api) as (...args: unknown[]) => Promise<string>;
    (api as unknown as { create: typeof create }).create = (...args) => {
      created.push({ id: String(args[0]), at: performance.timeOrigin + performance.now() });
      return create(...args);
    };
  });
}

/** In the panel's frame: each new price text, at the animation frame that paints it. */
function recordPaintsInFrame(): void {
  const paints: { text: string; at: number }[] = [];
  (window as unknown as { trancheBenchPaints: typeof paints }).trancheBenchPaints = paints;
  let last = document.querySelector('.tr-price')?.textContent ?? '';
  new MutationObserver(() => {
    const text = document.querySelector('.tr-price')?.textContent ?? '';
    if (text === last) return;
    last = text;
    requestAnimationFrame(() => paints.push({ text, at: performance.timeOrigin + performance.now() }));
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
}

/** The panel's frame on the market page, once it shows `display`. */
async function panelFrame(session: ExtensionSession, page: Page, display: string): Promise<Frame> {
  const prefix = `chrome-extension://${session.extensionId}/overlay.html?`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    const frame = page.frames().find((candidate) => candidate.url().startsWith(prefix));
    const text = await frame
      ?.locator('.tr-price')
      .first()
      .textContent({ timeout: 200 })
      .catch(() => null);
    if (frame !== undefined && text === display) return frame;
    if (Date.now() > deadline)
      throw new Error(`the panel did not show ${display} (it shows ${text ?? 'nothing'})`);
    await page.waitForTimeout(50);
  }
}
