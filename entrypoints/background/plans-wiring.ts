import type { Stores } from '../../lib/store/stores';
import { isListening } from '../../lib/worker/listening';
import type { PlanService } from '../../lib/worker/plan-service';
import { badgeFor, planView } from '../../lib/worker/view';
import type { AcceptedTick } from './tick-intake';

/** The toolbar badge of one tab. */
export interface BadgeApi {
  set(tabId: number, text: string, color: string): Promise<void>;
}

export interface PlanWiringDeps {
  readonly plans: PlanService;
  readonly stores: Pick<Stores, 'quotes' | 'watchSettings'>;
  readonly badge: BadgeApi;
  readonly now: () => number;
}

/**
 * After a tick has gone through the plans, the tab it came from shows the distance to its
 * plan's next level on the toolbar icon (per tab: each tab its own symbol).
 */
export async function paintBadge(deps: PlanWiringDeps, tick: AcceptedTick): Promise<void> {
  if (tick.tabId === null) return;
  // The plans as this tick just left them (read again only if another event came between).
  const records = deps.plans.recordsAfter(tick) ?? (await deps.plans.records());
  const record = records.find((candidate) => isListening(candidate, tick));
  if (record === undefined) {
    await deps.badge.set(tick.tabId, '', '#2962ff');
    return;
  }
  // The tab's badge measures from the tab's own price: the tick that just arrived.
  const quote = { price: tick.price, source: tick.source, time: tick.receivedAt, isStale: false };
  const { text, color } = badgeFor(planView(record, quote, []));
  await deps.badge.set(tick.tabId, text, color);
}

/**
 * The staleness check the `stale-check` alarm runs: a quote not refreshed for the stale
 * period (a closed tab says nothing) is stale for every plan listening to it.
 */
export async function checkStaleQuotes(deps: PlanWiringDeps): Promise<void> {
  const [quotes, settings] = await Promise.all([deps.stores.quotes.read(), deps.stores.watchSettings.read()]);
  const now = deps.now();
  for (const quote of Object.values(quotes.quotes)) {
    const since =
      quote.staleSince ??
      (now - quote.receivedAt > settings.staleAfterSeconds * 1000 ? quote.receivedAt : null);
    if (since !== null) await deps.plans.onStale({ venue: quote.venue, symbol: quote.symbol, since });
  }
}

/**
 * At the worker's start: the latest stored quote of every page goes to the plans again.
 * Chrome may stop the worker after a tick's quote was stored and before the plans
 * stepped on it; the content script does not resend a price, so without this a level
 * touched by that tick (a spike that came back) would never alert. A tick a plan has
 * already stepped on is a duplicate to the engine and changes nothing; a plan armed after
 * the quote arrived does not see it.
 */
export async function catchUpPlans(deps: Pick<PlanWiringDeps, 'plans' | 'stores'>): Promise<void> {
  const { quotes: byKey } = await deps.stores.quotes.read();
  const quotes = Object.values(byKey).sort((a, b) => a.receivedAt - b.receivedAt);
  for (const quote of quotes) {
    await deps.plans.onTick({
      venue: quote.venue,
      symbol: quote.symbol,
      price: quote.price,
      time: quote.time,
      source: quote.source,
      receivedAt: quote.receivedAt,
    });
  }
}
