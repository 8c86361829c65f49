/**
 * Symbols are compared normalized (SPEC §4): upper case, without the exchange prefix and
 * without separators, so `BINANCE:BTCUSDT`, `BTC_USDT`, `BTC-USDT` and `BTC/USDT` are all
 * `BTCUSDT`.
 *
 * TradingView's perpetual suffix `.P` (`BYBIT:BTCUSDT.P`) is dropped too, so a chart of
 * the perpetual feeds a plan written for `BTCUSDT`. That also means a spot plan listens
 * to a perpetual chart of the same pair: the plan's venue, not the symbol, tells them apart.
 * Other dots stay (`BRK.B`), as do contract suffixes that exchanges spell out (`-SWAP`).
 */
export function normalizeSymbol(symbol: string): string {
  let text = symbol.trim().toUpperCase();
  const colon = text.lastIndexOf(':');
  if (colon >= 0) text = text.slice(colon + 1);
  text = text.replace(/\.P$/, '');
  return text.replace(/[\s_\-/]+/gu, '');
}

export function isSameSymbol(a: string, b: string): boolean {
  return normalizeSymbol(a) === normalizeSymbol(b);
}
