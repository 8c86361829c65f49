import type { PlansView } from '../messages/plans';
import type { ViewScope } from '../messages/view-port';
import type { JournalEntry } from '../store/journal';
import type { QuarantineEntry } from '../store/quarantine';
import type { Stores } from '../store/stores';
import { DEFAULT_TICK_HISTORY_LIMITS } from '../store/tick-history';
import { heatView } from './account-heat';
import type { PlanService } from './plan-service';
import { divergenceForPlan, quoteForPlan } from './plan-quote';
import { keptAsideViews } from './quarantine-view';
import { isTickForPlan } from './routing';
import { planView } from './view';

export interface PlansViewDeps {
  readonly plans: PlanService;
  readonly stores: Pick<Stores, 'watchSettings' | 'quotes' | 'tickHistory' | 'overlaySettings'>;
  /** A plan's journal (./journal-cache.ts: read again only after a write to it). */
  readonly journal: (planId: string) => Promise<JournalEntry[]>;
  /** The records kept aside (./kept-aside-cache.ts: listed again only when one was added). */
  readonly keptAside: () => Promise<QuarantineEntry[]>;
  readonly now: () => number;
}

/**
 * What a surface shows, for its scope: the one place views are made, for the pushes to
 * the surfaces' ports and for the `plans-view` request alike. Only the planner's scope
 * lists the records kept aside and the tick history's size (its index, never the ticks);
 * the popup's and the panel's read the plans, the quotes and the journals of the plans
 * they show, nothing more.
 */
export async function buildPlansView(deps: PlansViewDeps, scope: ViewScope): Promise<PlansView> {
  const { plans, stores } = deps;
  const isAll = scope.kind === 'all';
  const [{ records, newer }, settings, quotes, alertSettings, overlaySettings, heatSettings] =
    await Promise.all([
      isAll ? plans.readAll() : plans.records().then((found) => ({ records: found, newer: [] })),
      stores.watchSettings.read(),
      stores.quotes.read(),
      plans.settings(),
      stores.overlaySettings.read(),
      plans.heatSettings(),
    ]);
  const at = deps.now();
  const shown = records.filter((record) => {
    if (scope.kind === 'page')
      return isTickForPlan(record.plan.instrument, scope) && record.status !== 'draft';
    return isAll || record.status === 'armed' || record.status === 'active';
  });
  const views = await Promise.all(
    shown.map(async (record) => {
      const { instrument } = record.plan;
      const quote = quoteForPlan(instrument, quotes, at, settings.staleAfterSeconds);
      const divergence = divergenceForPlan(instrument, quotes, quote);
      return planView(record, quote, await deps.journal(record.id), divergence);
    }),
  );
  const staleAt = firstStaleAt(
    views.flatMap((view) => (view.quote === null ? [] : [view.quote])),
    settings.staleAfterSeconds,
  );
  // Listed last, so that what this very view found unreadable is in it.
  const quarantined = isAll ? keptAsideViews(await deps.keptAside(), newer) : [];
  return {
    plans: views,
    quarantined,
    isQuiet: alertSettings.isQuiet,
    staleAt,
    isShownWithoutPlan: overlaySettings.isShownWithoutPlan,
    history: isAll
      ? { bytes: await stores.tickHistory.bytes(), maxBytes: DEFAULT_TICK_HISTORY_LIMITS.maxBytes }
      : null,
    // Every plan's open risk counts, whatever the scope shows.
    heat: heatView(records, heatSettings),
  };
}

/**
 * The first moment a fresh price among `quotes` is older than the stale setting: a price
 * is stale once more than `staleAfterSeconds` passed since it arrived (./plan-quote.ts).
 */
export function firstStaleAt(
  quotes: readonly { readonly receivedAt: number; readonly isStale: boolean }[],
  staleAfterSeconds: number,
): number | null {
  let first: number | null = null;
  for (const quote of quotes) {
    if (quote.isStale) continue;
    const at = quote.receivedAt + staleAfterSeconds * 1000 + 1;
    if (first === null || at < first) first = at;
  }
  return first;
}
