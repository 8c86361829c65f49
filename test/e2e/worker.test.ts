import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';

import {
  openPopup,
  serveFixtures,
  useExtension,
  waitFor,
  writeLocalStorage,
  type ExtensionSession,
} from './harness';
import { BREAKOUT_PLAN } from './breakout-plan';
import { describeEntry, type JournalEntry } from './journal-lines';
import { FaultPoint, WorkerProbe, type ProbeEvent } from './worker-probe';

/** The extension API as code evaluated in an extension page or a content script sees it. */
declare const chrome: typeof Browser;

/*
 * Exactly once: the built extension in Chromium runs a plan on a fixture
 * exchange page whose price the test steps through the entry's approach zone, the entry,
 * an add and a target, while the service worker is stopped (DevTools protocol) at each
 * point where a stop could lose or repeat something. Every notification the worker gives
 * the browser, in every one of its lives, is recorded by the probe (test/e2e/worker-probe.ts).
 */

const BINANCE_URL = 'https://www.binance.com/en/futures/BTCUSDT';
const OUTBOX_KEY = 'notifications/outbox';

const extension = useExtension(
  async (launched) => {
    await serveFixtures(launched.context, {
      'https://www.binance.com/en/futures/**': 'binance-futures-worker.html',
    });
    // No stale alert while the test pauses between prices.
    await writeLocalStorage(launched, {
      'watch-settings': { version: 1, staleAfterSeconds: 600, jumpHoldPercent: 20 },
    });
  },
  // The probe's own DevTools connection (flat sessions): see worker-probe.ts.
  { args: ['--remote-debugging-port=0'] },
);

let session: ExtensionSession;
beforeEach(async () => {
  session = await extension();
});

/** A message from an extension page (the popup opened in a tab), as the popup sends it. */
function send(page: Page, message: object): Promise<unknown> {
  return page.evaluate((request) => chrome.runtime.sendMessage(request), message);
}

/** storage.local read from an extension page: reading does not start the worker. */
function read(page: Page, keys: string[] | null): Promise<Record<string, unknown>> {
  return page.evaluate((wanted) => chrome.storage.local.get(wanted), keys);
}

/** The fixture page shows its next price (test/fixtures/e2e/runner.js). */
async function nextPrice(page: Page): Promise<void> {
  await page.evaluate(() => window.dispatchEvent(new Event('tranche-e2e-next')));
}

async function journalOf(page: Page, id: string): Promise<string[]> {
  const stored = await read(page, [`journal/${id}`]);
  return ((stored[`journal/${id}`] ?? []) as JournalEntry[]).map(describeEntry);
}

const isHung =
  (point: FaultPoint) =>
  (event: ProbeEvent): event is Extract<ProbeEvent, { type: 'hung' }> =>
    event.type === 'hung' && event.point === point;
const isCreate =
  (id: string) =>
  (event: ProbeEvent): event is Extract<ProbeEvent, { type: 'create' }> =>
    event.type === 'create' && event.id === id;

