import type { QuotesRecord, StoredDivergence } from '../store/quotes';
import { isTickForPlan } from './routing';
import type { DivergenceView, QuoteInput } from './view';

/**
 * The quote a plan shows: the freshest stored quote of a page the plan listens to (its
 * venue's pages, TradingView charts of its symbol). Stale when the page said so, or when
 * nothing arrived for `staleAfterSeconds` (a closed tab says nothing).
 */
export function quoteForPlan(
  instrument: { readonly venue: string; readonly symbol: string },
  quotes: QuotesRecord,
  now: number,
  staleAfterSeconds: number,
): QuoteInput | null {
  let best: QuotesRecord['quotes'][string] | null = null;
  for (const quote of Object.values(quotes.quotes)) {
    if (!isTickForPlan(instrument, quote)) continue;
    if (best === null || quote.receivedAt > best.receivedAt) best = quote;
  }
  if (best === null) return null;
  const isStale = best.staleSince !== null || now - best.receivedAt > staleAfterSeconds * 1000;
  return { price: best.price, source: best.source, time: best.receivedAt, isStale };
}

/**
 * The disagreement a plan shows: the latest divergence of a page the plan listens to, when
 * it is the latest word from its pages — no price arrived after it (another page's price,
 * which both of that page's places agree on, is then what the plan steps on).
 */
export function divergenceForPlan(
  instrument: { readonly venue: string; readonly symbol: string },
  quotes: QuotesRecord,
  shown: QuoteInput | null,
): DivergenceView | null {
  let latest: StoredDivergence | null = null;
  for (const divergence of Object.values(quotes.divergences)) {
    if (!isTickForPlan(instrument, divergence)) continue;
    if (latest === null || divergence.receivedAt > latest.receivedAt) latest = divergence;
  }
  if (latest === null || (shown !== null && shown.time > latest.receivedAt)) return null;
  return { first: latest.first, second: latest.second };
}
