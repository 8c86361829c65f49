import { join } from 'node:path';

import type { Frame, Locator, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';

import {
  openPopup,
  playNextPrice,
  RESULTS_DIR,
  serveFixtures,
  useExtension,
  waitFor,
  writeLocalStorage,
  type ExtensionSession,
} from './harness';
import { SURFACES_PLAN } from './surfaces-plan';
import { WorkerProbe } from './worker-probe';

/** The extension API as code evaluated in an extension page sees it. */
declare const chrome: typeof Browser;

/*
 * Adjusting a live trade from the on-page panel, in the built extension: the trader
 * tightens the stop (preview, then applied), takes a third off, tries to widen the stop
 * (refused), then widens it with a reason. The service worker is stopped once in the
 * middle; the exported journal holds every step once. Then, on the planner's live chart,
 * the stop line dragged up is previewed and applied, and dragged down it is refused.
 *
 * The plan (./surfaces-plan.ts): long BTCUSDT, entry 60,000.0, stop 59,000.0 → R = 1,000,
 * entry qty 0.100. The fixture page plays 59,950, 60,010 (the entry triggers and is
 * confirmed at 60,000.0), then 60,500.
 */

/** With a support the panel lists and the planner's chart draws. */
const PLAN = { ...SURFACES_PLAN, levels: [{ price: '59800', label: 'support' }] };
const BINANCE_URL = 'https://www.binance.com/en/futures/BTCUSDT';
const REASON = 'CPI at 14:30: room below the 59,250 wick';

const extension = useExtension(
  async (launched) => {
    await serveFixtures(launched.context, {
      'https://www.binance.com/en/futures/**': 'binance-surfaces.html',
    });
    // No stale alert while the test pauses between prices.
    await writeLocalStorage(launched, {
      'watch-settings': { version: 1, staleAfterSeconds: 600, jumpHoldPercent: 20 },
    });
  },
  // The probe's own DevTools connection stops the worker (./worker-probe.ts).
  { args: ['--remote-debugging-port=0'] },
);

let session: ExtensionSession;
beforeEach(async () => {
  session = await extension();
});

function send(page: Page, message: object): Promise<unknown> {
  return page.evaluate((request) => chrome.runtime.sendMessage(request), message);
}

function overlayFrame(page: Page): Promise<Frame> {
  const prefix = `chrome-extension://${session.extensionId}/overlay.html?`;
  return waitFor('the panel’s frame', async () =>
    page.frames().find((frame) => frame.url().startsWith(prefix)),
  );
}

/** The "Now" and "After" cells of a row of the preview (in the panel's frame, or the planner's live trade). */
async function previewRow(within: Frame | Locator, row: string): Promise<string[]> {
  const table = within.getByRole('table', { name: 'Effect of the adjustment' });
  await table.waitFor();
  return table
    .getByRole('row', { name: new RegExp(`^${row}`) })
    .locator('td')
    .allInnerTexts();
}

/**
 * Drags the stop line of a live chart by `pixels` (up is negative). The line is found as
 * the chart shows it to the trader: the band of heights where the pointer turns into the
 * drag cursor; the drag starts in its middle.
 */
async function dragStopLine(page: Page, chart: Locator, pixels: number): Promise<void> {
  const box = await chart.boundingBox();
  if (box === null) throw new Error('the live chart is not shown');
  const x = box.x + box.width / 2;
  const band = await chart.evaluate((element, left) => {
    const top = element.getBoundingClientRect().top;
    const grabbing: number[] = [];
    for (let y = 0; y < element.clientHeight; y += 1) {
      element.dispatchEvent(
        new PointerEvent('pointermove', { clientX: left, clientY: top + y, bubbles: true }),
      );
      if (element.style.cursor === 'ns-resize') grabbing.push(y);
    }
    return grabbing;
  }, x);
  expect(band.length, 'the stop line is on the chart').toBeGreaterThan(0);
  const y = box.y + (Math.min(...band) + Math.max(...band)) / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x, y + pixels, { steps: 5 });
  await page.mouse.up();
}

/** A price as the panel shows it ("59,480.1"), as a number. */
const priceOf = (shown: string | undefined) => Number((shown ?? '').replaceAll(',', ''));

interface JournalEntry {
  readonly event: string;
  readonly input: Record<string, unknown>;
  readonly effects: Record<string, unknown>[];
  readonly revision?: { from: number; to: number };
  readonly changes?: string[];
}

