import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { SURFACES_PLAN } from './surfaces-plan';
import {
  readLocalStorage,
  RESULTS_DIR,
  sendFromPage,
  serveFixtures,
  useExtension,
  waitFor,
  writeLocalStorage,
} from './harness';

/*
 * A plan the background cannot run is set aside and the others go on; the planner lists
 * it by name, with why, beside every other record kept aside. The screenshot is
 * test-results/planner-kept-aside.png.
 */

const BINANCE_URL = 'https://www.binance.com/en/futures/BTCUSDT';

const extension = useExtension((session) =>
  serveFixtures(session.context, { 'https://www.binance.com/en/futures/**': 'binance-surfaces.html' }),
);

async function importAndArm(page: Page, plan: object): Promise<string> {
  const { id } = (await sendFromPage(page, { type: 'plan-import', plan })) as { id: string };
  expect(await sendFromPage(page, { type: 'plan-action', id, action: 'arm' })).toEqual({ ok: true });
  return id;
}

describe('records kept aside', () => {
  it('sets aside a plan the engine cannot step, keeps the other plan alerting, and lists it in the planner with why', async () => {
    const session = await extension();
    const planner = await session.context.newPage();
    await planner.setViewportSize({ width: 1100, height: 1000 });
    await planner.emulateMedia({ colorScheme: 'dark' });
    await planner.goto(`chrome-extension://${session.extensionId}/options.html`);

    const broken = await importAndArm(planner, SURFACES_PLAN);
    const healthy = await importAndArm(planner, { ...SURFACES_PLAN, name: 'BTC second chance' });
    const stored = (await readLocalStorage(session, [`plan/${broken}`]))[`plan/${broken}`] as {
      engine: { tranches: { id: string }[] };
    };
    // A record its schema accepts but the engine cannot step: its entry tranche is gone.
    await writeLocalStorage(session, {
      [`plan/${broken}`]: {
        ...stored,
        engine: {
          ...stored.engine,
          tranches: stored.engine.tranches.filter((tranche) => tranche.id !== 'entry'),
        },
      },
      'watch-settings': 'half written',
    });

    const page = await session.context.newPage();
    await page.goto(BINANCE_URL);
    await waitFor('the healthy plan to step on the page’s price', async () => {
      const record = (await readLocalStorage(session, [`plan/${healthy}`]))[`plan/${healthy}`] as {
        engine: { lastPrice: string | null };
      };
      return record.engine.lastPrice === null ? undefined : true;
    });

    await planner.reload();
    const list = planner.getByRole('list', { name: 'Unreadable records' });
    const item = list.getByRole('listitem', { name: 'Plan “BTC breakout” · BTCUSDT long' });
    await item.waitFor();
    expect(await item.innerText()).toMatch(
      /stopped: stepping it on the price 59800 \(binance-futures\) failed: unknown tranche "entry"/,
    );
    expect(await item.innerText()).toMatch(/This plan is not running\./);
    expect(await list.getByRole('listitem', { name: 'Price-watching settings' }).innerText()).toMatch(
      /unreadable: expected object, received string/,
    );
    expect(await planner.locator('tr[data-plan]').count(), 'the healthy plan is still listed').toBe(1);
    await planner
      .locator('section[aria-labelledby="tr-quarantine-title"]')
      .screenshot({ path: join(RESULTS_DIR, 'planner-kept-aside.png') });
    await page.close();
    await planner.close();
  });
});
