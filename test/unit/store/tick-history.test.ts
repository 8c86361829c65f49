import { describe, expect, it } from 'vitest';

import {
  appendTicks,
  bucketKey,
  bucketKeysFor,
  bucketKeysOf,
  BucketSchema,
  emptyTickHistoryIndex,
  historyBytes,
  minutesToCandles,
  secondsToTicks,
  Tier,
  type Bucket,
  type HistoryTick,
  type MinutesBucket,
  type SecondsBucket,
  type TickHistoryIndex,
} from '../../../lib/store/tick-history';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// 2026-11-26 09:00:00 UTC, the start of an hour bucket.
const T0 = Date.UTC(2026, 10, 26, 9);
const DAY0 = Date.UTC(2026, 10, 26);

/** A store the way the background drives it: load the touched buckets, append, apply the change. */
class MemoryHistory {
  index: TickHistoryIndex = emptyTickHistoryIndex();
  readonly buckets = new Map<string, Bucket>();

  append(ticks: HistoryTick[], nowMillis: number, maxBytes = 4_000_000): void {
    const loaded = new Map<string, Bucket>();
    for (const key of bucketKeysFor(ticks)) {
      const bucket = this.buckets.get(key);
      if (bucket !== undefined) loaded.set(key, bucket);
    }
    const change = appendTicks(this.index, loaded, ticks, nowMillis, {
      secondsRetentionMillis: DAY,
      minutesRetentionMillis: 30 * DAY,
      maxBytes,
    });
    this.index = change.index;
    for (const [key, bucket] of change.writes) this.buckets.set(key, bucket);
    for (const key of change.removals) this.buckets.delete(key);
  }

  seconds(symbol: string, start: number): SecondsBucket | undefined {
    const bucket = this.buckets.get(bucketKey(symbol, Tier.seconds, start));
    return bucket?.tier === Tier.seconds ? bucket : undefined;
  }

  minutes(symbol: string, start: number): MinutesBucket | undefined {
    const bucket = this.buckets.get(bucketKey(symbol, Tier.minutes, start));
    return bucket?.tier === Tier.minutes ? bucket : undefined;
  }
}

const tick = (price: string, offsetMillis: number, symbol = 'BTCUSDT'): HistoryTick => ({
  symbol,
  price,
  time: T0 + offsetMillis,
});

