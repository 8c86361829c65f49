import { copyFileSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import { RESULTS_DIR, screenshot, useExtension } from './harness';

const PYRAMID_PLAN = resolve('test/fixtures/golden/plans/pyramid-50-30-20.json');
const PYRAMID_TICKS = resolve('test/fixtures/golden/data/pyramid-ticks.csv');

const extension = useExtension();

describe('the planner: design and simulate', () => {
  it('picks a preset, draws its ladder and risk, simulates the pyramid on ticks, saves a draft', async () => {
    const session = await extension();
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1280, height: 1520 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`chrome-extension://${session.extensionId}/options.html`);

    // The plans tab first, as before; the designer is the second tab.
    await page.getByRole('heading', { name: 'Plans' }).waitFor();
    await page.getByRole('tab', { name: 'Design & simulate' }).click();
    expect(page.url()).toMatch(/#design$/);

    // A preset: the Turtle's four units, each stop raised ½ ATR on every add.
    await page.getByLabel('Start from a preset:').selectOption({ label: 'Turtle' });
    await page.getByText('✓ Valid plan.').waitFor();
    const turtle = page.getByRole('table', { name: 'Risk per tranche' });
    await expect.poll(() => turtle.locator('tbody tr').count()).toBe(4);
    expect(await turtle.locator('tr[data-tranche="add-3"]').innerText()).toMatch(/78\.45[\s\S]*76\.05/);

    // A typo is caught while typing, on its field; the ladder waits for a valid plan.
    const editor = page.getByLabel('Plan JSON');
    const turtleText = await editor.inputValue();
    await editor.fill(turtleText.replace('"stop": {\n    "atr": "2"\n  }', '"stop": { "price": "80" }'));
    await page
      .getByRole('list', { name: 'Problems' })
      .getByText(/stop must be below entry for a long/)
      .waitFor();
    expect(await page.getByRole('table', { name: 'Risk per tranche' }).count()).toBe(0);

    // The pyramid of the golden fixture, opened as a file: ladder, risk table, chart canvas.
    await page.getByLabel('or open a plan file:').setInputFiles(PYRAMID_PLAN);
    await page.getByText('✓ Valid plan.').waitFor();
    const risk = page.getByRole('table', { name: 'Risk per tranche' });
    await expect.poll(() => risk.locator('tbody tr').count()).toBe(5);
    expect(await risk.locator('tr[data-tranche="add-1"]').innerText()).toMatch(
      /105\.00[\s\S]*12[\s\S]*32[\s\S]*101\.875[\s\S]*101\.88/,
    );
    expect(await risk.locator('tr[data-tranche="entry"]').innerText()).toMatch(/100\.00[\s\S]*1%[\s\S]*1R/);
    const ladderCanvas = page.locator('.tr-ladder canvas').first();
    await ladderCanvas.waitFor();
    expect((await ladderCanvas.boundingBox())?.width ?? 0).toBeGreaterThan(300);

    // The simulator over the golden ticks: five fills, 660 realized, the baseline beside it.
    await page.getByLabel(/Price data \(CSV/).setInputFiles(PYRAMID_TICKS);
    const fills = page.getByRole('table', { name: 'Simulated fills' });
    await expect.poll(() => fills.locator('tbody tr').count()).toBe(5);
    expect(await page.locator('[data-stat="fills"]').innerText()).toBe('5');
    expect(await page.locator('[data-stat="realized"]').innerText()).toBe('660');
    expect(await page.locator('[data-stat="baseline"]').innerText(), 'entry 20 held to 125: 20 × 25').toBe(
      '500',
    );
    expect(await page.locator('.tr-charts canvas').count()).toBeGreaterThanOrEqual(2);

    await page.waitForTimeout(300);
    const path = await screenshot(page, 'planner');
    copyFileSync(path, resolve('docs/screenshots/planner.png'));

    // Export downloads the plan as JSON; Save as draft stores it in the background.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export plan file' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('pyramid-50-30-20-stop-to-breakeven-on-every-add.plan.json');
    const exported = JSON.parse(readFileSync((await download.path()) ?? '', 'utf8')) as { name: string };
    expect(exported.name).toBe('Pyramid 50/30/20, stop to breakeven on every add');
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await page
      .getByRole('status')
      .getByText(/Saved “Pyramid 50\/30\/20/)
      .waitFor();
    await page.getByRole('button', { name: 'See it in Plans' }).click();
    await page.locator('tr[data-plan] .tr-badge-draft').waitFor();
    expect(await page.locator('tr[data-plan]').count()).toBe(1);
    expect(join(RESULTS_DIR, 'planner.png')).toBe(path);
  });
});
