import { z } from 'zod';

import { Decimal } from '../decimal';
import type { RecordSpec } from './stored-record';

/*
 * The ticks seen per symbol, kept so the planner can replay a plan on what the trader
 * actually saw. Two tiers:
 * - seconds: the last price of every second, for a day, one bucket per symbol per UTC hour;
 * - minutes: an OHLC candle per minute, for 30 days, one bucket per symbol per UTC day.
 * Buckets keep each storage write small (one hour of seconds is at most 3600 points)
 * instead of rewriting a symbol's whole history on every tick. An index lists every
 * bucket with its size so that the total can be shown and capped.
 */

export const TICK_HISTORY_PREFIX = 'tick-history/v1/';
export const TICK_HISTORY_INDEX_KEY = `${TICK_HISTORY_PREFIX}index`;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface TickHistoryLimits {
  readonly secondsRetentionMillis: number;
  readonly minutesRetentionMillis: number;
  /** Total size of every bucket (JSON characters); the oldest buckets go first when over. */
  readonly maxBytes: number;
}

/**
 * 4 MB: Chrome's storage.local holds 10 MB without `unlimitedStorage`, and plans, the
 * journal and the quotes need the rest.
 */
export const DEFAULT_TICK_HISTORY_LIMITS: TickHistoryLimits = {
  secondsRetentionMillis: DAY,
  minutesRetentionMillis: 30 * DAY,
  maxBytes: 4_000_000,
};

const PriceSchema = z.string().regex(/^-?\d+(\.\d+)?$/);
const OffsetSchema = z.number().int().nonnegative();

export const Tier = { seconds: 's', minutes: 'm' } as const;
export type Tier = (typeof Tier)[keyof typeof Tier];

/** One UTC hour of one symbol: `[secondsSinceStart, price]`, ascending, one per second. */
export const SecondsBucketSchema = z.object({
  version: z.literal(1),
  tier: z.literal(Tier.seconds),
  symbol: z.string(),
  start: z.number().int(),
  points: z.array(z.tuple([OffsetSchema.max(3599), PriceSchema])),
});
export type SecondsBucket = z.infer<typeof SecondsBucketSchema>;

/** One UTC day of one symbol: `[minutesSinceStart, open, high, low, close]`, ascending. */
export const MinutesBucketSchema = z.object({
  version: z.literal(1),
  tier: z.literal(Tier.minutes),
  symbol: z.string(),
  start: z.number().int(),
  candles: z.array(z.tuple([OffsetSchema.max(1439), PriceSchema, PriceSchema, PriceSchema, PriceSchema])),
});
export type MinutesBucket = z.infer<typeof MinutesBucketSchema>;
type Candle = MinutesBucket['candles'][number];

export const BucketSchema = z.discriminatedUnion('tier', [SecondsBucketSchema, MinutesBucketSchema]);
export type Bucket = z.infer<typeof BucketSchema>;

const IndexEntrySchema = z.object({
  symbol: z.string(),
  tier: z.enum([Tier.seconds, Tier.minutes]),
  start: z.number().int(),
  bytes: z.number().int().nonnegative(),
});
export type IndexEntry = z.infer<typeof IndexEntrySchema>;

export const TickHistoryIndexSchema = z.object({
  version: z.literal(1),
  /** By bucket key. */
  buckets: z.record(z.string(), IndexEntrySchema),
});
export type TickHistoryIndex = z.infer<typeof TickHistoryIndexSchema>;

export function emptyTickHistoryIndex(): TickHistoryIndex {
  return { version: 1, buckets: {} };
}

export const TICK_HISTORY_INDEX: RecordSpec<TickHistoryIndex> = {
  key: TICK_HISTORY_INDEX_KEY,
  schema: TickHistoryIndexSchema,
  fallback: emptyTickHistoryIndex,
};

export interface HistoryTick {
  /** Normalized (lib/sites/symbol). */
  readonly symbol: string;
  readonly price: string;
  readonly time: number;
}

