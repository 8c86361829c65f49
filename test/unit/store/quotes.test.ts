import { describe, expect, it } from 'vitest';

import {
  applyStale,
  applyTick,
  emptyQuotesRecord,
  quoteKey,
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
});
