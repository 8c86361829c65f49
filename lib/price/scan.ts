/**
 * Splits a printed number into its decorations (arrows, sign, currency) and its core
 * (digits and separators), without deciding what the separators mean. parse.ts decides;
 * the title readers use the same scan to tell a price from a change or a word.
 */

/** Direction marks that sites print next to a price; they say how it moved, not its sign. */
const ARROWS = new Set(['▲', '▼', '△', '▽', '↑', '↓', '⬆', '⬇', '⏶', '⏷']);

/** Hyphen-minus, U+2212 minus (TradingView), small and full-width forms. */
const MINUS = new Set(['-', '\u2212', '\uFE63', '\uFF0D']);
const PLUS = new Set(['+', '\uFF0B']);

const CURRENCY_SIGNS = new Set(['$', '€', '£', '¥', '₿', '₮', '₽', '₹', '₩', '₺', '₴', '₫']);

/** Codes printed before or after a price ("97,123.45 USDT"), longest first so USDT wins over USD. */
const CURRENCY_CODES = [
  'FDUSD',
  'BUSD',
  'TUSD',
  'USDT',
  'USDC',
  'US$',
  'USD',
  'EUR',
  'GBP',
  'JPY',
  'DAI',
  'BTC',
  'ETH',
  'BNB',
];

/** Characters that group digits but are never a decimal mark. */
export const GROUP_ONLY = new Set([' ', '\u00A0', '\u202F', '\u2009', "'", '\u2019']);

const SUBSCRIPT_DIGITS = '₀₁₂₃₄₅₆₇₈₉';
/** Letters that abbreviate a figure ("59.4K", "5M"), with what each stands for. */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  K: 'thousands',
  k: 'thousands',
  M: 'millions',
  B: 'billions',
  T: 'trillions',
};

const PERCENT = /[%\uFF05\u2030]/;

export function isSubscriptDigit(ch: string): boolean {
  return SUBSCRIPT_DIGITS.includes(ch);
}

export function subscriptValue(text: string): number {
  let value = 0;
  for (const ch of text) value = value * 10 + SUBSCRIPT_DIGITS.indexOf(ch);
  return value;
}

function isAsciiDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

function isDigitLike(ch: string | undefined): boolean {
  return ch !== undefined && (isAsciiDigit(ch) || isSubscriptDigit(ch));
}

function isSpace(ch: string): boolean {
  return /\s/u.test(ch);
}

export interface Scan {
  /** -1 when a minus was printed, 1 otherwise. */
  readonly sign: 1 | -1;
  readonly hasExplicitSign: boolean;
  readonly hasPercent: boolean;
  /** Digits and separators, untouched ("97,123.45", "0.0₄123"). Empty when none were found. */
  readonly core: string;
  /** K, M, B or T, when printed right after the digits: an abbreviated figure. */
  readonly suffix: string;
  /** Whatever was left that is not a decoration; non-empty means this is not one number. */
  readonly rest: string;
  /** A reason when the decorations themselves are malformed (two signs). */
  readonly problem?: string;
}

function startsWithCode(chars: readonly string[], at: number): string | undefined {
  const ahead = chars
    .slice(at, at + 6)
    .join('')
    .toUpperCase();
  for (const code of CURRENCY_CODES) {
    if (!ahead.startsWith(code)) continue;
    const next = chars[at + [...code].length];
    // "USDT" is a code only as a whole word: "USDTX" is something else.
    if (next === undefined || !/\p{L}/u.test(next)) return code;
  }
  return undefined;
}

/** Reads decorations, the one core and the suffix; never throws. */
export function scanNumber(text: string): Scan {
  const chars = [...text];
  let i = 0;
  let sign: 1 | -1 = 1;
  let hasExplicitSign = false;
  let problem: string | undefined;

  const skipDecorations = (allowSign: boolean): void => {
    for (;;) {
      const ch = chars[i];
      if (ch === undefined) return;
      if (isSpace(ch) || ARROWS.has(ch) || CURRENCY_SIGNS.has(ch)) {
        i += 1;
        continue;
      }
      if (allowSign && (MINUS.has(ch) || PLUS.has(ch))) {
        if (hasExplicitSign) problem ??= 'more than one sign';
        hasExplicitSign = true;
        sign = MINUS.has(ch) ? -1 : 1;
        i += 1;
        continue;
      }
      const code = startsWithCode(chars, i);
      if (code !== undefined) {
        i += [...code].length;
        continue;
      }
      return;
    }
  };

  skipDecorations(true);

  let core = '';
  for (;;) {
    const ch = chars[i];
    if (ch === undefined) break;
    if (isDigitLike(ch) || ch === '.' || ch === ',') {
      core += ch;
      i += 1;
      continue;
    }
    // A group-only character belongs to the number only between two digits ("97 123,45").
    if (GROUP_ONLY.has(ch) && isAsciiDigit(core.at(-1)) && isAsciiDigit(chars[i + 1])) {
      core += ch;
      i += 1;
      continue;
    }
    break;
  }

  let suffix = '';
  const afterCore = chars[i];
  if (core !== '' && afterCore !== undefined && Object.hasOwn(ABBREVIATIONS, afterCore)) {
    const next = chars[i + 1];
    if (next === undefined || !/\p{L}/u.test(next)) {
      suffix = afterCore;
      i += 1;
    }
  }

  skipDecorations(false);
  const rest = chars.slice(i).join('');
  return {
    sign,
    hasExplicitSign,
    hasPercent: PERCENT.test(text),
    core,
    suffix,
    rest,
    ...(problem === undefined ? {} : { problem }),
  };
}

/**
 * Whether a word of a title is written as a number (digits with separators, decorations
 * and an optional K/M/B suffix), whether or not it parses. "24h", "NQZ2026" and "2x" are
 * words; "97,123.45", "$1.2K" and "1,23,4" are numbers.
 */
export function looksNumeric(text: string): boolean {
  const scan = scanNumber(text);
  return scan.rest === '' && /[0-9₀-₉]/.test(scan.core);
}

/** A change next to a price: a percentage, or a number printed with an explicit sign. */
export function looksLikeChange(text: string): boolean {
  const scan = scanNumber(text);
  return /[0-9]/.test(scan.core) && (scan.hasPercent || scan.hasExplicitSign);
}
