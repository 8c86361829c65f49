import { normalizeSymbol } from '../sites/symbol';

/** Ids of the adapters whose pages are charts of any venue's instruments. */
const CHART_SOURCES = new Set(['tradingview']);

/**
 * A plan listens to ticks for its symbol from its venue's pages and from TradingView
 * charts of that symbol (docs/page-reading.md#symbols); a plan for venue "any" listens to every page, and a
 * plan for a site's family ("binance") to each of its adapters ("binance-spot",
 * "binance-futures").
 */
export function isTickForPlan(
  plan: { readonly venue: string; readonly symbol: string },
  tick: { readonly venue: string; readonly symbol: string },
): boolean {
  if (normalizeSymbol(plan.symbol) !== normalizeSymbol(tick.symbol)) return false;
  return (
    plan.venue === 'any' ||
    plan.venue === tick.venue ||
    tick.venue.startsWith(`${plan.venue}-`) ||
    CHART_SOURCES.has(tick.venue)
  );
}
