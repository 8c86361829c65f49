import { join } from 'node:path';

import type { Page } from 'playwright-core';
import type { Browser } from 'wxt/browser';

import { money } from '../../components/format';
import { Decimal, toCanonical } from '../../lib/decimal';
import type { AdjustOutcomeView } from '../../lib/messages/adjust';
import { roundStop } from '../../lib/sizing/round';
import type { PlanView } from '../../lib/worker/view';

/** The extension API as code evaluated in an extension page sees it. */
declare const chrome: typeof Browser;

/*
 * The demo's adjustment of the live trade: the stop tightened halfway to the price (its
 * preview printed, then the result), then a wider stop tried (the guard's refusal printed),
 * and that wider stop's preview shown in the on-page panel, saved as adjust-preview.png.
 */

type AdjustReply = { ok: true; outcome: AdjustOutcomeView } | { ok: false; error: string };

function send<T>(page: Page, request: Record<string, unknown>): Promise<T> {
  return page.evaluate((message) => chrome.runtime.sendMessage(message), request) as Promise<T>;
}

function adjust(page: Page, id: string, mode: 'preview' | 'apply', price: string): Promise<AdjustReply> {
  return send(page, {
    type: 'plan-adjust',
    id,
    mode,
    adjustment: { action: 'stop', price },
    requestId: `demo-adjust-${mode}-${price}-${Date.now()}`,
  });
}

function effectLine(outcome: AdjustOutcomeView): string {
  const { before, after } = outcome;
  const stops = (lots: AdjustOutcomeView['before']['lots']) => lots.map((lot) => lot.stop).join(' · ');
  return `stops ${stops(before.lots)} → ${stops(after.lots)} · open risk ${money(before.openRisk)} → ${money(after.openRisk)} (${after.openRiskPercent ?? '—'}% · ${after.openRiskR ?? '—'}R)`;
}

export async function runAdjustStep(
  planner: Page,
  market: Page,
  planId: string,
  outputDir: string,
): Promise<void> {
  const reply = await send<{ ok: boolean; plans?: PlanView[] }>(planner, { type: 'plans-view', isAll: true });
  const view = reply.plans?.find((plan) => plan.id === planId);
  if (view?.stop == null || view.quote === null) return;
  const stop = new Decimal(view.stop);
  const price = new Decimal(view.quote.price);
  const tick = new Decimal(view.tickSize);
  // Halfway to the price: tighter, and clear of the path's pullbacks.
  const tighter = toCanonical(roundStop(stop.plus(price.minus(stop).div(2)), tick, view.side));
  // Farther from the price by a third of that distance: against the trade.
  const wider = toCanonical(roundStop(stop.minus(price.minus(stop).div(3)), tick, view.side));

  const preview = await adjust(planner, planId, 'preview', tighter);
  if (!preview.ok) return console.log(`  ADJUST preview refused: ${preview.error}`);
  console.log(`  ADJUST preview  ${preview.outcome.action} · ${effectLine(preview.outcome)}`);
  const applied = await adjust(planner, planId, 'apply', tighter);
  if (applied.ok) {
    console.log(
      `  ADJUST ${applied.outcome.status}  ${applied.outcome.action} · ${applied.outcome.changes.join(' · ')}`,
    );
  }
  const refused = await adjust(planner, planId, 'apply', wider);
  if (refused.ok)
    console.log(`  REFUSED         ${refused.outcome.action}: ${refused.outcome.refusal ?? ''}`);

  // The same wider stop in the on-page panel: its preview and the guard's warning.
  const frame = market.frames().find((candidate) => candidate.url().includes('/overlay.html?'));
  if (frame === undefined) return;
  const panel = frame.getByRole('region', { name: /^Adjust the / });
  // Clicks as events: the market moves on, and a tranche triggering may shift the panel under the pointer.
  await panel.getByRole('button', { name: 'Stop', exact: true }).dispatchEvent('click');
  await panel.getByLabel('Stop price').fill(wider);
  await panel.getByRole('button', { name: 'Preview' }).dispatchEvent('click');
  const effect = panel.getByRole('table', { name: 'Effect of the adjustment' });
  await effect.waitFor();
  // The panel scrolls inside its frame when the preview is taller than the window: the
  // preview is brought into view, and the frame as the trader sees it is the picture.
  await effect.scrollIntoViewIfNeeded();
  const box = await (await frame.frameElement()).boundingBox();
  await market.screenshot({
    path: join(outputDir, 'adjust-preview.png'),
    ...(box === null ? {} : { clip: box }),
  });
  console.log(`  screenshot: ${join(outputDir, 'adjust-preview.png')}\n`);
}
