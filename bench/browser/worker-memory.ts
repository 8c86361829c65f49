import type { CDPSession } from 'playwright-core';

import { launchExtension, type ExtensionSession } from '../../scripts/launch-chromium';
import { seededRandom } from '../seeded-random';
import { contentWorld, type ContentWorld } from './content-world';
import { confirmWaiting, openControlPage, importAndArm, planStatuses } from './extension-control';
import { exchangeUrl, serveMarket } from './market';
import { breakoutPlan, priceAt, VENUE, type Market } from './market-plans';
import { attachToTarget } from './target-session';

/*
 * workerMemoryMb: the service worker's JavaScript heap with 20 active plans after 10,000
 * ticks. Four markets, five plans each; every plan is made active the way a trader does
 * it (the price crosses its entry, the entry is confirmed), then each market's page sends
 * 2,500 ticks of a random walk that stays between the plans' entries and their adds, all
 * four at once. The ticks come from the content script's own world (./content-world.ts),
 * so the worker gets them as fast as it takes them. The heap is read from the DevTools
 * protocol after a full garbage collection (`HeapProfiler.collectGarbage`,
 * `Runtime.getHeapUsage` `usedSize`): what the worker keeps, not what it has not yet freed.
 */

const MARKETS: readonly (Market & { readonly startTicks: number })[] = [
  { symbol: 'BTCUSDT', places: 1, startTicks: 600_000 },
  { symbol: 'ETHUSDT', places: 2, startTicks: 300_000 },
  { symbol: 'SOLUSDT', places: 2, startTicks: 15_000 },
  { symbol: 'BNBUSDT', places: 2, startTicks: 60_000 },
];
const PLANS_PER_MARKET = 5;
const TICKS = 10_000;
const MEGABYTE = 1024 * 1024;

export interface WorkerMemoryFigures {
  /** The heap after the ticks, MB (2^20 bytes). */
  readonly mb: number;
  /** The heap with the plans active, before the ticks, MB. */
  readonly beforeTicksMb: number;
  readonly plans: number;
  readonly ticks: number;
  /** Ticks the worker took per second, the four pages together. */
  readonly ticksPerSecond: number;
}

/** Entries 0.1 %…0.5 % above the start, stops 3 % below it: adds lie ~3 % above, out of the walk's reach. */
function marketPlans(market: (typeof MARKETS)[number]) {
  return Array.from({ length: PLANS_PER_MARKET }, (_, index) =>
    breakoutPlan(market, `Bench ${market.symbol} ${index + 1}`, {
      entryTicks: Math.round(market.startTicks * (1 + (index + 1) / 1000)),
      stopTicks: Math.round(market.startTicks * 0.97),
      approachPercent: '0.25',
    }),
  );
}

/** A walk of one tick up or down per tick from 1 % above the start. */
function walk(market: (typeof MARKETS)[number], count: number, seed: number): string[] {
  const random = seededRandom(seed);
  let ticks = Math.round(market.startTicks * 1.01);
  return Array.from({ length: count }, () => {
    ticks += random() < 0.5 ? -1 : 1;
    return priceAt(market, ticks);
  });
}

async function heapMegabytes(browserSession: CDPSession, session: ExtensionSession): Promise<number> {
  const { targetInfos } = await browserSession.send('Target.getTargets');
  const worker = targetInfos.find((info) => info.url === session.serviceWorker.url());
  if (worker === undefined) throw new Error('the service worker has no DevTools target');
  const target = await attachToTarget(browserSession, worker.targetId);
  try {
    await target.send('HeapProfiler.collectGarbage');
    const usage = await target.send<{ usedSize: number }>('Runtime.getHeapUsage');
    return usage.usedSize / MEGABYTE;
  } finally {
    await target.detach();
  }
}

export async function measureWorkerMemory(): Promise<WorkerMemoryFigures> {
  const session = await launchExtension();
  const browser = session.context.browser();
  if (browser === null) throw new Error('the persistent context has no browser to send DevTools commands to');
  const browserSession = await browser.newBrowserCDPSession();
  try {
    await serveMarket(session.context);
    const control = await openControlPage(session);
    const worlds: { market: (typeof MARKETS)[number]; world: ContentWorld }[] = [];
    for (const market of MARKETS) {
      await importAndArm(control, marketPlans(market));
      const page = await session.context.newPage();
      await page.goto(exchangeUrl(market.symbol));
      const world = await contentWorld(page, session.extensionId);
      await world.sendTicks({ venue: VENUE, symbol: market.symbol }, [
        priceAt(market, market.startTicks),
        priceAt(market, Math.round(market.startTicks * 1.01)),
      ]);
      worlds.push({ market, world });
    }
    await confirmWaiting(control);
    const statuses = [...(await planStatuses(control)).values()];
    const active = statuses.filter((status) => status === 'active').length;
    if (active !== MARKETS.length * PLANS_PER_MARKET) {
      throw new Error(`the memory bench wants ${MARKETS.length * PLANS_PER_MARKET} active plans: ${active}`);
    }
    await control.close();
    const beforeTicksMb = await heapMegabytes(browserSession, session);

    const started = Date.now();
    await Promise.all(
      worlds.map(({ market, world }, index) =>
        world.sendTicks(
          { venue: VENUE, symbol: market.symbol },
          walk(market, TICKS / MARKETS.length, index + 1),
        ),
      ),
    );
    const seconds = (Date.now() - started) / 1000;
    const mb = await heapMegabytes(browserSession, session);
    return {
      mb,
      beforeTicksMb,
      plans: active,
      ticks: TICKS,
      ticksPerSecond: TICKS / seconds,
    };
  } finally {
    await browserSession.detach().catch(() => undefined);
    await session.close();
  }
}