export function bucketKey(symbol: string, tier: Tier, start: number): string {
  return `${TICK_HISTORY_PREFIX}${tier}/${encodeURIComponent(symbol)}/${start}`;
}

/** How long one bucket of a tier covers: an hour of seconds, a day of minutes. */
export function bucketSpanMillis(tier: Tier): number {
  return tier === Tier.seconds ? HOUR : DAY;
}

function bucketStart(tier: Tier, time: number): number {
  const size = bucketSpanMillis(tier);
  return Math.floor(time / size) * size;
}

/** The bucket keys a batch of ticks writes to: load these (and the index) before `appendTicks`. */
export function bucketKeysFor(ticks: readonly HistoryTick[]): string[] {
  const keys = new Set<string>();
  for (const tick of ticks) {
    keys.add(bucketKey(tick.symbol, Tier.seconds, bucketStart(Tier.seconds, tick.time)));
    keys.add(bucketKey(tick.symbol, Tier.minutes, bucketStart(Tier.minutes, tick.time)));
  }
  return [...keys];
}

export interface HistoryChange {
  readonly index: TickHistoryIndex;
  /** Buckets to write, by key. */
  readonly writes: ReadonlyMap<string, Bucket>;
  /** Bucket keys to remove (expired, or dropped to stay under the size cap). */
  readonly removals: readonly string[];
}

/**
 * Add ticks to their buckets, drop what has expired and what is over the size cap.
 * `buckets` holds the stored buckets for `bucketKeysFor(ticks)` (a missing one is new).
 * Pure: the background does the reads and writes.
 */
export function appendTicks(
  index: TickHistoryIndex,
  buckets: ReadonlyMap<string, Bucket>,
  ticks: readonly HistoryTick[],
  nowMillis: number,
  limits: TickHistoryLimits = DEFAULT_TICK_HISTORY_LIMITS,
): HistoryChange {
  const touched = new Map<string, Bucket>();
  const found = (key: string): Bucket | undefined => touched.get(key) ?? buckets.get(key);

  for (const tick of ticks) {
    if (tick.time < nowMillis - limits.minutesRetentionMillis) continue;
    let isLatestOfMinute = true;
    // A second-tier point is only worth writing while that tier still keeps it.
    if (tick.time >= nowMillis - limits.secondsRetentionMillis) {
      const start = bucketStart(Tier.seconds, tick.time);
      const key = bucketKey(tick.symbol, Tier.seconds, start);
      const stored = found(key);
      const bucket: SecondsBucket =
        stored?.tier === Tier.seconds
          ? stored
          : { version: 1, tier: Tier.seconds, symbol: tick.symbol, start, points: [] };
      const next = withPoint(bucket, Math.floor((tick.time - start) / SECOND), tick.price);
      isLatestOfMinute = next.isLatest;
      touched.set(key, next.bucket);
    }
    const start = bucketStart(Tier.minutes, tick.time);
    const key = bucketKey(tick.symbol, Tier.minutes, start);
    const stored = found(key);
    const bucket: MinutesBucket =
      stored?.tier === Tier.minutes
        ? stored
        : { version: 1, tier: Tier.minutes, symbol: tick.symbol, start, candles: [] };
    touched.set(
      key,
      withCandleTick(bucket, Math.floor((tick.time - start) / MINUTE), tick.price, isLatestOfMinute),
    );
  }

  const entries: Record<string, IndexEntry> = { ...index.buckets };
  for (const [key, bucket] of touched) {
    entries[key] = {
      symbol: bucket.symbol,
      tier: bucket.tier,
      start: bucket.start,
      bytes: JSON.stringify(bucket).length,
    };
  }
  const removals = bucketsToDrop(entries, nowMillis, limits);
  for (const key of removals) {
    delete entries[key];
    touched.delete(key);
  }
  return { index: { version: 1, buckets: entries }, writes: touched, removals };
}

/**
 * Set the price of one second: the last tick of a second wins. A tick delivered late
 * (another tab, a busy worker) is placed in order, but never over a price already
 * recorded for its second, which came after it.
 */
