import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { RESULTS_DIR, screenshot, useExtension } from './harness';

const PYRAMID_PLAN = resolve('test/fixtures/golden/plans/pyramid-50-30-20.json');
const PYRAMID_TICKS = resolve('test/fixtures/golden/data/pyramid-ticks.csv');

const extension = useExtension();

/** The plan file as the advanced view prints it. */
async function planFile(page: Page): Promise<Record<string, unknown>> {
  return JSON.parse(await page.getByLabel('Plan JSON').inputValue()) as Record<string, unknown>;
}

/** The first line of the ladder chart a pointer can grab, scanning down from its top. */
async function firstGrabbableY(page: Page): Promise<{ x: number; y: number }> {
  const chart = page.locator('.tr-ladder .tr-chart');
  const box = await chart.boundingBox();
  if (box === null) throw new Error('no ladder chart');
  const x = box.x + box.width / 2;
  for (let y = box.y + 2; y < box.y + box.height; y += 2) {
    await page.mouse.move(x, y);
    if ((await chart.evaluate((element) => (element as HTMLElement).style.cursor)) === 'ns-resize')
      return { x, y };
  }
  throw new Error('no level of the chart can be grabbed');
}

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

    // A typo in the plan file is caught while typing, on its field; the ladder waits for a valid plan.
    await page.getByText('Advanced: the plan file (JSON)').click();
    const editor = page.getByLabel('Plan JSON');
    const turtleText = await editor.inputValue();
    await editor.fill(turtleText.replace('"stop": {\n    "atr": "2"\n  }', '"stop": { "price": "80" }'));
    await page
      .getByRole('list', { name: 'Problems' })
      .getByText(/stop must be below entry for a long/)
      .waitFor();
    expect(await page.locator('[data-field="stop"] .tr-field-error').innerText()).toMatch(
      /^stop must be below/,
    );
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
    await page.getByText('Advanced: the plan file (JSON)').click();
    await page.mouse.move(0, 0);
    await page.waitForTimeout(300);
    await page
      .locator('section[aria-labelledby="tr-sim-title"]')
      .screenshot({ path: join(RESULTS_DIR, 'planner.png') });

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

    // The plan library: a copy of the stored plan, as a new draft.
    await page.getByRole('button', { name: /^Duplicate Pyramid/ }).click();
    await expect.poll(() => page.locator('tr[data-plan]').count()).toBe(2);
    await page.getByText('Pyramid 50/30/20, stop to breakeven on every add (copy)').waitFor();
  });

  it('the form: typed, dragged on the chart, kept across a reload; a pasted signal asks what it lacks', async () => {
    const session = await extension();
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1280, height: 1200 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`chrome-extension://${session.extensionId}/options.html#design`);
    await page.getByLabel('Start from a preset:').selectOption({ label: 'Pyramid 50/30/20' });

    // Typed in the form: the file and the ladder follow; a problem shows on its field.
    await page.getByLabel('Plan name').fill('SOL pyramid');
    await page.getByLabel('Symbol').fill('SOLUSDT');
    await page.getByLabel('Entry price').fill('150');
    await page.locator('[data-field="stop"] input').fill('160');
    expect(await page.locator('[data-field="stop"] .tr-field-error').innerText()).toMatch(
      /^stop must be below entry for a long \(stop 160, entry 150\)/,
    );
    await page.locator('[data-field="stop"] input').fill('144');
    await page.getByText('✓ Valid plan').waitFor();
    expect(await planFile(page)).toMatchObject({
      name: 'SOL pyramid',
      entry: { price: '150' },
      stop: { price: '144' },
    });

    // A level dragged on the real chart: the highest line (the last target) moves, in R, on the tick.
    const risk = page.getByRole('table', { name: 'Risk per tranche' });
    const before = await risk.locator('tr[data-tranche="target-2"] td').first().innerText();
    const grab = await firstGrabbableY(page);
    await page.mouse.down();
    await page.mouse.move(grab.x, grab.y - 30, { steps: 6 });
    await page.mouse.up();
    await expect
      .poll(() => risk.locator('tr[data-tranche="target-2"] td').first().innerText())
      .not.toBe(before);
    const dragged = (await planFile(page)) as { scaleOut: { at: { r: string } }[] };
    expect(dragged.scaleOut[1]?.at.r, 'still measured in R').not.toBe('5');
    expect(await page.locator('[data-field="scaleOut[1].at"] input').inputValue()).toBe(
      dragged.scaleOut[1]?.at.r,
    );
    await page.mouse.move(0, 0);
    await page.locator('[data-field="stop"] input').blur();
    await page.waitForTimeout(300);
    await screenshot(page, 'planner-form');

    // The draft survives a reload.
    await page.waitForTimeout(600);
    await page.reload();
    await page.getByLabel('Plan name').waitFor();
    expect(await page.getByLabel('Plan name').inputValue()).toBe('SOL pyramid');

    // A pasted signal without a stop: asked, never guessed; answered, it fills the form. No
    // account defaults in this fresh browser: the risk is typed beside the signal.
    await page.locator('.tr-signal-box > summary').click();
    await page.locator('[data-field="signal.equity"] input').fill('10000');
    await page.locator('[data-field="signal.riskPercent"] input').fill('1');
    await page
      .getByLabel(/Paste a signal/)
      .fill(
        '#SOL/USDT LONG\nLeverage: Cross 10x\nEntry: 148.20 - 150.40\nTP1: 155.00\nTP2: 160.00\nTP3: 168.00',
      );
    await page
      .getByRole('list', { name: 'Questions about the signal' })
      .getByText(/no stop loss found/)
      .waitFor();
    expect(await page.getByRole('button', { name: 'Fill the plan form' }).count()).toBe(0);
    await page.mouse.move(0, 0);
    await page.waitForTimeout(200);
    const box = await page.locator('.tr-signal-box').boundingBox();
    if (box === null) throw new Error('no signal box');
    // A margin of the page around the box, so the picture reads as a part of the planner.
    await page.screenshot({
      path: join(RESULTS_DIR, 'planner-signal.png'),
      clip: { x: box.x - 16, y: box.y - 6, width: Math.min(box.width, 800) + 32, height: box.height + 22 },
    });
    await page.getByLabel('Stop price').fill('144.80');
    await page.getByText(/✓ SOLUSDT long · entry 150.40 · 3 targets/).waitFor();
    await page.getByRole('button', { name: 'Fill the plan form' }).click();
    expect(await planFile(page)).toMatchObject({
      instrument: { symbol: 'SOLUSDT' },
      side: 'long',
      entry: { price: '150.4' },
      stop: { price: '144.8' },
      limits: { leverage: '10' },
    });
    expect(await page.getByLabel('Entry price').inputValue()).toBe('150.4');
  });
});
