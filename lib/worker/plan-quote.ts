import type { QuotesRecord } from '../store/quotes';
import { isTickForPlan } from './routing';
import type { QuoteInput } from './view';

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