function withPoint(
  bucket: SecondsBucket,
  offset: number,
  price: string,
): { bucket: SecondsBucket; isLatest: boolean } {
  const points = bucket.points.slice();
  const last = points.at(-1);
  if (last === undefined || last[0] < offset) {
    points.push([offset, price]);
    return { bucket: { ...bucket, points }, isLatest: true };
  }
  if (last[0] === offset) {
    points[points.length - 1] = [offset, price];
    return { bucket: { ...bucket, points }, isLatest: true };
  }
  const at = points.findIndex(([second]) => second >= offset);
  if (points[at]?.[0] !== offset) points.splice(at, 0, [offset, price]);
  return { bucket: { ...bucket, points }, isLatest: false };
}

/** Fold one price into its minute's candle; a late tick may widen the range but never moves the close. */
function withCandleTick(
  bucket: MinutesBucket,
  offset: number,
  price: string,
  isLatest: boolean,
): MinutesBucket {
  const candles = bucket.candles.slice();
  const at = candles.findIndex(([minute]) => minute >= offset);
  const existing = at === -1 ? undefined : candles[at];
  if (existing === undefined || existing[0] !== offset) {
    const candle: Candle = [offset, price, price, price, price];
    if (at === -1) candles.push(candle);
    else candles.splice(at, 0, candle);
    return { ...bucket, candles };
  }
  const [, open, high, low, close] = existing;
  const value = new Decimal(price);
  candles[at] = [
    offset,
    open,
    value.greaterThan(high) ? price : high,
    value.lessThan(low) ? price : low,
    isLatest && at === candles.length - 1 ? price : close,
  ];
  return { ...bucket, candles };
}

/** Expired buckets, then the oldest seconds buckets, then the oldest minutes buckets, until under the cap. */
function bucketsToDrop(
  entries: Readonly<Record<string, IndexEntry>>,
  nowMillis: number,
  limits: TickHistoryLimits,
): string[] {
  const drop: string[] = [];
  const kept: [string, IndexEntry][] = [];
  for (const [key, entry] of Object.entries(entries)) {
    const size = bucketSpanMillis(entry.tier);
    const retention =
      entry.tier === Tier.seconds ? limits.secondsRetentionMillis : limits.minutesRetentionMillis;
    if (entry.start + size <= nowMillis - retention) drop.push(key);
    else kept.push([key, entry]);
  }
  let total = kept.reduce((sum, [, entry]) => sum + entry.bytes, 0);
  // The minutes tier summarizes the seconds tier, so seconds go first.
  kept.sort(([, a], [, b]) => (a.tier === b.tier ? a.start - b.start : a.tier === Tier.seconds ? -1 : 1));
  for (const [key, entry] of kept) {
    if (total <= limits.maxBytes) break;
    drop.push(key);
    total -= entry.bytes;
  }
  return drop;
}

/** Total size of the stored history, for "the size is capped and shown". */
export function historyBytes(index: TickHistoryIndex): number {
  return Object.values(index.buckets).reduce((sum, entry) => sum + entry.bytes, 0);
}

/** The bucket keys of one symbol and tier, oldest first: what a replay reads. */
export function bucketKeysOf(index: TickHistoryIndex, symbol: string, tier: Tier): string[] {
  return Object.entries(index.buckets)
    .filter(([, entry]) => entry.symbol === symbol && entry.tier === tier)
    .sort(([, a], [, b]) => a.start - b.start)
    .map(([key]) => key);
}

/** A seconds bucket as `{ time, price }` ticks. */
export function secondsToTicks(bucket: SecondsBucket): { time: number; price: string }[] {
  return bucket.points.map(([offset, price]) => ({ time: bucket.start + offset * SECOND, price }));
}

/** A minutes bucket as OHLC candles. */
export function minutesToCandles(
  bucket: MinutesBucket,
): { time: number; open: string; high: string; low: string; close: string }[] {
  return bucket.candles.map(([offset, open, high, low, close]) => ({
    time: bucket.start + offset * MINUTE,
    open,
    high,
    low,
    close,
  }));
}
