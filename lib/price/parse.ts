import { ABBREVIATIONS, GROUP_ONLY, isSubscriptDigit, scanNumber, subscriptValue } from './scan';

export type DecimalMark = '.' | ',';

/**
 * How a site writes numbers. Only the decimal mark is needed: the other of `.`/`,` then
 * groups digits, as do spaces and apostrophes. Binance and TradingView write `97,123.45`.
 */
export interface PriceConvention {
  readonly decimal: DecimalMark;
}

export type PriceParseResult = { ok: true; value: string } | { ok: false; reason: string };

const fail = (reason: string): PriceParseResult => ({ ok: false, reason });

/** `0.0₄123`: "0", a decimal mark, "0", the count of zeros after the mark as subscript digits, the digits. */
const SUBSCRIPT_NOTATION = /^0([.,])0([₀-₉]+)(\d+)$/u;

interface Split {
  readonly integerDigits: string;
  readonly fractionDigits: string;
}

/**
 * Validates digit grouping: the first group has 1–3 digits, every later one exactly 3, and
 * a number never starts with a group of "0" ("0,123" is not a grouped integer).
 */
function ungroup(integerPart: string, groupChar: string | undefined): string | undefined {
  if (groupChar === undefined) return /^\d*$/.test(integerPart) ? integerPart : undefined;
  const groups = integerPart.split(groupChar);
  const [first, ...later] = groups;
  if (first === undefined || !/^\d{1,3}$/.test(first) || later.length === 0) return undefined;
  if (first === '0') return undefined;
  if (!later.every((g) => /^\d{3}$/.test(g))) return undefined;
  return groups.join('');
}

function groupKinds(core: string): Set<string> {
  const kinds = new Set<string>();
  for (const ch of core) {
    // Spaces of every width are one kind: sites mix a space and a no-break space freely.
    if (GROUP_ONLY.has(ch)) kinds.add(ch === "'" || ch === '\u2019' ? "'" : ' ');
  }
  return kinds;
}

function normalizeSpaces(core: string): string {
  return core.replace(/[\u00A0\u202F\u2009]/g, ' ').replace(/\u2019/g, "'");
}

function count(text: string, ch: string): number {
  let n = 0;
  for (const c of text) if (c === ch) n += 1;
  return n;
}

/** Decides the decimal mark, or explains why the text cannot say. */
function chooseDecimalMark(
  core: string,
  convention: PriceConvention | undefined,
): { mark: DecimalMark | undefined } | { reason: string } {
  const dots = count(core, '.');
  const commas = count(core, ',');
  const hasOtherGroup = groupKinds(core).size > 0;
  if (convention) return { mark: dots + commas === 0 ? undefined : convention.decimal };
  if (dots === 0 && commas === 0) return { mark: undefined };
  if (dots > 0 && commas > 0) return { mark: core.lastIndexOf('.') > core.lastIndexOf(',') ? '.' : ',' };
  const mark: DecimalMark = dots > 0 ? '.' : ',';
  if (count(core, mark) > 1) return { mark: undefined };
  // One mark next to a space or apostrophe group: the group char is taken, so the mark is decimal.
  if (hasOtherGroup) return { mark };
  const [integerPart = '', fraction = ''] = core.split(mark);
  if (fraction.length !== 3) return { mark };
  // "0.123", ".123" and "1234.567" cannot be grouping; "1,234" can be either.
  if (integerPart === '' || integerPart === '0' || integerPart.length > 3) return { mark };
  return {
    reason: `"${core}" is ambiguous: it could be ${integerPart}${fraction} or ${integerPart}.${fraction}, and neither the site nor the page's language says which`,
  };
}

function splitCore(core: string, convention: PriceConvention | undefined): Split | { reason: string } {
  const choice = chooseDecimalMark(core, convention);
  if ('reason' in choice) return choice;
  const mark = choice.mark;
  const normalized = normalizeSpaces(core);
  let integerPart = normalized;
  let fractionDigits = '';
  if (mark !== undefined && normalized.includes(mark)) {
    if (count(normalized, mark) > 1) return { reason: `"${core}" has more than one decimal mark "${mark}"` };
    const at = normalized.indexOf(mark);
    integerPart = normalized.slice(0, at);
    fractionDigits = normalized.slice(at + 1);
    if (!/^\d+$/.test(fractionDigits)) {
      return {
        reason:
          fractionDigits === ''
            ? `"${core}" ends with its decimal mark; a digit is missing`
            : `"${core}" has separators after its decimal mark`,
      };
    }
  }
  const groupChars = new Set([...integerPart].filter((ch) => !/\d/.test(ch)));
  if (groupChars.size > 1) return { reason: `"${core}" mixes digit-group separators` };
  const [groupChar] = groupChars;
  const integerDigits = ungroup(integerPart, groupChar);
  if (integerDigits === undefined) {
    return { reason: `"${core}" is not grouped in threes` };
  }
  if (integerDigits === '' && fractionDigits === '') return { reason: 'no digits' };
  return { integerDigits, fractionDigits };
}

