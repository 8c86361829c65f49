import { describe, expect, it } from 'vitest';
import { isExpression, isSameSymbol, normalizeSymbol } from '../../../lib/sites/symbol';

describe('normalizeSymbol', () => {
  // docs/page-reading.md#symbols: BINANCE:BTCUSDT, BTC_USDT, BTC-USDT and BTC/USDT are all BTCUSDT.
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

describe('a chart expression is no instrument (docs/page-reading.md#symbols)', () => {
  it.each([
    { symbol: 'BINANCE:BTCUSDT/BINANCE:ETHUSDT', why: 'a spread of two prefixed symbols' },
    { symbol: '1/BINANCE:BTCUSDT', why: 'an inverse' },
    { symbol: '1/BTCUSDT', why: 'an inverse without a prefix' },
    { symbol: 'BTCUSDT*2', why: 'a multiple' },
    { symbol: 'BTCUSDT+ETHUSDT', why: 'a sum' },
    { symbol: '(BINANCE:BTCUSDT+BINANCE:ETHUSDT)/2', why: 'an average' },
    { symbol: 'TVC:US10Y-TVC:US02Y', why: 'a yield spread' },
    { symbol: 'BTCUSDT^2', why: 'a power' },
  ])('$symbol is an expression ($why)', ({ symbol }) => {
    expect(isExpression(symbol)).toBe(true);
  });

  it.each([
    'BTC/USDT',
    'BTC-USDT',
    'BTC-USDT-SWAP',
    'BTC-USD-250627',
    'BINANCE:BTCUSDT',
    'CME_MINI:NQ1!',
    'BRK.B',
  ])('%s is an instrument', (symbol) => {
    expect(isExpression(symbol)).toBe(false);
  });

  it('never normalizes a spread to one of its legs, so its ratio reaches no plan of either coin', () => {
    // Before: BINANCE:BTCUSDT/BINANCE:ETHUSDT normalized to ETHUSDT, and an ETHUSDT long got a stop at 20.5.
    expect(isSameSymbol('BINANCE:BTCUSDT/BINANCE:ETHUSDT', 'ETHUSDT')).toBe(false);
    expect(isSameSymbol('BINANCE:BTCUSDT/BINANCE:ETHUSDT', 'BTCUSDT')).toBe(false);
    expect(isSameSymbol('1/BINANCE:BTCUSDT', 'BTCUSDT')).toBe(false);
    expect(isSameSymbol('BTCUSDT*2', 'BTCUSDT')).toBe(false);
    expect(normalizeSymbol('binance:btcusdt / binance:ethusdt')).toBe('BINANCE:BTCUSDT/BINANCE:ETHUSDT');
  });
});
