import { foldCase } from './normalize';
import { spokenFinder } from './phrases';
import { COUNT_UNITS } from './vocabulary';

/**
 * What a number in a signal's line is, from the characters around it:
 * - `value`: a price candidate (`0.3850$`, `10500USDT`, `64,200`);
 * - `percent`: `20%`, `(-15%)`, Turkish `%20`; `isSigned` when written with + or −;
 * - `leverage`: `10x`, `x10`, `×50`, `10倍`, and the first number of `5-10x`;
 * - `abbreviated`: `38K`, a rounded price that cannot be used;
 * - `other`: list markers (`1)`), indexes glued to labels (`TP1`), ratios (`1:3`, `12:30`),
 *   durations (`4H`, `in 4 hours`), numbers inside words (`1INCH`, `#1`).
 */
export type NumberKind = 'value' | 'percent' | 'leverage' | 'abbreviated' | 'other';

export interface NumberToken {
  readonly kind: NumberKind;
  /** The digits and separators as written (`64,200`, `0.0₄123`). */
  readonly raw: string;
  readonly start: number;
  /** After the number and what belongs to it (`%`, `x`, a glued unit). */
  readonly end: number;
  readonly isSigned: boolean;
}

const NUMBER = /0[.,]0[₀-₉]+\d+|\d+(?:[.,]\d+)*/gu;
/** `1:3`, `4.5:1`, `12:30`: small numbers around a colon are ratios or times, never prices. */
const RATIO = /(?<![\p{L}\p{N}.,])\d{1,2}(?:\.\d+)?:\d{1,2}(?:\.\d+)?(?![\d])/gu;
const LETTER_NOT_HAN = /[\p{L}--\p{Script=Han}]/v;
const LETTERS_AHEAD = /^[\p{L}\p{M}]+/u;
const CURRENCY_SUFFIXES = new Set(['usdt', 'usd', 'usdc', 'busd', 'fdusd', 'tusd']);
const LEVERAGE_MARKS = new Set(['x', 'X', '×']);
const ABBREVIATIONS = new Set(['k', 'K', 'к', 'К']);
const countUnits = spokenFinder(COUNT_UNITS);

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && LETTER_NOT_HAN.test(ch);
}

/** Every number of a plain line, classified (see NumberKind). */
export function numberTokens(line: string): NumberToken[] {
  const ratios = [...line.matchAll(RATIO)].map((match) => [match.index, match.index + match[0].length]);
  const inRatio = (at: number) => ratios.some(([from = 0, to = 0]) => at >= from && at < to);
  const tokens: NumberToken[] = [];
  for (const match of line.matchAll(NUMBER)) {
    const start = match.index;
    const raw = match[0];
    const classified = inRatio(start)
      ? { kind: 'other' as const, end: start + raw.length }
      : classify(line, start, raw);
    tokens.push({
      raw,
      start,
      isSigned: isSignedAt(line, start) && classified.kind === 'percent',
      ...classified,
    });
  }
  return spreadAcrossRanges(line, tokens);
}

function isSignedAt(line: string, start: number): boolean {
  const sign = line[start - 1];
  return (sign === '+' || sign === '-') && !/[\d.,]/u.test(line[start - 2] ?? '');
}

function classify(line: string, start: number, raw: string): { kind: NumberKind; end: number } {
  const end = start + raw.length;
  const before = line[start - 1];
  const next = line[end];
  const other = { kind: 'other' as const, end };
  if (before === '#' || before === '№') return other;
  if (before === '%') return { kind: 'percent', end };
  if (before === '×' || isLeverageMarkBefore(line, start)) return { kind: 'leverage', end };
  if (isLetter(before)) return other;
  const percent = /^\s?%/u.exec(line.slice(end));
  if (percent) return { kind: 'percent', end: end + percent[0].length };
  if (next === '倍') return { kind: 'leverage', end: end + 1 };
  if (next !== undefined && LEVERAGE_MARKS.has(next) && !isLetter(line[end + 1])) {
    return { kind: 'leverage', end: end + 1 };
  }
  if (next !== undefined && ABBREVIATIONS.has(next) && !isLetter(line[end + 1])) {
    return { kind: 'abbreviated', end: end + 1 };
  }
  if (next === ')' && /^\d{1,2}$/u.test(raw) && before !== '(') return { kind: 'other', end: end + 1 };
  if (isLineStartMarker(line, start, raw)) return { kind: 'other', end: end + 1 };
  const glued = LETTERS_AHEAD.exec(line.slice(end))?.[0];
  if (glued !== undefined && isLetter(glued[0])) {
    return CURRENCY_SUFFIXES.has(foldCase(glued))
      ? { kind: 'value', end }
      : { kind: 'other', end: end + glued.length };
  }
  if (isCountAfter(line, end)) return other;
  return { kind: 'value', end };
}

/** `x10`, `X 20`: an x that does not end a word. */
function isLeverageMarkBefore(line: string, start: number): boolean {
  const gap = line[start - 1] === ' ' ? 1 : 0;
  const mark = line[start - 1 - gap];
  return mark !== undefined && LEVERAGE_MARKS.has(mark) && mark !== '×' && !isLetter(line[start - 2 - gap]);
}

/** `1. 0.385` or `2- 0.40` at the start of a line: a list number, not a price. */
function isLineStartMarker(line: string, start: number, raw: string): boolean {
  if (!/^\d{1,2}$/u.test(raw) || /[\p{L}\p{N}]/u.test(line.slice(0, start))) return false;
  return /^[.)-]\s+\d/u.test(line.slice(start + raw.length));
}

/** `in 4 hours`, `2 days`: a count of something, not a price. */
function isCountAfter(line: string, end: number): boolean {
  const rest = line.slice(end);
  const gap = /^\s+/u.exec(rest)?.[0].length ?? 0;
  if (gap === 0) return false;
  const unit = countUnits(rest.slice(gap)).find((hit) => hit.start === 0);
  return unit !== undefined;
}

/**
 * In `3-5%`, `5-10x`, `10 to 15%` the suffix covers both numbers: the first takes the
 * second's kind. A spaced dash is no range: `5.937 - 30%` is a price and its weight.
 */
function spreadAcrossRanges(line: string, tokens: readonly NumberToken[]): NumberToken[] {
  return tokens.map((token, index) => {
    const next = tokens[index + 1];
    if (token.kind !== 'value' || next === undefined) return token;
    if (next.kind !== 'percent' && next.kind !== 'leverage') return token;
    const between = foldCase(line.slice(token.end, next.start));
    return /^(?:[-~/]|\s*(?:to|до|至|到)\s*)[x×]?$/u.test(between) ? { ...token, kind: next.kind } : token;
  });
}