describe('the service worker stopped at any point', () => {
  it('shows every expected notification exactly once and keeps the journal complete', async () => {
    const popup = await openPopup(session);
    const probe = await WorkerProbe.attach(session, popup);
    try {
      const imported = (await send(popup, { type: 'plan-import', plan: BREAKOUT_PLAN })) as {
        ok: boolean;
        id: string;
      };
      expect(imported.ok).toBe(true);
      const id = imported.id;
      expect(await send(popup, { type: 'plan-action', id, action: 'arm' })).toEqual({ ok: true });

      const page = await session.context.newPage();
      await page.goto(BINANCE_URL);
      await waitFor('the page’s first price in the plan', async () => {
        const record = (await read(popup, [`plan/${id}`]))[`plan/${id}`] as {
          engine: { lastPrice: string | null };
        };
        return record.engine.lastPrice === '59700' ? true : undefined;
      });

      // A — between a tick and its notification, before anything was written: the tick's
      // quote is stored, the plan has not stepped. The page sends nothing more (its price
      // stays); the worker's next start gives the stored price to the plan.
      await probe.injectFault(FaultPoint.commitBefore);
      let mark = probe.events().length;
      await nextPrice(page); // 59,880: within 0.25 % of the entry
      await probe.waitForEvent('the worker held before writing the tick', isHung('commit-before'), mark);
      const quotes = (await read(popup, ['quotes']))['quotes'] as {
        quotes: Record<string, { price: string }>;
      };
      expect(quotes.quotes['binance-futures|BTCUSDT']?.price).toBe('59880');
      expect(await journalOf(popup, id), 'the plan has not stepped').toEqual(['import', 'arm']);
      mark = probe.events().length;
      await probe.stopWorker();
      await send(popup, { type: 'plans-view' }); // a message, not a tick, starts it
      await probe.waitForEvent('the approach alert after the restart', isCreate(`${id}/0.0/entry`), mark);

      // B — between a tick and its notification, after the write: the alert is owed.
      await probe.injectFault(FaultPoint.create);
      mark = probe.events().length;
      await nextPrice(page); // 60,020: the entry triggers
      await probe.waitForEvent('the worker held inside notifications.create', isHung('create'), mark);
      const owed = (await read(popup, [OUTBOX_KEY]))[OUTBOX_KEY] as { id: string }[];
      expect(owed.map((notification) => notification.id)).toEqual([`${id}/0.1/entry`]);
      mark = probe.events().length;
      await probe.stopWorker();
      await send(popup, { type: 'plans-view' });
      await probe.waitForEvent('the owed entry alert after the restart', isCreate(`${id}/0.1/entry`), mark);

      // C — during a confirmation, after its write and before the reply: the popup's
      // message fails, the popup sends it again with the same request id.
      const fillEntry = { type: 'plan-fill', id, tranche: 'entry', requestId: 'e2e-fill-entry-0001' };
      await probe.injectFault(FaultPoint.commitAfter);
      mark = probe.events().length;
      const firstEntryTry = send(popup, fillEntry).then(
        (reply) => ({ reply }),
        (error: unknown) => ({ error: String(error) }),
      );
      await probe.waitForEvent('the worker held after writing the fill', isHung('commit-after'), mark);
      await probe.stopWorker();
      expect(await firstEntryTry, 'the popup never got its answer').not.toEqual({ reply: { ok: true } });
      expect(await send(popup, fillEntry), 'sent again: already applied').toEqual({ ok: true });

      // D — right after an alert was shown, before the outbox forgot it.
      await probe.injectFault(FaultPoint.outboxTrim);
      mark = probe.events().length;
      await nextPrice(page); // 60,160: within 0.25 % of the add at 60,300
      await probe.waitForEvent(
        'the worker held before forgetting the shown alert',
        isHung('outbox-trim'),
        mark,
      );
      expect(probe.created().map((notification) => notification.id)).toContain(`${id}/0.2/add-1`);
      expect(((await read(popup, [OUTBOX_KEY]))[OUTBOX_KEY] as unknown[]).length, 'still owed').toBe(1);
      await probe.stopWorker();
      await send(popup, { type: 'plans-view' });
      await waitFor('the restarted worker to forget the shown alert', async () =>
        ((await read(popup, [OUTBOX_KEY]))[OUTBOX_KEY] as unknown[]).length === 0 ? true : undefined,
      );

      // E — during a confirmation, before its write.
      mark = probe.events().length;
      await nextPrice(page); // 60,310: the add triggers
      await probe.waitForEvent('the add alert', isCreate(`${id}/0.3/add-1`), mark);
      const fillAdd = { type: 'plan-fill', id, tranche: 'add-1', requestId: 'e2e-fill-add-0001' };
      await probe.injectFault(FaultPoint.commitBefore);
      mark = probe.events().length;
      const firstAddTry = send(popup, fillAdd).then(
        (reply) => ({ reply }),
        (error: unknown) => ({ error: String(error) }),
      );
      await probe.waitForEvent('the worker held before writing the fill', isHung('commit-before'), mark);
      expect((await journalOf(popup, id)).filter((line) => line.startsWith('fill add-1'))).toEqual([]);
      await probe.stopWorker();
      expect(await firstAddTry).not.toEqual({ reply: { ok: true } });
      expect(await send(popup, fillAdd)).toEqual({ ok: true });

      // F — right after an alert, with nothing held: the next tick starts the worker.
      mark = probe.events().length;
      await nextPrice(page); // 61,060: within 0.25 % of the target at 61,200
      await probe.waitForEvent('the target’s approach alert', isCreate(`${id}/0.4/target-1`), mark);
      await waitFor('the outbox to empty', async () =>
        ((await read(popup, [OUTBOX_KEY]))[OUTBOX_KEY] as unknown[]).length === 0 ? true : undefined,
      );
      await probe.stopWorker();
      mark = probe.events().length;
      await nextPrice(page); // 61,210: the target
      await probe.waitForEvent('the target alert', isCreate(`${id}/0.5/target-1`), mark);
      await probe.waitRunning();
      const fillTarget = { type: 'plan-fill', id, tranche: 'target-1', requestId: 'e2e-fill-target-0001' };
      expect(await send(popup, fillTarget)).toEqual({ ok: true });

      // Every notification the worker gave the browser, in all its lives: each once, in order.
      expect(
        probe.created().map(({ id: notificationId, title, message }) => [notificationId, title, message]),
      ).toEqual([
        [
          `${id}/0.0/entry`,
          'BTCUSDT long · entry approaching at 60,000.0',
          'entry at 60,000.0 is 0.20% away',
        ],
        [`${id}/0.1/entry`, 'BTCUSDT long · entry at 60,000.0', 'Buy 0.166 · stop after: 59,400.0'],
        [
          `${id}/0.2/add-1`,
          'BTCUSDT long · add 1 of 1 approaching at 60,300.0',
          'add 1 of 1 at 60,300.0 is 0.23% away',
        ],
        [`${id}/0.3/add-1`, 'BTCUSDT long · add 1 of 1 at 60,300.0', 'Buy 0.083 · stop after: 60,100.0'],
        [
          `${id}/0.4/target-1`,
          'BTCUSDT long · target 1 of 2 approaching at 61,200.0',
          'target 1 of 2 at 61,200.0 is 0.23% away',
        ],
        [
          `${id}/0.5/target-1`,
          'BTCUSDT long · target 1 of 2 at 61,200.0',
          'Sell 0.124 · stop after: 60,100.0',
        ],
      ]);
      const events = probe.events();
      expect(
        events.filter((event) => event.type === 'hung').map((event) => event.type === 'hung' && event.point),
      ).toEqual(['commit-before', 'create', 'commit-after', 'outbox-trim', 'commit-before']);
      expect(probe.starts(), 'the first life and one after each of the six stops').toBe(7);

      // What the browser shows now, asked in the worker: only these, none twice (ids are
      // unique per alert); the three waiting for the trader stay until acted on.
      const shown = await probe.evaluate<Record<string, boolean>>('chrome.notifications.getAll()');
      const expectedIds = probe.created().map((notification) => notification.id);
      expect(Object.keys(shown).filter((shownId) => !expectedIds.includes(shownId))).toEqual([]);
      expect(Object.keys(shown)).toEqual(
        expect.arrayContaining([`${id}/0.1/entry`, `${id}/0.3/add-1`, `${id}/0.5/target-1`]),
      );

      // The journal: every event once, in order, with what it produced.
      expect(await journalOf(popup, id)).toEqual([
        'import',
        'arm',
        'tick 59880 · alert approach entry',
        'tick 60020 · alert trigger entry',
        'fill entry · phase active · fill entry',
        'tick 60160 · alert approach add-1',
        'tick 60310 · alert trigger add-1',
        'fill add-1 · fill add-1',
        'tick 61060 · alert approach target-1',
        'tick 61210 · alert target target-1',
        'fill target-1 · fill target-1',
      ]);
      const stored = await read(popup, [`plan/${id}`, OUTBOX_KEY, 'security']);
      const record = stored[`plan/${id}`] as {
        status: string;
        alertSeq: number;
        processed: string[];
        lifecycle: { status: string }[];
      };
      expect(record.status).toBe('active');
      expect(record.lifecycle.map((entry) => entry.status)).toEqual(['draft', 'armed', 'active']);
      expect(record.alertSeq, 'six alerts, numbered once').toBe(6);
      expect(record.processed).toEqual(['e2e-fill-entry-0001', 'e2e-fill-add-0001', 'e2e-fill-target-0001']);
      expect(stored[OUTBOX_KEY], 'nothing owed').toEqual([]);
      expect((stored['security'] as { refused: number } | undefined)?.refused ?? 0, 'nothing refused').toBe(
        0,
      );
      await page.close();
    } finally {
      await probe.close();
      await popup.close();
    }
  });
});

