import { describe, expect, it } from 'vitest';

import { signalLines } from '../../../lib/signal/normalize';
import { findPair } from '../../../lib/signal/pair';

// The one pair a signal trades (lib/signal/pair.ts); a coin named alone is quoted in USDT.
function pairOf(text: string): string {
  const found = findPair(signalLines(text));
  if (!found.ok) return found.problem.message;
  return `${found.pair.base}/${found.pair.quote}${found.pair.isPerpetual ? ' perpetual' : ''}`;
}

describe('the pair of a signal', () => {
  it.each([
    ['#BTCUSDT LONG', 'BTC/USDT'],
    ['COIN: $BTC/USDT', 'BTC/USDT'],
    ['⚡️⚡️ # ETC / USDT ⚡️⚡️', 'ETC/USDT'],
    ['#ETH USDT\n📍 SHORT', 'ETH/USDT'],
    ['#BAL|USDT (Binance Futures)', 'BAL/USDT'],
    ['BINANCE:BTCUSDT.P long', 'BTC/USDT perpetual'],
    ['#BTCUSDT PERP', 'BTC/USDT perpetual'],
    ['BTC-USDT-SWAP long', 'BTC/USDT perpetual'],
    ['1000PEPE/USDT Long above 0.01215', '1000PEPE/USDT'],
    ['$ETHBTC long', 'ETH/BTC'],
    ['Pair: XRP LONG', 'XRP/USDT'],
    ['DOGE short 😱', 'DOGE/USDT'],
    ['BTC scalp short\nEntry 35200\n#CCC', 'BTC/USDT'],
    ['$PEPE 做多', 'PEPE/USDT'],
    ['【BTC合约】\n方向：做多', 'BTC/USDT'],
    ['Long/Buy #1INCH/USDT 3.2605\nBuy #LINK when it comes around the entry', '1INCH/USDT'],
  ])('%j names %s', (text, pair) => {
    expect(pairOf(text)).toBe(pair);
  });

  it.each([
    [
      'LONG #BTCUSDT and #ETHUSDT',
      'the text names several pairs (BTCUSDT, ETHUSDT): paste one signal at a time',
    ],
    ['#LONG #SIGNAL #BINANCE', 'no pair found: write it like "BTC/USDT", "#BTCUSDT" or "$BTC"'],
    ['Exchange: ByBit USDT', 'no pair found: write it like "BTC/USDT", "#BTCUSDT" or "$BTC"'],
  ])('%j: %s', (text, problem) => {
    expect(pairOf(text)).toBe(problem);
  });
});
