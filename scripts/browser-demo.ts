import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { Browser } from 'wxt/browser';

import { Decimal, toCanonical } from '../lib/decimal';
import { parseCsv } from '../lib/sim/csv';
import { screenshotInStep, showPanelInStep } from './demo/panel-step';
import { runAdjustStep } from './demo/adjust-step';
import { runQuickPlanStep } from './demo/quick-plan-step';
import { chromiumPath, launchExtension } from './launch-chromium';

/** The extension API as code evaluated in the service worker or an extension page sees it. */
declare const chrome: typeof Browser;

/*
 * The demo market: the built extension in Chromium on an exchange page at its real URL,
 * answered locally with a scripted price path (nothing leaves the machine). The example
 * pyramid plan is imported and armed; every notification is printed as it appears and
 * confirmed at its suggested price, as a trader would; screenshots go to demo-output/.
 */

const MARKET_URL = 'https://www.binance.com/en/futures/SOLUSDT';
const PLAN_FILE = 'examples/plans/pyramid.json';
const DATA_FILE = 'examples/data/pyramid-ticks.csv';
const OUTPUT_DIR = resolve('demo-output');
/** The path moves one price step per frame: small enough to look like a live market. */
const PRICE_STEP = new Decimal('0.2');
const STEP_MILLIS = 70;
const DEMO_TIMEOUT_MILLIS = 90_000;

interface Alert {
  readonly kind: string;
  readonly tranche: string;
  readonly text: string;
}

export async function runBrowserDemo(): Promise<number> {
  console.log('\nDemo market · building the extension');
  const build = spawnSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) {
    console.error('the extension did not build');
    return 1;
  }
  if (!ensureChromium()) return 1;
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const isHeadless = !process.env['DISPLAY'];
  // Traders watch dark charts: the demo's browser uses a dark system theme.
  const session = await launchExtension({ headless: isHeadless, colorScheme: 'dark' });
  try {
    const { context, extensionId, serviceWorker } = session;
    console.log(`Chromium ${isHeadless ? 'headless' : 'with a window'} · extension ${extensionId}`);
    await context.route(MARKET_URL, (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: marketPage() }),
    );
    await context.route('https://www.binance.com/tranche-demo/lightweight-charts.js', (route) =>
      route.fulfill({
        contentType: 'text/javascript',
        path: resolve('node_modules/lightweight-charts/dist/lightweight-charts.standalone.production.js'),
      }),
    );

    const planner = await context.newPage();
    await planner.setViewportSize({ width: 1100, height: 760 });
    await planner.goto(`chrome-extension://${extensionId}/options.html`);
    const planFile: unknown = JSON.parse(readFileSync(PLAN_FILE, 'utf8'));
    const imported = await ask<{ ok: boolean; id?: string; error?: string; problems?: string[] }>(planner, {
      type: 'plan-import',
      plan: planFile,
    });
    if (!imported.ok || imported.id === undefined) {
      console.error(
        `the example plan was refused: ${imported.error ?? ''} ${(imported.problems ?? []).join('; ')}`,
      );
      return 1;
    }
    const planId = imported.id;
    await ask(planner, { type: 'plan-action', id: planId, action: 'arm' });
    console.log(`imported and armed ${PLAN_FILE} (plan ${planId})`);
    await planner.reload();
    await planner.screenshot({ path: join(OUTPUT_DIR, 'planner.png') });

    const market = await context.newPage();
    await market.setViewportSize({ width: 1280, height: 720 });
    console.log(`opening ${MARKET_URL} (the demo market)\n`);
    await market.goto(MARKET_URL);

    const seen = new Set<string>();
    let printedAlerts = 0;
    let confirmations = 0;
    let hasPopupShot = false;
    let hasOverlayShot = false;
    const started = Date.now();
    for (;;) {
      await market.waitForTimeout(150);
      const notifications = await serviceWorker.evaluate(async () => {
        const all = await chrome.notifications.getAll();
        return Object.keys(all);
      });
      // The view first: every tranche it shows waiting was journaled in the same write.
      const view = await ask<{ ok: boolean; plans?: PlanSummary[] }>(planner, {
        type: 'plans-view',
        isAll: true,
      });
      const plan = view.plans?.find((candidate) => candidate.id === planId);
      const alerts = await journalAlerts(serviceWorker, planId);
      for (const alert of alerts.slice(printedAlerts)) {
        console.log(`  ALERT ${alert.kind.padEnd(8)} ${alert.text}`);
      }
      printedAlerts = alerts.length;
      for (const id of notifications) {
        if (!seen.has(id)) seen.add(id);
      }
      for (const waiting of plan?.waiting ?? []) {
        if (!hasPopupShot) {
          await screenshotPopup(session.context, extensionId, join(OUTPUT_DIR, 'popup-triggered.png'));
          hasPopupShot = true;
        }
        const reply = await ask<{ ok: boolean; error?: string }>(planner, {
          type: 'plan-fill',
          id: planId,
          tranche: waiting.tranche,
          requestId: `demo-${planId}-${waiting.tranche}-${confirmations}`,
        });
        confirmations += 1;
        console.log(
          `  FILL  ${waiting.label}: ${waiting.side} ${waiting.qty} at ${waiting.price} ${reply.ok ? 'confirmed' : `refused: ${reply.error ?? ''}`}`,
        );
      }
      if (!hasOverlayShot && plan?.status === 'active') {
        hasOverlayShot = true;
        await showPanelInStep(market, extensionId);
        await screenshotInStep(market, extensionId, join(OUTPUT_DIR, 'market-with-overlay.png'));
        await runAdjustStep(planner, market, planId, OUTPUT_DIR);
      }
      const isDone = await market.evaluate(
        () => (window as unknown as { trancheDemoDone?: boolean }).trancheDemoDone === true,
      );
      if ((isDone && (plan?.waiting.length ?? 0) === 0) || plan?.status === 'closed') {
        console.log('');
        console.log(
          `plan ${plan?.status ?? '?'} · position ${plan?.position ?? '?'} · realized P&L ${plan?.realizedPnl ?? '?'} · ${seen.size} notifications shown, ${confirmations} fills confirmed`,
        );
        break;
      }
      if (Date.now() - started > DEMO_TIMEOUT_MILLIS) {
        console.error('the demo market did not finish in time');
        return 1;
      }
    }
    // The panel is sent its view within a frame of the close: a moment, then the picture.
    await market.waitForTimeout(300);
    await market.screenshot({ path: join(OUTPUT_DIR, 'market-end.png') });
    await screenshotPopup(session.context, extensionId, join(OUTPUT_DIR, 'popup-end.png'));
    await planner.reload();
    await planner.screenshot({ path: join(OUTPUT_DIR, 'planner-end.png') });
    console.log(
      `screenshots: ${OUTPUT_DIR}/{planner,popup-triggered,market-with-overlay,market-end,popup-end,planner-end}.png`,
    );
    const isQuickPlanned = await runQuickPlanStep({
      context,
      extensionId,
      serviceWorker,
      marketUrl: MARKET_URL,
      outputDir: OUTPUT_DIR,
    });
    return confirmations > 0 && isQuickPlanned ? 0 : 1;
  } finally {
    await session.close();
  }
}

