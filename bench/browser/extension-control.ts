import * as z from 'zod/mini';
import type { Page } from 'playwright-core';

import type { PlanInput } from '../../lib/plan/schema';
import { REPLY_SCHEMAS, type ReplyOf } from '../../lib/messages/replies';
import type { RequestOf, RequestType } from '../../lib/messages/requests';
import type { ExtensionSession } from '../../scripts/launch-chromium';
import type { Browser } from 'wxt/browser';

/** The extension API, as code evaluated in an extension page sees it. */
declare const chrome: typeof Browser;

/*
 * The bench sets the extension up as a trader would, through the background's own
 * messages: plans imported and armed, triggered entries confirmed. Nothing is written to
 * storage behind the background's back.
 */

/**
 * An extension page that asks the background nothing by itself: overlay.html without its
 * page's parameters shows one sentence. Requests sent from it pass the background's
 * extension-page check like the popup's and the planner's.
 */
export async function openControlPage(session: ExtensionSession): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/overlay.html`);
  return page;
}

/** A request as the popup sends it, its reply checked against its schema; a refusal throws. */
export async function ask<T extends RequestType>(
  page: Page,
  request: RequestOf<T>,
): Promise<Extract<ReplyOf<T>, { ok: true }>> {
  const raw: unknown = await page.evaluate((message) => chrome.runtime.sendMessage(message), request);
  const schema: z.ZodMiniType = REPLY_SCHEMAS[request.type];
  const parsed = z.safeParse(schema, raw);
  if (!parsed.success) throw new Error(`${request.type}: a malformed reply ${JSON.stringify(raw)}`);
  const reply = parsed.data as ReplyOf<T>;
  if (!reply.ok) throw new Error(`${request.type} was refused: ${reply.error}`);
  return reply as Extract<ReplyOf<T>, { ok: true }>;
}

/** Import each plan and arm it; their ids, in order. */
export async function importAndArm(page: Page, plans: readonly PlanInput[]): Promise<string[]> {
  const ids: string[] = [];
  for (const plan of plans) {
    const { id } = await ask<'plan-import'>(page, { type: 'plan-import', plan });
    await ask<'plan-action'>(page, { type: 'plan-action', id, action: 'arm' });
    ids.push(id);
  }
  return ids;
}

/** Confirm every triggered tranche at its suggested price; how many were confirmed. */
export async function confirmWaiting(page: Page): Promise<number> {
  const { plans } = await ask<'plans-view'>(page, { type: 'plans-view' });
  let confirmed = 0;
  for (const plan of plans) {
    for (const waiting of plan.waiting) {
      await ask<'plan-fill'>(page, {
        type: 'plan-fill',
        id: plan.id,
        tranche: waiting.tranche,
        requestId: `bench-${plan.id}-${waiting.tranche}`,
      });
      confirmed += 1;
    }
  }
  return confirmed;
}

/** The plans' statuses, by id. */
export async function planStatuses(page: Page): Promise<Map<string, string>> {
  const { plans } = await ask<'plans-view'>(page, { type: 'plans-view', isAll: true });
  return new Map(plans.map((plan) => [plan.id, plan.status]));
}

/** Every alert a plan's journal holds, in order, with the price of the tick that raised it. */
export async function journalAlerts(page: Page, id: string): Promise<{ price: string | null }[]> {
  const { journal } = await ask<'plan-export'>(page, { type: 'plan-export', id });
  return journal.flatMap((entry) => {
    const { input, effects } = entry as {
      input?: { price?: unknown };
      effects?: { type?: unknown }[];
    };
    const price = typeof input?.price === 'string' ? input.price : null;
    return (effects ?? []).filter((effect) => effect.type === 'alert').map(() => ({ price }));
  });
}
