import { resolve } from 'node:path';

import type { BrowserContext, Page } from 'playwright-core';

/*
 * The bench market (market.html, market.js): one page, served by request interception at
 * Binance's futures address, where the content script reads it, or at an address no
 * content script matches, for the same page without the extension.
 */

const MARKET_DIR = resolve('bench/browser');
const CHART_LIBRARY = resolve(
  'node_modules/lightweight-charts/dist/lightweight-charts.standalone.production.js',
);

/** The market of `symbol` where the extension reads it. */
export function exchangeUrl(symbol: string): string {
  return `https://www.binance.com/en/futures/${symbol}`;
}

/** The same page where no content script runs (`.invalid` is never a real host). */
export function unwatchedUrl(symbol: string): string {
  return `https://market.tranche-bench.invalid/en/futures/${symbol}`;
}

/** Answer both addresses, and the page's two scripts, from this folder. */
export async function serveMarket(context: BrowserContext): Promise<void> {
  for (const pattern of [exchangeUrl('*'), unwatchedUrl('*')]) {
    await context.route(pattern, (route) =>
      route.fulfill({ path: `${MARKET_DIR}/market.html`, contentType: 'text/html; charset=utf-8' }),
    );
  }
  await context.route('**/tranche-bench/market.js', (route) =>
    route.fulfill({ path: `${MARKET_DIR}/market.js`, contentType: 'text/javascript' }),
  );
  await context.route('**/tranche-bench/lightweight-charts.js', (route) =>
    route.fulfill({ path: CHART_LIBRARY, contentType: 'text/javascript' }),
  );
}

interface MarketScript {
  show(display: string): number;
  play(displays: readonly string[], intervalMillis: number): Promise<number[]>;
}

/** One price change now; its instant on the page's high-resolution clock. */
export function showPrice(page: Page, display: string): Promise<number> {
  return page.evaluate(
    (shown) => (window as unknown as { trancheBench: MarketScript }).trancheBench.show(shown),
    display,
  );
}

/** A change every `intervalMillis`, paced by the page itself; the instant of each. */
export function playPrices(
  page: Page,
  displays: readonly string[],
  intervalMillis: number,
): Promise<number[]> {
  return page.evaluate(
    ([shown, interval]) =>
      (window as unknown as { trancheBench: MarketScript }).trancheBench.play(shown, interval),
    [displays, intervalMillis] as const,
  );
}