describe('tick history', () => {
  it('keeps the last price of each second', () => {
    const history = new MemoryHistory();
    history.append([tick('100', 0), tick('101', 400), tick('102', 999), tick('103', 1000)], T0 + 1000);
    const bucket = history.seconds('BTCUSDT', T0);
    expect(bucket?.points).toEqual([
      [0, '102'],
      [1, '103'],
    ]);
    expect(secondsToTicks(bucket!)).toEqual([
      { time: T0, price: '102' },
      { time: T0 + 1000, price: '103' },
    ]);
  });

  it('folds ticks into one OHLC candle per minute', () => {
    const history = new MemoryHistory();
    history.append(
      [tick('100', 0), tick('104', 10_000), tick('98', 20_000), tick('101', 59_000), tick('99', 60_000)],
      T0 + 60_000,
    );
    const candles = minutesToCandles(history.minutes('BTCUSDT', DAY0)!);
    expect(candles).toEqual([
      { time: T0, open: '100', high: '104', low: '98', close: '101' },
      { time: T0 + 60_000, open: '99', high: '99', low: '99', close: '99' },
    ]);
  });

  it('compares candle prices as decimals, not as text', () => {
    const history = new MemoryHistory();
    history.append([tick('9.5', 0), tick('10.25', 1000), tick('9.75', 2000)], T0 + 2000);
    const [candle] = minutesToCandles(history.minutes('BTCUSDT', DAY0)!);
    expect(candle).toMatchObject({ high: '10.25', low: '9.5', close: '9.75' });
  });

  it('places a late tick in order without overwriting a later price of its second or moving the close', () => {
    const history = new MemoryHistory();
    history.append([tick('100', 0), tick('102', 2000)], T0 + 2000);
    history.append([tick('95', 1000), tick('999', 2500)], T0 + 2600);
    history.append([tick('101', 500)], T0 + 2700);
    expect(history.seconds('BTCUSDT', T0)?.points).toEqual([
      [0, '100'],
      [1, '95'],
      [2, '999'],
    ]);
    const [candle] = minutesToCandles(history.minutes('BTCUSDT', DAY0)!);
    expect(candle).toMatchObject({ open: '100', low: '95', high: '999', close: '999' });
  });

  it('splits seconds by UTC hour and candles by UTC day, per symbol', () => {
    const history = new MemoryHistory();
    history.append([tick('100', HOUR - 1000), tick('101', HOUR), tick('3456.7', 0, 'ETHUSDT')], T0 + HOUR);
    expect(bucketKeysOf(history.index, 'BTCUSDT', Tier.seconds)).toEqual([
      bucketKey('BTCUSDT', Tier.seconds, T0),
      bucketKey('BTCUSDT', Tier.seconds, T0 + HOUR),
    ]);
    expect(bucketKeysOf(history.index, 'BTCUSDT', Tier.minutes)).toEqual([
      bucketKey('BTCUSDT', Tier.minutes, DAY0),
    ]);
    expect(bucketKeysOf(history.index, 'ETHUSDT', Tier.seconds)).toHaveLength(1);
  });

  it('drops seconds after a day and candles after 30 days', () => {
    const history = new MemoryHistory();
    history.append([tick('100', 0)], T0);
    history.append([tick('101', DAY + HOUR)], T0 + DAY + HOUR);
    expect(history.seconds('BTCUSDT', T0), 'a day and an hour later').toBeUndefined();
    expect(history.minutes('BTCUSDT', DAY0)).toBeDefined();
    history.append([tick('102', 31 * DAY)], T0 + 31 * DAY);
    expect(history.minutes('BTCUSDT', DAY0), '31 days later').toBeUndefined();
    expect(Object.keys(history.index.buckets).every((key) => history.buckets.has(key))).toBe(true);
  });

  it('ignores ticks older than the minutes tier keeps, and keeps old-but-recent ones as candles only', () => {
    const history = new MemoryHistory();
    const now = T0 + 40 * DAY;
    history.append([{ symbol: 'BTCUSDT', price: '1', time: T0 }], now);
    expect(history.index.buckets).toEqual({});
    history.append([{ symbol: 'BTCUSDT', price: '1', time: now - 2 * DAY }], now);
    expect(bucketKeysOf(history.index, 'BTCUSDT', Tier.seconds)).toEqual([]);
    expect(bucketKeysOf(history.index, 'BTCUSDT', Tier.minutes)).toHaveLength(1);
  });

  it('stays under the size cap by dropping the oldest seconds first', () => {
    const history = new MemoryHistory();
    const maxBytes = 6000;
    for (let second = 0; second < 3 * 3600; second += 20) {
      history.append([tick(`${100 + (second % 7)}.5`, second * 1000)], T0 + second * 1000, maxBytes);
    }
    expect(historyBytes(history.index)).toBeLessThanOrEqual(maxBytes);
    const seconds = bucketKeysOf(history.index, 'BTCUSDT', Tier.seconds);
    expect(seconds, 'only the newest hour of seconds fits').toEqual([
      bucketKey('BTCUSDT', Tier.seconds, T0 + 2 * HOUR),
    ]);
    expect(bucketKeysOf(history.index, 'BTCUSDT', Tier.minutes), 'the candles survive').toHaveLength(1);
  });

  it('records each bucket’s size in the index', () => {
    const history = new MemoryHistory();
    history.append([tick('100', 0)], T0);
    for (const [key, entry] of Object.entries(history.index.buckets)) {
      expect(entry.bytes).toBe(JSON.stringify(history.buckets.get(key)).length);
    }
  });

  it('writes buckets that its own schema accepts', () => {
    const history = new MemoryHistory();
    history.append([tick('100', 0), tick('0.00001234', 1000)], T0 + 1000);
    for (const bucket of history.buckets.values()) expect(BucketSchema.safeParse(bucket).success).toBe(true);
  });

  it('escapes symbols in keys', () => {
    expect(bucketKey('BRK.B/X', Tier.seconds, T0)).toBe(`tick-history/v1/s/BRK.B%2FX/${T0}`);
  });
});