/**
 * The demo is the first command on a fresh machine: as root with apt, it installs Debian's
 * Chromium itself (the same line the README's test command runs); otherwise it says how.
 */
function ensureChromium(): boolean {
  try {
    chromiumPath();
    return true;
  } catch (error) {
    const isRoot = process.getuid?.() === 0;
    if (!isRoot || spawnSync('which', ['apt-get']).status !== 0 || process.env['CHROMIUM_PATH']) {
      console.error((error as Error).message);
      return false;
    }
    console.log('Chromium is not installed: apt-get update && apt-get install -y chromium');
    const install = spawnSync('sh', ['-c', 'apt-get update && apt-get install -y chromium'], {
      stdio: 'inherit',
    });
    return install.status === 0;
  }
}

interface PlanSummary {
  readonly id: string;
  readonly status: string;
  readonly position: string;
  readonly realizedPnl: string;
  readonly waiting: { tranche: string; label: string; price: string; qty: string; side: string }[];
}

/** A request from an extension page, as the popup and planner send them. */
function ask<T = unknown>(page: Page, request: Record<string, unknown>): Promise<T> {
  return page.evaluate((message) => chrome.runtime.sendMessage(message), request) as Promise<T>;
}

async function journalAlerts(serviceWorker: Worker, planId: string): Promise<Alert[]> {
  return serviceWorker.evaluate(async (id) => {
    const key = `journal/${id}`;
    const stored = (await chrome.storage.local.get(key))[key] as
      { effects: { type: string; kind?: string; tranche?: string; text?: string }[] }[] | undefined;
    return (stored ?? []).flatMap((entry) =>
      entry.effects
        .filter((effect) => effect.type === 'alert')
        .map((effect) => ({
          kind: effect.kind ?? '',
          tranche: effect.tranche ?? '',
          text: effect.text ?? '',
        })),
    );
  }, planId);
}

async function screenshotPopup(context: BrowserContext, extensionId: string, file: string): Promise<void> {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 640 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.waitForTimeout(400);
  await popup.screenshot({ path: file, fullPage: true });
  await popup.close();
}

/** The market page with the example's price path, one price step per frame. */
function marketPage(): string {
  const data = parseCsv(readFileSync(DATA_FILE, 'utf8'), DATA_FILE);
  if (data.kind !== 'ticks') throw new Error(`${DATA_FILE} must hold ticks`);
  const points: [number, string][] = [];
  let time = Math.floor(Date.UTC(2026, 2, 2, 14) / 1000);
  data.rows.forEach(({ price }, index) => {
    const from = new Decimal(index === 0 ? price : (data.rows[index - 1]?.price ?? price));
    const to = new Decimal(price);
    const steps = Math.max(1, to.minus(from).abs().div(PRICE_STEP).ceil().toNumber());
    for (let step = index === 0 ? steps : 1; step <= steps; step += 1) {
      const value = from.plus(to.minus(from).mul(step).div(steps)).toDecimalPlaces(2);
      points.push([(time += 1), toCanonical(value)]);
    }
  });
  const html = readFileSync(resolve('scripts/demo/market.html'), 'utf8');
  return html.replace(
    '__DEMO_PATH__',
    JSON.stringify({ symbol: 'SOLUSDT', stepMillis: STEP_MILLIS, points }),
  );
}
