import { describe, expect, it } from 'vitest';

import {
  applyDivergence,
  applyStale,
  applyTick,
  emptyQuotesRecord,
  QuotesRecordSchema,
  quoteKey,
  type QuoteDivergence,
  type QuoteTick,
} from '../../../lib/store/quotes';

const T0 = Date.UTC(2026, 10, 26, 9, 30);
const tick: QuoteTick = {
  venue: 'binance-futures',
  symbol: 'BTCUSDT',
  price: '97123.45',
  time: T0,
  source: 'binance-futures',
};
const divergence: QuoteDivergence = {
  venue: 'binance-futures',
  symbol: 'BTCUSDT',
  first: { place: 'title', price: '61293.4' },
  second: { place: 'order book', price: '61020' },
  since: T0 + 200,
  time: T0 + 1700,
};
const KEY = quoteKey('binance-futures', 'BTCUSDT');

describe('quotes', () => {
  it('keeps the latest tick per venue and symbol', () => {
    let record = applyTick(emptyQuotesRecord(), tick, T0 + 5);
    record = applyTick(record, { ...tick, price: '97124', time: T0 + 100 }, T0 + 105);
    record = applyTick(
      record,
      { ...tick, venue: 'tradingview', source: 'tradingview', price: '97120' },
      T0 + 6,
    );
    expect(record.quotes[quoteKey('binance-futures', 'BTCUSDT')]).toEqual({
      ...tick,
      price: '97124',
      time: T0 + 100,
      receivedAt: T0 + 105,
      staleSince: null,
    });
    expect(record.quotes[quoteKey('tradingview', 'BTCUSDT')]?.price).toBe('97120');
  });

  it('ignores a tick older than the stored one (two tabs, out of order)', () => {
    const record = applyTick(emptyQuotesRecord(), { ...tick, time: T0 + 100 }, T0 + 100);
    expect(applyTick(record, tick, T0 + 101)).toBe(record);
  });

  it('marks a quote stale since the page’s last refresh, and a tick clears it', () => {
    let record = applyTick(emptyQuotesRecord(), tick, T0);
    record = applyStale(record, { venue: 'binance-futures', symbol: 'BTCUSDT', since: T0 });
    expect(record.quotes[quoteKey('binance-futures', 'BTCUSDT')]?.staleSince).toBe(T0);
    record = applyTick(record, { ...tick, time: T0 + 31_000 }, T0 + 31_000);
    expect(record.quotes[quoteKey('binance-futures', 'BTCUSDT')]?.staleSince).toBeNull();
  });

  it('does not mark stale a quote that another tab refreshed after `since`', () => {
    const record = applyTick(emptyQuotesRecord(), { ...tick, time: T0 + 500 }, T0 + 500);
    expect(applyStale(record, { venue: 'binance-futures', symbol: 'BTCUSDT', since: T0 })).toBe(record);
  });

  it('ignores a stale report for a quote it never saw', () => {
    const record = emptyQuotesRecord();
    expect(applyStale(record, { venue: 'okx', symbol: 'BTCUSDT', since: T0 })).toBe(record);
  });

  describe('divergences', () => {
    it('keeps a page’s divergence beside its quote and leaves the quote’s price alone', () => {
      const before = applyTick(emptyQuotesRecord(), tick, T0 + 1);
      const record = applyDivergence(before, divergence, T0 + 1702);
      expect(record.quotes).toBe(before.quotes);
      expect(record.divergences[KEY]).toEqual({
        venue: 'binance-futures',
        symbol: 'BTCUSDT',
        first: { place: 'title', price: '61293.4' },
        second: { place: 'order book', price: '61020' },
        since: T0 + 200,
        time: T0 + 1700,
        receivedAt: T0 + 1702,
      });
    });

    it('keeps a divergence of a page that never agreed, with no quote yet', () => {
      expect(Object.keys(applyDivergence(emptyQuotesRecord(), divergence, T0 + 1702).divergences)).toEqual([
        KEY,
      ]);
    });

    it('ends a divergence with a tick shown after it, not with one shown before', () => {
      const diverged = applyDivergence(emptyQuotesRecord(), divergence, T0 + 1702);
      const older = applyTick(diverged, { ...tick, time: T0 + 1000 }, T0 + 1703);
      expect(older.divergences[KEY], 'a tick from before the divergence (another tab)').toBeDefined();
      const newer = applyTick(diverged, { ...tick, time: T0 + 1800 }, T0 + 1801);
      expect(newer.divergences).toEqual({});
    });

    it('ignores a divergence older than the stored quote: a newer price both places agreed on', () => {
      const record = applyTick(emptyQuotesRecord(), { ...tick, time: T0 + 2000 }, T0 + 2000);
      expect(applyDivergence(record, divergence, T0 + 2001)).toBe(record);
    });

    it('reads a record stored before divergences were kept as having none', () => {
      const stored = { version: 1, quotes: {} };
      expect(QuotesRecordSchema.parse(stored)).toEqual({ version: 1, quotes: {}, divergences: {} });
    });
  });
});