describe('adjusting a live trade from the on-page panel', () => {
  it('tightens the stop, takes a third off, is refused a wider stop, then widens it with a reason; the journal holds each once; the planner’s stop drag is guarded too', async () => {
    const popup = await openPopup(session);
    const probe = await WorkerProbe.attach(session, popup);
    try {
      const imported = (await send(popup, { type: 'plan-import', plan: PLAN })) as { id: string };
      expect(await send(popup, { type: 'plan-action', id: imported.id, action: 'arm' })).toEqual({
        ok: true,
      });
      const id = imported.id;

      const page = await session.context.newPage();
      await page.setViewportSize({ width: 1280, height: 1000 });
      await page.goto(BINANCE_URL);
      const frame = await overlayFrame(page);
      await playNextPrice(session, page, '59950');
      await playNextPrice(session, page, '60010');
      await frame.getByRole('button', { name: 'Confirm fill' }).click();
      await playNextPrice(session, page, '60500');
      const adjust = frame.getByRole('region', { name: 'Adjust the BTCUSDT trade' });
      await adjust.waitFor();

      // Tighten: the preview first, nothing changed yet; then applied.
      await adjust.getByRole('button', { name: 'Stop', exact: true }).click();
      await adjust.getByLabel('Stop price').fill('59500');
      await adjust.getByRole('button', { name: 'Preview' }).click();
      await frame.getByRole('table', { name: 'Effect of the adjustment' }).waitFor();
      expect(await previewRow(frame, 'Stops')).toEqual(['59,000.0', '59,500.0']);
      // 0.1 × (60,000 − 59,000) = 100, 1 % of 10,000, 1R; then 0.1 × 500 = 50.
      expect(await previewRow(frame, 'Open risk')).toEqual(['100', '50']);
      expect(await previewRow(frame, '… of equity')).toEqual(['1.00%', '0.50%']);
      expect(await previewRow(frame, '… in R')).toEqual(['1.00R', '0.50R']);
      await adjust.screenshot({ path: join(RESULTS_DIR, 'adjust-preview.png') });
      await adjust.getByRole('button', { name: 'Apply' }).click();
      await adjust.getByText(/^Applied: /).waitFor();

      // The worker stops, as Chrome stops an idle one; the next adjustment wakes it.
      await probe.stopWorker();

      // A third off at the last price: 0.1 / 3 = 0.0333…, down to the lot step: 0.033.
      await adjust.getByRole('button', { name: 'Take off' }).click();
      await adjust.getByRole('button', { name: 'A third' }).click();
      await adjust.getByText('Sell 0.033 at 60,500.0 now').waitFor();
      await adjust.getByRole('button', { name: 'Apply' }).click();
      await adjust.getByText(/^Applied: /).waitFor();

      // Wider: the preview warns, the apply is refused, the reason lifts it.
      await adjust.getByRole('button', { name: 'Stop', exact: true }).click();
      await adjust.getByLabel('Stop price').fill('59200');
      await adjust.getByRole('button', { name: 'Preview' }).click();
      expect(await adjust.getByRole('alert').innerText()).toMatch(/against the trade/);
      await adjust.getByRole('button', { name: 'Apply' }).click();
      await adjust.getByText(/Refused, and kept in the journal/).waitFor();
      await adjust.getByLabel(/Why go against the plan/).fill(REASON);
      await adjust.getByRole('button', { name: 'Override and apply' }).click();
      await adjust.getByText(/^Applied: /).waitFor();

      const exported = (await send(popup, { type: 'plan-export', id })) as {
        ok: boolean;
        journal: JournalEntry[];
        journalCsv: string;
      };
      expect(exported.ok).toBe(true);
      const adjusted = exported.journal.filter((entry) => entry.event === 'adjust');
      expect(
        adjusted.map((entry) => [
          entry.input['action'],
          entry.input['price'] ?? entry.input['share'],
          entry.input['override'] ?? null,
          entry.revision,
          entry.effects.map((effect) => effect['type']).join(' '),
        ]),
      ).toEqual([
        ['stop', '59500', null, { from: 0, to: 1 }, 'adjusted'],
        ['exitNow', '0.3333333333', null, { from: 1, to: 2 }, 'fill adjusted'],
        ['stop', '59200', null, { from: 2, to: 2 }, 'refused'],
        ['stop', '59200', REASON, { from: 2, to: 3 }, 'adjusted'],
      ]);
      const manualFills = exported.journal
        .flatMap((entry) => entry.effects)
        .filter((effect) => effect['type'] === 'fill' && effect['tranche'] === 'manual');
      expect(manualFills).toHaveLength(1);
      expect(manualFills[0]).toMatchObject({ side: 'sell', price: '60500', qty: '0.033' });
      expect(exported.journalCsv).toContain(REASON);
      expect(exported.journalCsv).toContain('v3 → v4');
      expect(exported.journalCsv).toMatch(/against the trade/);

      // What the panel shows after it all: 0.067 left, every lot's stop at 59,200.0; the
      // support 700 under 60,500: 700 / 60,500 = 1.16 %; the entry's fill to correct.
      await frame
        .locator('dl.tr-grid')
        .getByText(/0\.067 @ 60,000\.0/)
        .waitFor();
      expect(await frame.getByLabel('Key levels').innerText()).toBe('Key levels support 59,800.0 · 1.16%');
      await frame.getByText('Correct a confirmed fill').click();
      const correct = frame.getByRole('form', { name: 'Correct a confirmed fill' });
      await correct.waitFor();
      expect(await correct.locator('option').allInnerTexts()).toEqual(['entry: 0.100 @ 60,000.0']);
      await frame.locator('.tr-card').screenshot({ path: join(RESULTS_DIR, 'adjust-panel-card.png') });

      // The planner: the account heat set there, the live trade drawn; the popup shows the heat.
      // Open risk 0.067 × (60,000 − 59,200) = 53.6 of a cap of 2 % of 10,000 = 200: 26.80 %.
      const planner = await session.context.newPage();
      await planner.setViewportSize({ width: 1100, height: 900 });
      await planner.goto(`chrome-extension://${session.extensionId}/options.html`);
      const heatForm = planner.getByRole('form', { name: 'Account heat setting' });
      await heatForm.getByLabel('Equity', { exact: true }).fill('10000');
      await heatForm.getByLabel('Cap, % of equity').fill('2');
      await heatForm.getByRole('button', { name: 'Save' }).click();
      const heatText = '53.6 of 200 (26.80% of the 2% cap)';
      await planner.getByRole('group', { name: 'Account heat' }).getByText(heatText).waitFor();
      const live = planner.locator('.tr-live[data-plan]');
      await live.waitFor();
      await live.screenshot({ path: join(RESULTS_DIR, 'adjust-planner.png') });
      await popup.reload();
      await popup.getByRole('group', { name: 'Account heat' }).getByText(heatText).waitFor();
      await popup.locator('main').screenshot({ path: join(RESULTS_DIR, 'adjust-popup.png') });

      // The planner's live chart: the stop line dragged up is previewed beside it, then
      // applied; dragged below the stop, the guard refuses it.
      await planner.bringToFront();
      const chart = live.locator('.tr-chart');
      await dragStopLine(planner, chart, -15);
      const [stopNow, stopDragged] = await previewRow(live, 'Stops');
      expect(stopNow).toBe('59,200.0');
      expect(priceOf(stopDragged)).toBeGreaterThan(59200);
      expect(priceOf(stopDragged)).toBeLessThan(60000);
      await live.screenshot({ path: join(RESULTS_DIR, 'adjust-planner-drag.png') });
      await live.getByRole('button', { name: 'Apply' }).click();
      await live.getByText(/^Applied: /).waitFor();
      // Redrawn at the new stop before the next drag.
      await live.getByRole('img', { name: `Stop ${stopDragged ?? ''},`, exact: false }).waitFor();
      await dragStopLine(planner, chart, 40);
      expect((await previewRow(live, 'Stops'))[0]).toBe(stopDragged);
      expect(await live.getByRole('alert').innerText()).toMatch(/against the trade/);
      await live.getByRole('button', { name: 'Apply' }).click();
      await live.getByText(/Refused, and kept in the journal/).waitFor();
      const dragged = (
        (await send(popup, { type: 'plan-export', id })) as { journal: JournalEntry[] }
      ).journal
        .filter((entry) => entry.event === 'adjust')
        .slice(-2)
        .map((entry) => [entry.input['action'], entry.effects.map((effect) => effect['type']).join(' ')]);
      expect(dragged).toEqual([
        ['stop', 'adjusted'],
        ['stop', 'refused'],
      ]);
    } finally {
      await probe.close();
    }
  });
});
