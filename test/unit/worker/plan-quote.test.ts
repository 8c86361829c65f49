import { describe, expect, it } from 'vitest';

import { applyDivergence, applyTick, emptyQuotesRecord, type QuotesRecord } from '../../../lib/store/quotes';
import { divergenceForPlan, quoteForPlan } from '../../../lib/worker/plan-quote';

const T0 = Date.UTC(2026, 10, 26, 9, 30);
const BTC = { venue: 'binance-futures', symbol: 'BTCUSDT' };
const STALE_AFTER_SECONDS = 30;

function tick(venue: string, price: string, at: number): (record: QuotesRecord) => QuotesRecord {
  return (record) => applyTick(record, { venue, symbol: 'BTCUSDT', price, time: at, source: venue }, at);
}

function divergence(venue: string, at: number): (record: QuotesRecord) => QuotesRecord {
  return (record) =>
    applyDivergence(
      record,
      {
        venue,
        symbol: 'BTCUSDT',
        first: { place: 'title', price: '61293.4' },
        second: { place: 'order book', price: '61020' },
        since: at - 1500,
        time: at,
      },
      at,
    );
}

function shown(...changes: ((record: QuotesRecord) => QuotesRecord)[]) {
  const record = changes.reduce((current, change) => change(current), emptyQuotesRecord());
  const quote = quoteForPlan(BTC, record, T0 + 10_000, STALE_AFTER_SECONDS);
  return { price: quote?.price ?? null, divergence: divergenceForPlan(BTC, record, quote) };
}

const BOTH = {
  first: { place: 'title', price: '61293.4' },
  second: { place: 'order book', price: '61020' },
};

describe('the divergence a plan shows', () => {
  it.each([
    {
      why: 'its page diverged after its last tick: the last agreed price and both numbers',
      changes: [tick('binance-futures', '61020', T0), divergence('binance-futures', T0 + 2000)],
      expected: { price: '61020', divergence: BOTH },
    },
    {
      why: 'its page disagreed from its first read: no price yet, both numbers',
      changes: [divergence('binance-futures', T0 + 2000)],
      expected: { price: null, divergence: BOTH },
    },
    {
      why: 'a TradingView chart of its symbol gave a price after the divergence: that price, no warning',
      changes: [divergence('binance-futures', T0 + 2000), tick('tradingview', '61021', T0 + 3000)],
      expected: { price: '61021', divergence: null },
    },
    {
      why: 'a page of another venue diverged: not a page it listens to',
      changes: [tick('binance-futures', '61020', T0), divergence('bybit', T0 + 2000)],
      expected: { price: '61020', divergence: null },
    },
    {
      why: 'its page agreed again',
      changes: [divergence('binance-futures', T0 + 2000), tick('binance-futures', '61020', T0 + 3000)],
      expected: { price: '61020', divergence: null },
    },
  ])('$why', ({ changes, expected }) => {
    expect(shown(...changes)).toEqual(expected);
  });
});