function readSubscriptNotation(
  core: string,
  convention: PriceConvention | undefined,
): Split | { reason: string } {
  const match = SUBSCRIPT_NOTATION.exec(core);
  const [, mark, subscript, digits] = match ?? [];
  if (mark === undefined || subscript === undefined || digits === undefined) {
    return { reason: `"${core}" uses subscript digits outside the 0.0₄123 notation` };
  }
  if (convention && convention.decimal !== mark) {
    return {
      reason: `"${core}" uses "${mark}" as its decimal mark, but the site writes "${convention.decimal}"`,
    };
  }
  const zeros = subscriptValue(subscript);
  // The printed "0" after the mark is one of the counted zeros, so the count is at least 1.
  if (zeros < 1 || zeros > 40) return { reason: `"${core}" counts ${zeros} zeros, which cannot be` };
  return { integerDigits: '0', fractionDigits: '0'.repeat(zeros) + digits };
}

/** "97,123.45 1,234.00": the core only failed because a space joined two whole numbers. */
function isSeveralNumbers(core: string, convention: PriceConvention | undefined): boolean {
  const pieces = core.split(/[ \u00A0\u202F\u2009]+/);
  return (
    pieces.length > 1 && pieces.every((piece) => piece !== '' && !('reason' in splitCore(piece, convention)))
  );
}

/** The number a page prints, sign included; parsePrice then decides whether it can be a price. */
function readNumber(text: string, convention: PriceConvention | undefined): PriceParseResult {
  if (text.trim() === '') return fail('empty text');
  const scan = scanNumber(text);
  if (scan.hasPercent) return fail(`"${text.trim()}" is a percentage change, not a price`);
  if (scan.problem !== undefined) return fail(`"${text.trim()}" has ${scan.problem}`);
  const shown = text.trim();
  const coreHasDigits = /[0-9]/.test(scan.core);
  if (!coreHasDigits && !/[0-9]/.test(scan.rest)) return fail(`"${shown}" has no digits`);
  if (scan.rest !== '') {
    return fail(
      coreHasDigits && /[0-9]/.test(scan.rest)
        ? `"${shown}" holds more than one number`
        : `"${shown}" has unexpected text "${scan.rest.trim()}"`,
    );
  }
  // "59.4K" is a figure rounded for reading (volumes, market caps), never the last price.
  if (scan.suffix !== '') {
    return fail(
      `"${shown}" is abbreviated (${scan.suffix} = ${ABBREVIATIONS[scan.suffix] ?? 'a multiple'}): a rounded figure, not a price`,
    );
  }
  const hasSubscript = [...scan.core].some(isSubscriptDigit);
  const split = hasSubscript
    ? readSubscriptNotation(scan.core, convention)
    : splitCore(scan.core, convention);
  if ('reason' in split) {
    return fail(
      isSeveralNumbers(scan.core, convention) ? `"${shown}" holds more than one number` : split.reason,
    );
  }
  return { ok: true, value: canonicalDigits(scan.sign < 0, split.integerDigits, split.fractionDigits) };
}

/**
 * The canonical decimal string (as lib/decimal's `toCanonical` prints it) of a number
 * written as its digits: the whole part's leading zeros and the fraction's trailing zeros
 * dropped, a minus sign only on a value that is not zero. Reading a price is text work, no
 * arithmetic, so the content script needs no decimal library for it.
 */
function canonicalDigits(isNegative: boolean, integerDigits: string, fractionDigits: string): string {
  const whole = integerDigits.replace(/^0+/, '') || '0';
  const fraction = fractionDigits.replace(/0+$/, '');
  const magnitude = fraction === '' ? whole : `${whole}.${fraction}`;
  return isNegative && magnitude !== '0' ? `-${magnitude}` : magnitude;
}

/**
 * Reads one price as a page prints it: `97,123.45`, `97.123,45`, `97 123,45`, `0.0₄1234`
 * (= 0.00001234), with arrows, a sign and currency around it. Returns the canonical
 * decimal string, or why the text is not exactly one price
 * (docs/page-reading.md#reading-a-number): anything that could be read two ways is
 * rejected, never guessed; an abbreviated figure (`59.4K`) is no price, and neither is 0
 * (a price rounded away, or a placeholder) nor a number below it.
 */
export function parsePrice(text: string, convention?: PriceConvention): PriceParseResult {
  const number = readNumber(text, convention);
  if (!number.ok) return number;
  const shown = text.trim();
  if (number.value === '0') return fail(`"${shown}" is zero: a price rounded away, or none yet`);
  if (number.value.startsWith('-')) return fail(`"${shown}" is below zero: a change, not a price`);
  return number;
}
