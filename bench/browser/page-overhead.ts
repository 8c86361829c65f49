import type { CDPSession, Page } from 'playwright-core';

import { formatAtStep } from '../../lib/format';
import { launchExtension } from '../../scripts/launch-chromium';
import { median } from '../measure';
import { seededRandom } from '../seeded-random';
import { importAndArm, openControlPage } from './extension-control';
import { exchangeUrl, playPrices, serveMarket, unwatchedUrl } from './market';
import { breakoutPlan, priceAt, tickSizeOf, type Market } from './market-plans';

/*
 * pageOverhead: what the extension costs the page it reads. The bench market changes its
 * price 20 times a second for 10 s, in two tabs of one browser: at Binance's address, where
 * the content script reads it and the panel is framed (a plan for the symbol is armed), and
 * at an address no content script matches. The page's main-thread script time is read from
 * the DevTools protocol (`Performance.getMetrics` `ScriptDuration`, in thread time, so a busy
 * other core does not count) before and after each 10 s; the two tabs take turns, the
 * first of each round alternating, and the figure is the median of the rounds' ratios.
 * The tab being measured is brought to the front first: a tab behind another gets no
 * animation frames, so its chart would not draw (two identical tabs measured without it
 * differ by a third; with it, by a few percent).
 * The panel's frame is an extension page in the extension's process: its work is not the
 * page's, only the host element it sits in.
 */

const MARKET: Market = { symbol: 'ETHUSDT', places: 2 };
const CHANGES = 200;
const INTERVAL_MILLIS = 50;
const WARMUP_CHANGES = 100;
const ROUNDS = 6;

export interface PageOverheadFigures {
  /** Script time with the extension / without, median over the rounds. */
  readonly ratio: number;
  /** The lowest and highest of the rounds' ratios: how far one round can be off. */
  readonly roundRatios: { readonly min: number; readonly max: number };
  /** The page's own script time per second of changes, without the extension (median), ms. */
  readonly withoutMsPerSecond: number;
  /** The same with the extension, ms. */
  readonly withMsPerSecond: number;
  readonly rounds: number;
}

/** A random walk of a few cents a change around 3,000.00: a market that moves without crossing a level. */
function walk(count: number, seed: number): string[] {
  const random = seededRandom(seed);
  const displays: string[] = [];
  let ticks = 300_000;
  for (let change = 0; change < count; change += 1) {
    ticks += Math.floor(random() * 11) - 5;
    displays.push(formatAtStep(priceAt(MARKET, ticks), tickSizeOf(MARKET)));
  }
  return displays;
}

interface MeteredPage {
  readonly page: Page;
  readonly cdp: CDPSession;
}

async function openMetered(page: Page, url: string): Promise<MeteredPage> {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(url);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return { page, cdp };
}

async function scriptSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const script = metrics.find((metric) => metric.name === 'ScriptDuration');
  if (script === undefined) throw new Error('Performance.getMetrics gave no ScriptDuration');
  return script.value;
}

/** The page's script time, in ms per second, while it plays `displays`. */
async function meter(target: MeteredPage, displays: readonly string[]): Promise<number> {
  await target.page.bringToFront();
  const before = await scriptSeconds(target.cdp);
  await playPrices(target.page, displays, INTERVAL_MILLIS);
  const after = await scriptSeconds(target.cdp);
  return ((after - before) * 1000) / ((displays.length * INTERVAL_MILLIS) / 1000);
}

export async function measurePageOverhead(): Promise<PageOverheadFigures> {
  const session = await launchExtension();
  try {
    await serveMarket(session.context);
    const control = await openControlPage(session);
    await importAndArm(control, [
      breakoutPlan(MARKET, 'Bench: ETH above 3,100', {
        entryTicks: 310_000,
        stopTicks: 300_000 - 5_000,
        approachPercent: '0.25',
      }),
    ]);
    await control.close();
    const watched = await openMetered(await session.context.newPage(), exchangeUrl(MARKET.symbol));
    const unwatched = await openMetered(await session.context.newPage(), unwatchedUrl(MARKET.symbol));
    const warmup = walk(WARMUP_CHANGES, 1);
    for (const target of [watched, unwatched]) {
      await target.page.bringToFront();
      await playPrices(target.page, warmup, INTERVAL_MILLIS);
    }

    const ratios: number[] = [];
    const withMillis: number[] = [];
    const withoutMillis: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const displays = walk(CHANGES, 100 + round);
      const isWatchedFirst = round % 2 === 0;
      const first = await meter(isWatchedFirst ? watched : unwatched, displays);
      const second = await meter(isWatchedFirst ? unwatched : watched, displays);
      const [withExtension, without] = isWatchedFirst ? [first, second] : [second, first];
      withMillis.push(withExtension);
      withoutMillis.push(without);
      ratios.push(withExtension / without);
    }
    return {
      ratio: median(ratios),
      roundRatios: { min: Math.min(...ratios), max: Math.max(...ratios) },
      withoutMsPerSecond: median(withoutMillis),
      withMsPerSecond: median(withMillis),
      rounds: ROUNDS,
    };
  } finally {
    await session.close();
  }
}
