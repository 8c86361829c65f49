import { z } from 'zod';

import type { RecordSpec } from './stored-record';

/** storage.local key of the latest quote per venue and symbol. */
export const QUOTES_KEY = 'quotes';

/** A price is above 0 (SPEC §4: a price of 0 is no price; no market here quotes below it). */
const PriceSchema = z
  .string()
  .regex(/^\d+(\.\d+)?$/)
  .refine((price) => /[1-9]/.test(price), 'a price is above 0');
const EpochMillisSchema = z.number().int().nonnegative();

/** The last price seen for one venue and (normalized) symbol, and whether it is stale. */
export const StoredQuoteSchema = z.object({
  venue: z.string(),
  symbol: z.string(),
  price: PriceSchema,
  /** When the page showed it. */
  time: EpochMillisSchema,
  /** The adapter id, or 'picker'. */
  source: z.string(),
  /** When the background received it. */
  receivedAt: EpochMillisSchema,
  /** Set when the page reported that it has not refreshed the price since this time. */
  staleSince: EpochMillisSchema.nullable(),
});
export type StoredQuote = z.infer<typeof StoredQuoteSchema>;

export const QuotesRecordSchema = z.object({
  version: z.literal(1),
  /** By `quoteKey(venue, symbol)`. */
  quotes: z.record(z.string(), StoredQuoteSchema),
});
export type QuotesRecord = z.infer<typeof QuotesRecordSchema>;

export function emptyQuotesRecord(): QuotesRecord {
  return { version: 1, quotes: {} };
}

export const QUOTES: RecordSpec<QuotesRecord> = {
  key: QUOTES_KEY,
  schema: QuotesRecordSchema,
  fallback: emptyQuotesRecord,
};

export function quoteKey(venue: string, symbol: string): string {
  return `${venue}|${symbol}`;
}

export interface QuoteTick {
  readonly venue: string;
  /** Normalized (lib/sites/symbol). */
  readonly symbol: string;
  readonly price: string;
  readonly time: number;
  readonly source: string;
}

/**
 * Record a tick as the latest quote of its venue and symbol. Two tabs on the same symbol
 * can deliver out of order; the older tick then changes nothing.
 */
export function applyTick(record: QuotesRecord, tick: QuoteTick, receivedAt: number): QuotesRecord {
  const key = quoteKey(tick.venue, tick.symbol);
  const current = record.quotes[key];
  if (current !== undefined && current.time > tick.time) return record;
  const quote: StoredQuote = {
    venue: tick.venue,
    symbol: tick.symbol,
    price: tick.price,
    time: tick.time,
    source: tick.source,
    receivedAt,
    staleSince: null,
  };
  return { version: 1, quotes: { ...record.quotes, [key]: quote } };
}

/**
 * Mark a quote stale because a page has not refreshed it since `since` — unless a tick
 * newer than that arrived (from another tab), which proves the price is still live.
 */
export function applyStale(
  record: QuotesRecord,
  stale: { readonly venue: string; readonly symbol: string; readonly since: number },
): QuotesRecord {
  const key = quoteKey(stale.venue, stale.symbol);
  const current = record.quotes[key];
  if (current === undefined || current.time > stale.since || current.staleSince !== null) return record;
  return { version: 1, quotes: { ...record.quotes, [key]: { ...current, staleSince: stale.since } } };
}
