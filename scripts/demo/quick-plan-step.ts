import { join } from 'node:path';

import type { BrowserContext, Worker } from 'playwright-core';
import type { Browser } from 'wxt/browser';

/** The extension API as code evaluated in the service worker sees it. */
declare const chrome: typeof Browser;

export interface QuickPlanStepDeps {
  readonly context: BrowserContext;
  readonly extensionId: string;
  readonly serviceWorker: Worker;
  /** The demo market's address: the tab the popup plans on. */
  readonly marketUrl: string;
  readonly outputDir: string;
}

/**
 * A plan made from the page: the popup's "Plan a trade here" on the demo market, filled as
 * a trader would (long at the last price, stop 2 % below the fill, 1 % of 10,000 at risk,
 * the pyramid ladder); the ladder and its risk table are printed before the plan is armed.
 */
export async function runQuickPlanStep(deps: QuickPlanStepDeps): Promise<boolean> {
  const tabId = await deps.serviceWorker.evaluate(
    async (url) => (await chrome.tabs.query({})).find((tab) => tab.url === url)?.id,
    deps.marketUrl,
  );
  if (tabId === undefined) {
    console.error('the quick plan found no tab showing the demo market');
    return false;
  }
  const popup = await deps.context.newPage();
  try {
    await popup.setViewportSize({ width: 400, height: 900 });
    await popup.goto(`chrome-extension://${deps.extensionId}/popup.html?tab=${tabId}`);
    await popup.getByRole('button', { name: /^Plan a trade here/ }).click();
    const last = await popup.locator('.tr-quick-price').innerText();
    await popup.getByText('Long', { exact: true }).click();
    await popup.getByLabel('Stop in').selectOption({ label: '% from the fill' });
    await popup.getByLabel('Stop', { exact: true }).fill('2');
    await popup.getByLabel('Equity', { exact: true }).fill('10000');
    await popup.getByLabel('Risk %', { exact: true }).fill('1');
    await popup.getByLabel('Ladder').selectOption({ label: 'Pyramid 50/30/20' });
    const table = popup.getByRole('table', { name: 'Risk per tranche' });
    await table.waitFor();

    console.log(
      `\nA plan made from the page · ${await popup.locator('.tr-quick h1').innerText()} · last ${last}`,
    );
    console.log(
      '  long at the last price, stop 2 % below each fill, 1 % of 10,000 at risk, pyramid 50/30/20',
    );
    for (const row of await table.locator('tr').allInnerTexts()) {
      console.log(`  ${row.replace(/\s*\t\s*/g, '  ').trim()}`);
    }
    await popup.locator('main').screenshot({ path: join(deps.outputDir, 'quick-plan.png') });

    await popup.getByRole('button', { name: 'Arm this plan' }).click();
    await popup.locator('.tr-status[data-status="armed"]').first().waitFor();
    console.log('  armed: the popup now shows it waiting for its entry');
    await popup.locator('main').screenshot({ path: join(deps.outputDir, 'quick-plan-armed.png') });
    console.log(`screenshots: ${deps.outputDir}/{quick-plan,quick-plan-armed}.png`);
    return true;
  } finally {
    await popup.close();
  }
}
