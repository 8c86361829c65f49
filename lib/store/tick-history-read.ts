import type { Bucket, IndexEntry, TickHistoryIndex } from './tick-history';
import { bucketSpanMillis, minutesToCandles, secondsToTicks, Tier } from './tick-history';

/*
 * Reading the tick history back for a replay (the planner's simulator "on the prices you
 * saw"): which symbols it holds and over which times, and the rows of one symbol in a
 * period — the last price of every second where the seconds tier still covers the whole
 * period, else a one-minute candle each. Pure: the background reads only the buckets named.
 */

/** What the history holds for one symbol: from its oldest bucket's start to its newest bucket's end. */
export interface HistorySpan {
  readonly symbol: string;
  readonly fromMillis: number;
  readonly toMillis: number;
}

export function historySpans(index: TickHistoryIndex): HistorySpan[] {
  const spans = new Map<string, { fromMillis: number; toMillis: number }>();
  for (const entry of Object.values(index.buckets)) {
    const end = entry.start + bucketSpanMillis(entry.tier);
    const span = spans.get(entry.symbol);
    spans.set(entry.symbol, {
      fromMillis: Math.min(span?.fromMillis ?? entry.start, entry.start),
      toMillis: Math.max(span?.toMillis ?? end, end),
    });
  }
  return [...spans]
    .map(([symbol, span]) => ({ symbol, ...span }))
    .sort((a, b) => a.symbol.localeCompare(b.symbol));
}

/** The tier a replay of this period reads, and the keys of its buckets that overlap the period, oldest first. */
export function historyBucketsFor(
  index: TickHistoryIndex,
  symbol: string,
  fromMillis: number,
  toMillis: number,
): { readonly tier: Tier; readonly keys: string[] } {
  const ofSymbol = Object.entries(index.buckets).filter(([, entry]) => entry.symbol === symbol);
  const overlapping = (tier: Tier) =>
    ofSymbol
      .filter(([, entry]) => entry.tier === tier && overlaps(entry, fromMillis, toMillis))
      .sort(([, a], [, b]) => a.start - b.start)
      .map(([key]) => key);
  const oldestSecond = Math.min(
    ...ofSymbol.filter(([, entry]) => entry.tier === Tier.seconds).map(([, entry]) => entry.start),
  );
  // Seconds only when they reach back to the period's start: a replay must not begin late.
  const tier = oldestSecond <= fromMillis ? Tier.seconds : Tier.minutes;
  return { tier, keys: overlapping(tier) };
}

function overlaps(entry: IndexEntry, fromMillis: number, toMillis: number): boolean {
  return entry.start < toMillis && entry.start + bucketSpanMillis(entry.tier) > fromMillis;
}

export type HistoryRows =
  | { readonly kind: 'ticks'; readonly ticks: { time: number; price: string }[] }
  | {
      readonly kind: 'candles';
      readonly candles: { time: number; open: string; high: string; low: string; close: string }[];
    };

/** The rows of the buckets read, inside [from, to], in time order. */
export function historyRows(
  tier: Tier,
  buckets: readonly Bucket[],
  fromMillis: number,
  toMillis: number,
): HistoryRows {
  const inside = (time: number) => time >= fromMillis && time <= toMillis;
  const sorted = [...buckets].sort((a, b) => a.start - b.start);
  if (tier === Tier.seconds) {
    return {
      kind: 'ticks',
      ticks: sorted.flatMap((bucket) =>
        bucket.tier === Tier.seconds ? secondsToTicks(bucket).filter((tick) => inside(tick.time)) : [],
      ),
    };
  }
  return {
    kind: 'candles',
    candles: sorted.flatMap((bucket) =>
      bucket.tier === Tier.minutes ? minutesToCandles(bucket).filter((candle) => inside(candle.time)) : [],
    ),
  };
}
