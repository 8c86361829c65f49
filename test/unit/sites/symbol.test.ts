import { describe, expect, it } from 'vitest';
import { isSameSymbol, normalizeSymbol } from '../../../lib/sites/symbol';

describe('normalizeSymbol', () => {
  // SPEC §4: BINANCE:BTCUSDT, BTC_USDT, BTC-USDT and BTC/USDT are all BTCUSDT.
  it.each([
    { symbol: 'BINANCE:BTCUSDT', normalized: 'BTCUSDT', why: 'TradingView exchange prefix' },
    { symbol: 'BTC_USDT', normalized: 'BTCUSDT', why: 'Binance spot URL' },
    { symbol: 'BTC-USDT', normalized: 'BTCUSDT', why: 'OKX instrument id' },
    { symbol: 'BTC/USDT', normalized: 'BTCUSDT', why: 'Bybit spot, Kraken' },
    { symbol: 'btc-usd', normalized: 'BTCUSD', why: 'Kraken Pro URL, lower case' },
    { symbol: ' BTC / USDT ', normalized: 'BTCUSDT', why: 'spaces' },
    { symbol: 'BYBIT:BTCUSDT.P', normalized: 'BTCUSDT', why: "TradingView's perpetual suffix" },
    { symbol: 'CME_MINI:NQ1!', normalized: 'NQ1!', why: 'an exchange prefix with an underscore' },
    { symbol: 'NYSE:BRK.B', normalized: 'BRK.B', why: 'other dots are part of the ticker' },
    {
      symbol: 'BTC-USDT-SWAP',
      normalized: 'BTCUSDTSWAP',
      why: "OKX's swap suffix is spelled out, so it stays",
    },
  ])('normalizes $symbol to $normalized ($why)', ({ symbol, normalized }) => {
    expect(normalizeSymbol(symbol)).toBe(normalized);
  });

  it('tells different pairs apart', () => {
    expect(isSameSymbol('BINANCE:ETHUSDT', 'BTC_USDT')).toBe(false);
    expect(isSameSymbol('BTCUSD', 'BTCUSDT')).toBe(false);
    expect(isSameSymbol('binance:btcusdt', 'BTC/USDT')).toBe(true);
  });
});
