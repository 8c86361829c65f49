import { describe, expect, it } from 'vitest';

import { isTickForPlan } from '../../../lib/worker/routing';

// docs/page-reading.md#symbols: a plan listens to ticks for its symbol from its venue's pages and from
// TradingView charts of that symbol; symbols compare normalized.
describe('which ticks a plan listens to', () => {
  it.each([
    ['its venue, same symbol', 'binance-futures', 'BTCUSDT', 'binance-futures', 'BTCUSDT', true],
    ['its venue, the symbol with a separator', 'binance-spot', 'BTCUSDT', 'binance-spot', 'BTC_USDT', true],
    [
      'a TradingView chart of the symbol',
      'binance-futures',
      'BTCUSDT',
      'tradingview',
      'BINANCE:BTCUSDT',
      true,
    ],
    ['any page, for venue "any"', 'any', 'BTCUSDT', 'okx', 'BTC-USDT', true],
    ['each of a site family’s adapters', 'binance', 'BTCUSDT', 'binance-futures', 'BTCUSDT', true],
    ['another site', 'binance-futures', 'BTCUSDT', 'bybit', 'BTCUSDT', false],
    ['a site whose name only starts alike', 'okx', 'BTCUSDT', 'okxpro', 'BTCUSDT', false],
    ['another symbol on its venue', 'binance-futures', 'BTCUSDT', 'binance-futures', 'ETHUSDT', false],
  ])('%s: %s', (_, planVenue, planSymbol, tickVenue, tickSymbol, expected) => {
    expect(
      isTickForPlan({ venue: planVenue, symbol: planSymbol }, { venue: tickVenue, symbol: tickSymbol }),
    ).toBe(expected);
  });
});
