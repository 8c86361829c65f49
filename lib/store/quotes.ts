import { z } from 'zod';

import type { RecordSpec } from './stored-record';

/** storage.local key of the latest quote per venue and symbol. */
export const QUOTES_KEY = 'quotes';

/**
 * A price is above 0 (docs/page-reading.md#reading-a-number: a price of 0 is no price; no market
 * here quotes below it).
 */
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

const PlacedPriceSchema = z.object({
  /** Where the page shows it, as the trader reads it: "title", "order book", "chart legend". */
  place: z.string(),
  price: PriceSchema,
});

/**
 * A page showing its last price in two places that disagree (lib/watch/cross-check): it
 * sends no tick meanwhile, and the trader is shown both numbers. The quote keeps the last
 * price both agreed on; a tick newer than `time` ends the divergence.
 */
export const StoredDivergenceSchema = z.object({
  venue: z.string(),
  symbol: z.string(),
  first: PlacedPriceSchema,
  second: PlacedPriceSchema,
  /** When the two began to disagree. */
  since: EpochMillisSchema,
  /** When the page showed these two numbers. */
  time: EpochMillisSchema,
  receivedAt: EpochMillisSchema,
});
export type StoredDivergence = z.infer<typeof StoredDivergenceSchema>;

export const QuotesRecordSchema = z.object({
  version: z.literal(1),
  /** By `quoteKey(venue, symbol)`. */
  quotes: z.record(z.string(), StoredQuoteSchema),
  /**
   * By `quoteKey(venue, symbol)`: the pages whose two prices disagree now. Absent from
   * records written before the cross-check: none then.
   */
  divergences: z.record(z.string(), StoredDivergenceSchema).default({}),
});
export type QuotesRecord = z.infer<typeof QuotesRecordSchema>;

export function emptyQuotesRecord(): QuotesRecord {
  return { version: 1, quotes: {}, divergences: {} };
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
 * can deliver out of order; the older tick then changes nothing. A tick newer than a
 * divergence of the same venue and symbol ends it: the page's prices agree again (or
 * another page of it gives a price both its places agree on).
 */
export function applyTick(record: QuotesRecord, tick: QuoteTick, receivedAt: number): QuotesRecord {
  const key = quoteKey(tick.venue, tick.symbol);
  const current = record.quotes[key];
  if (current !== undefined && current.time > tick.time) return record;
  const divergence = record.divergences[key];
  const divergences =
    divergence !== undefined && divergence.time <= tick.time
      ? withoutKey(record.divergences, key)
      : record.divergences;
  const quote: StoredQuote = {
    venue: tick.venue,
    symbol: tick.symbol,
    price: tick.price,
    time: tick.time,
    source: tick.source,
    receivedAt,
    staleSince: null,
  };
  return { version: 1, quotes: { ...record.quotes, [key]: quote }, divergences };
}

export interface QuoteDivergence {
  readonly venue: string;
  /** Normalized (lib/sites/symbol). */
  readonly symbol: string;
  readonly first: { readonly place: string; readonly price: string };
  readonly second: { readonly place: string; readonly price: string };
  readonly since: number;
  readonly time: number;
}

/**
 * Record that a page's two prices disagree, unless a tick newer than the numbers it
 * reports arrived meanwhile (from another tab, or the same page agreeing again). The quote
 * itself is left as it was: a price in dispute never becomes the last price, which the
 * worker gives to the plans again when it restarts.
 */
export function applyDivergence(
  record: QuotesRecord,
  divergence: QuoteDivergence,
  receivedAt: number,
): QuotesRecord {
  const key = quoteKey(divergence.venue, divergence.symbol);
  const current = record.quotes[key];
  if (current !== undefined && current.time > divergence.time) return record;
  const { venue, symbol, first, second, since, time } = divergence;
  const stored: StoredDivergence = {
    venue,
    symbol,
    first: { place: first.place, price: first.price },
    second: { place: second.place, price: second.price },
    since,
    time,
    receivedAt,
  };
  return { ...record, divergences: { ...record.divergences, [key]: stored } };
}

function withoutKey<T>(entries: Readonly<Record<string, T>>, key: string): Record<string, T> {
  const { [key]: _removed, ...rest } = entries;
  return rest;
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
  return { ...record, quotes: { ...record.quotes, [key]: { ...current, staleSince: stale.since } } };
}
