import { join } from 'node:path';

import type { Frame, Page } from 'playwright-core';
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
 * middle; the exported journal holds every step once.
 *
 * The plan (./surfaces-plan.ts): long BTCUSDT, entry 60,000.0, stop 59,000.0 → R = 1,000,
 * entry qty 0.100. The fixture page plays 59,950, 60,010 (the entry triggers and is
 * confirmed at 60,000.0), then 60,500.
 */

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

/** The "Now" and "After" cells of a row of the preview. */
async function previewRow(frame: Frame, row: string): Promise<string[]> {
  return frame
    .getByRole('table', { name: 'Effect of the adjustment' })
    .getByRole('row', { name: new RegExp(`^${row}`) })
    .locator('td')
    .allInnerTexts();
}

interface JournalEntry {
  readonly event: string;
  readonly input: Record<string, unknown>;
  readonly effects: Record<string, unknown>[];
  readonly revision?: { from: number; to: number };
  readonly changes?: string[];
}

describe('adjusting a live trade from the on-page panel', () => {
  it('tightens the stop, takes a third off, is refused a wider stop, then widens it with a reason; the journal holds each once', async () => {
    const popup = await openPopup(session);
    const probe = await WorkerProbe.attach(session, popup);
    try {
      const imported = (await send(popup, { type: 'plan-import', plan: SURFACES_PLAN })) as { id: string };
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

      // What the panel shows after it all: 0.067 left, every lot's stop at 59,200.0.
      await frame
        .locator('dl.tr-grid')
        .getByText(/0\.067 @ 60,000\.0/)
        .waitFor();

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
    } finally {
      await probe.close();
    }
  });
});
