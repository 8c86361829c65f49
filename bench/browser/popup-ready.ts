import type { Page } from 'playwright-core';

import { launchExtension } from '../../scripts/launch-chromium';
import { percentile } from '../measure';
import { contentWorld } from './content-world';
import { confirmWaiting, importAndArm, openControlPage, planStatuses } from './extension-control';
import { exchangeUrl, serveMarket } from './market';
import { breakoutPlan, priceAt, VENUE, type Market } from './market-plans';

/*
 * popupReadyMs: the popup opened (popup.html in a tab of its own, 380 px wide) with five
 * active plans, until its five plan cards are painted: the time from the navigation's start
 * (the page's time origin) to the animation frame after the fifth card is in the DOM,
 * recorded by a script that runs before the popup's own. The plans are made active the way a
 * trader does it: the price crosses their entries on the exchange page, each entry is
 * confirmed at its suggested price.
 */

const MARKET: Market = { symbol: 'ETHUSDT', places: 2 };
const PLANS = 5;
const OPENINGS = 11;

export interface PopupReadyFigures {
  readonly p50: number;
  readonly openings: number;
}

/** Runs in the popup before its own script: when `cards` plan cards are painted. */
function recordReady(cards: number): void {
  const observer = new MutationObserver(() => {
    if (document.querySelectorAll('[data-plan]').length < cards) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      (window as unknown as { trancheBenchReady: number }).trancheBenchReady = performance.now();
    });
  });
  observer.observe(document, { subtree: true, childList: true });
}

async function openPopupOnce(page: Page, url: string): Promise<number> {
  await page.addInitScript(recordReady, PLANS);
  await page.setViewportSize({ width: 380, height: 600 });
  await page.goto(url);
  const handle = await page.waitForFunction(
    () => (window as unknown as { trancheBenchReady?: number }).trancheBenchReady,
    undefined,
    { timeout: 10_000, polling: 100 },
  );
  return (await handle.jsonValue()) as number;
}

export async function measurePopupReady(): Promise<PopupReadyFigures> {
  const session = await launchExtension();
  try {
    await serveMarket(session.context);
    const control = await openControlPage(session);
    const ids = await importAndArm(
      control,
      Array.from({ length: PLANS }, (_, index) =>
        breakoutPlan(MARKET, `Bench ${index + 1}: ETH above ${3100 + 10 * index}`, {
          entryTicks: 310_000 + 1_000 * index,
          stopTicks: 300_000,
          approachPercent: '0.25',
        }),
      ),
    );
    const market = await session.context.newPage();
    await market.goto(exchangeUrl(MARKET.symbol));
    const world = await contentWorld(market, session.extensionId);
    const tick = { venue: VENUE, symbol: MARKET.symbol };
    await world.sendTicks(tick, [priceAt(MARKET, 305_000), priceAt(MARKET, 315_000)]);
    const confirmed = await confirmWaiting(control);
    await world.sendTicks(tick, [priceAt(MARKET, 315_100)]);
    const statuses = await planStatuses(control);
    if (confirmed !== PLANS || ids.some((id) => statuses.get(id) !== 'active')) {
      throw new Error(`the popup bench wants ${PLANS} active plans: ${JSON.stringify([...statuses])}`);
    }
    await world.detach();
    await market.close();
    await control.close();

    const url = `chrome-extension://${session.extensionId}/popup.html`;
    const millis: number[] = [];
    for (let opening = 0; opening < OPENINGS; opening += 1) {
      const popup = await session.context.newPage();
      millis.push(await openPopupOnce(popup, url));
      await popup.close();
    }
    return { p50: percentile(millis, 50), openings: OPENINGS };
  } finally {
    await session.close();
  }
}
