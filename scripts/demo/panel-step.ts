import type { Frame, Page } from 'playwright-core';

/*
 * The demo's "panel in step with the page": while the market moves, every price the page
 * prints and every price the on-page panel prints are recorded with the time they appeared
 * (each by a MutationObserver in its own document, on the machine's one clock); then each
 * page price is matched with the panel's first showing of it. Nothing here asks the
 * background: the panel shows what was pushed to it.
 */

/** Where the demo market prints its last price (scripts/demo/market.html). */
const MARKET_PRICE_SELECTOR = '#last';
/** How long the prices are recorded. */
const RECORD_MILLIS = 2_000;

/** The on-page panel's frame: an extension page framed into the exchange page. */
export function panelFrame(page: Page, extensionId: string): Frame | undefined {
  const prefix = `chrome-extension://${extensionId}/overlay.html?`;
  return page.frames().find((frame) => frame.url().startsWith(prefix));
}

/** The last price as the panel prints it (its first plan card), or null when it shows none. */
export async function panelPrice(frame: Frame): Promise<string | null> {
  const price = frame.locator('.tr-price').first();
  return (await price.count()) === 0 ? null : price.textContent();
}

/** Each text an element showed, with when (epoch ms), while `millis` passed. */
function recordTexts(scope: Page | Frame, selector: string, millis: number): Promise<[string, number][]> {
  return scope.evaluate(
    ([css, duration]) =>
      new Promise<[string, number][]>((done) => {
        // No named functions in here: tsx names them through a helper the page does not have.
        const seen: [string, number][] = [[document.querySelector(css)?.textContent ?? '', Date.now()]];
        const observer = new MutationObserver(() => {
          const text = document.querySelector(css)?.textContent ?? null;
          if (text !== null && text !== seen.at(-1)?.[0]) seen.push([text, Date.now()]);
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        setTimeout(() => {
          observer.disconnect();
          done(seen);
        }, duration);
      }),
    [selector, millis] as const,
  );
}

export interface StepMatch {
  readonly pagePrice: string;
  /** The price the panel printed for it; null when the panel never showed it. */
  readonly panelPrice: string | null;
  /** From the page printing the price to the panel printing it, ms. */
  readonly lagMillis: number | null;
}

/** Record both prints for `millis` and match each page price with the panel's first showing of it after. */
export async function recordPanelInStep(market: Page, frame: Frame, millis: number): Promise<StepMatch[]> {
  const [pagePrints, panelPrints] = await Promise.all([
    recordTexts(market, MARKET_PRICE_SELECTOR, millis),
    recordTexts(frame, '.tr-price', millis),
  ]);
  // The first print of each is what was on screen when the recording began: not a change.
  return pagePrints.slice(1).map(([price, at]) => {
    const shown = panelPrints.find(([text, when]) => text === price && when >= at);
    return {
      pagePrice: price,
      panelPrice: shown?.[0] ?? null,
      lagMillis: shown === undefined ? null : shown[1] - at,
    };
  });
}

/** The demo step: prints the last few page prices beside the panel's, and how all of them kept step. */
export async function showPanelInStep(market: Page, extensionId: string): Promise<void> {
  const frame = panelFrame(market, extensionId);
  if (frame === undefined) {
    console.error('  the on-page panel is not on the market page');
    return;
  }
  console.log(`\nThe panel in step with the page (${RECORD_MILLIS / 1000} s of the market):`);
  const matches = await recordPanelInStep(market, frame, RECORD_MILLIS);
  for (const match of matches.slice(-5)) {
    const panel =
      match.panelPrice === null ? 'never shown' : `${match.panelPrice}, ${match.lagMillis} ms later`;
    console.log(`  page ${match.pagePrice.padStart(8)} · panel ${panel}`);
  }
  const lags = matches
    .flatMap((match) => (match.lagMillis === null ? [] : [match.lagMillis]))
    .sort((a, b) => a - b);
  const median = lags[Math.floor(lags.length / 2)] ?? null;
  console.log(
    `  ${lags.length} of ${matches.length} page prices shown by the panel` +
      (median === null ? '' : ` (median ${median} ms, slowest ${lags.at(-1)} ms)`),
  );
}

/** The page's price and the panel's, as printed now. */
async function printedPrices(market: Page, frame: Frame): Promise<[string | null, string | null]> {
  return [await market.locator(MARKET_PRICE_SELECTOR).textContent(), await panelPrice(frame)];
}

/** Reads of both prices, a frame apart, while the held market waits for the panel. */
const IN_STEP_READS = 30;

/**
 * A picture of the market page with the panel at the page's price: the demo market is held
 * still, the panel is given a moment to show the page's price, and the picture is taken
 * then (or after the bounded wait, as it is); then the market moves on.
 */
export async function screenshotInStep(market: Page, extensionId: string, path: string): Promise<void> {
  const frame = panelFrame(market, extensionId);
  // A tab behind the popup's and the planner's is painted late: the trader's tab is in front.
  await market.bringToFront();
  await market.evaluate(() => {
    (window as unknown as { trancheDemoHeld?: boolean }).trancheDemoHeld = true;
  });
  try {
    for (let read = 0; frame !== undefined && read < IN_STEP_READS; read += 1) {
      const [pagePrice, shown] = await printedPrices(market, frame);
      if (pagePrice === shown) break;
      await market.waitForTimeout(16);
    }
    await market.screenshot({ path });
  } finally {
    await market.evaluate(() => {
      (window as unknown as { trancheDemoHeld?: boolean }).trancheDemoHeld = false;
    });
  }
}