describe('forged plan messages', () => {
  it('refuses and counts a plan change from a content script, a price naming another page, a malformed fill and a page’s message, changing nothing', async () => {
    const popup = await openPopup(session);
    const page = await session.context.newPage();
    try {
      const imported = (await send(popup, {
        type: 'plan-import',
        plan: { ...BREAKOUT_PLAN, name: 'forgery target' },
      })) as {
        id: string;
      };
      const id = imported.id;
      expect(await send(popup, { type: 'plan-action', id, action: 'arm' })).toEqual({ ok: true });
      await page.goto(BINANCE_URL);
      await waitFor('the page’s price in the plan', async () => {
        const record = (await read(popup, [`plan/${id}`]))[`plan/${id}`] as {
          engine: { lastPrice: string | null };
        };
        return record.engine.lastPrice === null ? undefined : true;
      });

      // The page's first price may also have reached the other test's plan: let its alerts be shown.
      await waitFor('the outbox to empty', async () =>
        (((await read(popup, [OUTBOX_KEY]))[OUTBOX_KEY] ?? []) as unknown[]).length === 0 ? true : undefined,
      );
      const plansAndJournals = async () =>
        Object.fromEntries(
          Object.entries(await read(popup, null)).filter(
            ([key]) =>
              key.startsWith('plan/') ||
              key.startsWith('journal/') ||
              key === 'plans/index' ||
              key === OUTBOX_KEY,
          ),
        );
      const before = await plansAndJournals();
      const securityBefore = ((await read(popup, ['security']))['security'] ?? {
        refused: 0,
        refusedByReason: {},
      }) as { refused: number; refusedByReason: Record<string, number> };

      // Code in the content scripts' world of the exchange page (as a compromised page
      // script that reached it would run): plan changes and confirmations.
      const tabId = await popup.evaluate(
        async (url) => (await chrome.tabs.query({})).find((tab) => tab.url === url)?.id,
        BINANCE_URL,
      );
      expect(tabId).toEqual(expect.any(Number));
      const fromContentWorld = await popup.evaluate(
        async ([tab, planId, plan]) => {
          const [result] = await chrome.scripting.executeScript({
            target: { tabId: tab as number },
            args: [planId, plan],
            func: async (target: string, planFile: unknown) =>
              Promise.all([
                chrome.runtime.sendMessage({ type: 'plan-action', id: target, action: 'close' }),
                chrome.runtime.sendMessage({ type: 'plan-action', id: target, action: 'delete' }),
                chrome.runtime.sendMessage({
                  type: 'plan-fill',
                  id: target,
                  tranche: 'entry',
                  requestId: 'forged-in-page-0001',
                }),
                chrome.runtime.sendMessage({
                  type: 'plan-skip',
                  id: target,
                  tranche: 'add-1',
                  requestId: 'forged-in-page-0002',
                }),
                chrome.runtime.sendMessage({ type: 'plan-import', plan: planFile }),
                chrome.runtime.sendMessage({ type: 'quiet-set', isQuiet: true }),
              ]),
          });
          return result?.result;
        },
        [tabId, id, BREAKOUT_PLAN] as const,
      );
      expect(fromContentWorld).toEqual(Array(6).fill({ ok: false, error: 'refused: not-extension-page' }));

      // Prices from the same world naming another page than the one Chromium stamps on the
      // message (the Binance BTCUSDT futures page): another venue, another symbol.
      const forgedTicks = await popup.evaluate(async (tab) => {
        const [result] = await chrome.scripting.executeScript({
          target: { tabId: tab as number },
          func: async () => {
            const tick = { type: 'tick', price: '1', time: Date.now() };
            return Promise.all([
              chrome.runtime.sendMessage({
                ...tick,
                venue: 'tradingview',
                symbol: 'BTCUSDT',
                source: 'tradingview',
              }),
              chrome.runtime.sendMessage({
                ...tick,
                venue: 'binance-futures',
                symbol: 'ETHUSDT',
                source: 'binance-futures',
              }),
            ]);
          },
        });
        return result?.result;
      }, tabId);
      expect(forgedTicks).toEqual([
        { ok: false, error: 'refused: venue-not-page' },
        { ok: false, error: 'refused: symbol-not-page' },
      ]);

      // Malformed confirmations, from the extension page itself.
      expect(
        await send(popup, {
          type: 'plan-fill',
          id,
          tranche: 'entry',
          price: '60,000.0',
          requestId: 'malformed-0001',
        }),
      ).toEqual({ ok: false, error: 'refused: malformed' });
      expect(await send(popup, { type: 'plan-fill', id, tranche: 'entry' })).toEqual({
        ok: false,
        error: 'refused: malformed',
      });
      expect(
        await send(popup, { type: 'plan-fill', id, tranche: 'stop; drop', requestId: 'malformed-0002' }),
      ).toEqual({
        ok: false,
        error: 'refused: malformed',
      });

      // The page's own script: the extension is not externally connectable, so it has no
      // channel to the background at all; a posted message reaches nothing that acts on plans.
      const fromPage = await page.evaluate(
        ([planId, extensionId]) => {
          window.postMessage({ type: 'plan-action', id: planId, action: 'close' }, '*');
          const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome
            ?.runtime;
          return typeof runtime?.sendMessage === 'function' ? `could message ${extensionId}` : 'no channel';
        },
        [id, session.extensionId] as const,
      );
      expect(fromPage).toBe('no channel');

      await page.waitForTimeout(300);
      expect(await plansAndJournals(), 'plans, journals and the outbox unchanged').toEqual(before);
      expect(
        (await read(popup, ['alerts/settings']))['alerts/settings'],
        'quiet was not switched on',
      ).not.toEqual(expect.objectContaining({ isQuiet: true }));
      const security = (await read(popup, ['security']))['security'] as {
        refused: number;
        refusedByReason: Record<string, number>;
      };
      expect(security.refused - securityBefore.refused, 'eleven refusals counted').toBe(11);
      expect(
        (security.refusedByReason['not-extension-page'] ?? 0) -
          (securityBefore.refusedByReason['not-extension-page'] ?? 0),
      ).toBe(6);
      expect(
        (security.refusedByReason['malformed'] ?? 0) - (securityBefore.refusedByReason['malformed'] ?? 0),
      ).toBe(3);
      for (const reason of ['venue-not-page', 'symbol-not-page']) {
        expect(
          (security.refusedByReason[reason] ?? 0) - (securityBefore.refusedByReason[reason] ?? 0),
          reason,
        ).toBe(1);
      }
    } finally {
      await Promise.all([page.close(), popup.close()]);
    }
  });
});
