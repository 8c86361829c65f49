/**
 * Symbols are compared normalized (docs/page-reading.md#symbols): upper case, without the exchange prefix and
 * without separators, so `BINANCE:BTCUSDT`, `BTC_USDT`, `BTC-USDT` and `BTC/USDT` are all
 * `BTCUSDT`.
 *
 * TradingView's perpetual suffix `.P` (`BYBIT:BTCUSDT.P`) is dropped too, so a chart of
 * the perpetual feeds a plan written for `BTCUSDT`. That also means a spot plan listens
 * to a perpetual chart of the same pair: the plan's venue, not the symbol, tells them apart.
 * Other dots stay (`BRK.B`), as do contract suffixes that exchanges spell out (`-SWAP`).
 *
 * An expression (`BINANCE:BTCUSDT/BINANCE:ETHUSDT`, `1/BTCUSDT`, `BTCUSDT*2`) is no
 * instrument: it is kept whole, operators and prefixes included, so that it never
 * normalizes to one of its legs and never matches a plan's symbol.
 */
export function normalizeSymbol(symbol: string): string {
  const text = symbol.trim().toUpperCase();
  if (isExpression(text)) return text.replace(/\s+/gu, '');
  const withoutPrefix = text.replace(/^[A-Z0-9_]+:/u, '').replace(/\.P$/u, '');
  return withoutPrefix.replace(/[\s_\-/]+/gu, '');
}

export function isSameSymbol(a: string, b: string): boolean {
  return normalizeSymbol(a) === normalizeSymbol(b);
}

/** Operators a symbol never contains; a chart symbol with one is an expression. */
const OPERATOR = /[*+^()]/u;
/** An operand that is a plain number: `1/BTCUSDT`, `BTCUSDT/2`. */
const NUMBER_OPERAND = /^\d+(?:\.\d+)?$/u;

/**
 * Whether a symbol is a chart expression rather than an instrument (docs/page-reading.md#symbols): it has an
 * operator (`*`, `+`, `^`, brackets), or it divides or subtracts where a pair's separator
 * could not stand: an exchange prefix after the separator (`BINANCE:BTCUSDT/BINANCE:ETHUSDT`,
 * `TVC:US10Y-TVC:US02Y`), or a number divided or dividing (`1/BTCUSDT`), or subtracted
 * from. `BTC/USDT`, `BTC-USDT` and a dated contract `BTC-USD-250627` are instruments.
 */
export function isExpression(symbol: string): boolean {
  const text = symbol.trim();
  if (OPERATOR.test(text)) return true;
  const divided = text.split(/\s*\/\s*/u);
  const subtracted = text.split(/\s*-\s*/u);
  const hasPrefixAfter = (sides: readonly string[]) => sides.slice(1).some((side) => side.includes(':'));
  if (divided.length > 1 && (hasPrefixAfter(divided) || divided.some((side) => NUMBER_OPERAND.test(side)))) {
    return true;
  }
  return subtracted.length > 1 && (hasPrefixAfter(subtracted) || NUMBER_OPERAND.test(subtracted[0] ?? ''));
}
