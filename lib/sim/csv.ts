import { Decimal, toCanonical } from '../decimal';
import { limitWords, quoted, readLimitedNumber } from '../number-limits';
import { withoutByteOrderMark } from '../plan/plan-text';
import type { TimeKind } from './csv-time';
import { readTime } from './csv-time';

/**
 * Price data for the simulator (README, "Command line": CSV data): `time,price` ticks, or
 * `time,open,high,low,close[,volume]` candles. The file is read as a stream of lines and
 * turned into rows one at a time, so memory does not grow with its length; any bad row is
 * a DataError naming the file and its line. Prices stay decimal strings.
 */
export interface TickRow {
  readonly kind: 'tick';
  readonly line: number;
  /** Milliseconds since the epoch. */
  readonly time: number;
  /** The time as written in the file, echoed on output lines. */
  readonly label: string;
  readonly price: string;
}

export interface CandleRow {
  readonly kind: 'candle';
  readonly line: number;
  readonly time: number;
  readonly label: string;
  readonly open: string;
  readonly high: string;
  readonly low: string;
  readonly close: string;
}

export type PriceRow = TickRow | CandleRow;

/** A whole file in memory (the planner's simulator, tests): its rows, all of one kind. */
export type PriceData =
  | { readonly kind: 'ticks'; readonly rows: readonly TickRow[] }
  | { readonly kind: 'candles'; readonly rows: readonly CandleRow[] };

/** A data problem, naming the file and line, for the command line's exit 2. */
export class DataError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    reason: string,
  ) {
    super(line > 0 ? `${file}:${line}: ${reason}` : `${file}: ${reason}`);
    this.name = 'DataError';
  }
}

/** Longer than any row of five prices, a time and a volume: a longer line is not a price row. */
export const MAX_LINE_CHARS = 4096;

/**
 * The lines of a file that arrives in chunks (from disk, or one string), without their
 * line ends and without a leading byte-order mark. Only the current line is held.
 */
export function* splitLines(chunks: Iterable<string>, file: string): Generator<string> {
  let rest = '';
  let isFirst = true;
  let count = 0;
  for (const chunk of chunks) {
    let text = rest + chunk;
    if (isFirst && text.length > 0) {
      text = withoutByteOrderMark(text);
      isFirst = false;
    }
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      count += 1;
      if (end - start > MAX_LINE_CHARS)
        throw new DataError(file, count, `is longer than ${MAX_LINE_CHARS} characters`);
      yield text.slice(start, end > start && text[end - 1] === '\r' ? end - 1 : end);
      start = end + 1;
    }
    rest = text.slice(start);
    if (rest.length > MAX_LINE_CHARS)
      throw new DataError(file, count + 1, `is longer than ${MAX_LINE_CHARS} characters`);
  }
  if (rest.length > 0) yield rest.endsWith('\r') ? rest.slice(0, -1) : rest;
}

const TICK_HEADER = ['time', 'price'];
const CANDLE_HEADER = ['time', 'open', 'high', 'low', 'close'];

/** The rows of a CSV of ticks or candles, read one line at a time. */
export function* readPriceRows(lines: Iterable<string>, file: string): Generator<PriceRow> {
  let lineNumber = 0;
  let header: string[] | null = null;
  let timeKind: { kind: TimeKind; line: number } | null = null;
  let previousTime = Number.NEGATIVE_INFINITY;
  let rows = 0;
  for (const line of lines) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    if (header === null) {
      header = readHeader(line, file, lineNumber);
      continue;
    }
    const cells = header.length === 2 ? splitTick(line) : line.split(',');
    if (cells.length !== header.length) {
      throw new DataError(
        file,
        lineNumber,
        `expected ${header.length} values (${header.join(',')}), found ${cells.length}`,
      );
    }
    const label = (cells[0] ?? '').trim();
    const read = readTime(label);
    if (!read.ok) {
      throw new DataError(
        file,
        lineNumber,
        read.reason === 'not-a-time'
          ? `${quoted(label)} is not a time (use ISO 8601 like 2026-01-05T10:00:00Z, or epoch seconds or milliseconds)`
          : `${quoted(label)} is not a date and time of the calendar`,
      );
    }
    timeKind ??= { kind: read.kind, line: lineNumber };
    if (read.kind !== timeKind.kind) {
      throw new DataError(
        file,
        lineNumber,
        `${quoted(label)} is ${read.kind}, but the times from line ${timeKind.line} are ${timeKind.kind}: use one kind per file`,
      );
    }
    if (read.millis < previousTime) {
      throw new DataError(file, lineNumber, `time ${label} is earlier than the row before it`);
    }
    previousTime = read.millis;
    rows += 1;
    if (header.length === 2) {
      yield {
        kind: 'tick',
        line: lineNumber,
        time: read.millis,
        label,
        price: readPrice(cells, 1, header, file, lineNumber),
      };
      continue;
    }
    const candle: CandleRow = {
      kind: 'candle',
      line: lineNumber,
      time: read.millis,
      label,
      open: readPrice(cells, 1, header, file, lineNumber),
      high: readPrice(cells, 2, header, file, lineNumber),
      low: readPrice(cells, 3, header, file, lineNumber),
      close: readPrice(cells, 4, header, file, lineNumber),
    };
    if (header.length === 6) readVolume(cells[5] ?? '', file, lineNumber);
    checkCandle(candle, file);
    yield candle;
  }
  if (header === null)
    throw new DataError(
      file,
      0,
      'is empty: the first line must be the header "time,price" or "time,open,high,low,close[,volume]"',
    );
  if (rows === 0) throw new DataError(file, 0, 'has a header but no rows');
}

/** `time,price` into its two cells (or one, or three, when the row has another count: the caller says so). */
function splitTick(line: string): string[] {
  const comma = line.indexOf(',');
  if (comma === -1 || line.indexOf(',', comma + 1) !== -1) return line.split(',');
  return [line.slice(0, comma), line.slice(comma + 1)];
}

function readHeader(line: string, file: string, lineNumber: number): string[] {
  const header = line.split(',').map((cell) => cell.trim().toLowerCase());
  const isCandles = CANDLE_HEADER.every((name, column) => header[column] === name);
  const isTicks = !isCandles && TICK_HEADER.every((name, column) => header[column] === name);
  if (!isCandles && !isTicks) {
    throw new DataError(
      file,
      lineNumber,
      'the first line must be the header "time,price" (ticks) or "time,open,high,low,close[,volume]" (candles)',
    );
  }
  if (isTicks && header.length !== 2)
    throw new DataError(file, lineNumber, 'a tick file has exactly two columns: time,price');
  if (isCandles && header.length > 6)
    throw new DataError(
      file,
      lineNumber,
      'a candle file has time,open,high,low,close and an optional volume',
    );
  if (isCandles && header.length === 6 && header[5] !== 'volume')
    throw new DataError(
      file,
      lineNumber,
      `the sixth column of a candle file is "volume", not ${quoted(header[5] ?? '')}`,
    );
  return header;
}

/** A plain decimal such as `97123.45`: most cells, checked without decimal arithmetic. */
const PLAIN_DECIMAL = /^\d{1,16}(?:\.\d{1,18})?$/;
/** Inside these float bounds a plain decimal is within the input limits for sure; near them decimals decide. */
const SURELY_ABOVE_SMALLEST = 1.000001e-12;
const SURELY_BELOW_LARGEST = 0.999999e15;

/** A price cell: a number above 0 within the input limits, as its canonical decimal string. */
function readPrice(
  cells: readonly string[],
  column: number,
  header: readonly string[],
  file: string,
  line: number,
): string {
  const name = header[column] ?? '';
  const text = (cells[column] ?? '').trim();
  if (isSurelyWithinLimits(text)) return isCanonicalPlain(text) ? text : canonical(text);
  const read = readLimitedNumber(text, false);
  if (read.ok && read.value.gt(0)) return toCanonical(read.value);
  const isPriceWords = !read.ok && read.reason !== 'not-a-number' && read.reason !== 'zero';
  throw new DataError(
    file,
    line,
    `${name} ${quoted(text)} ${isPriceWords ? limitWords(read.reason) : 'is not a price above 0'}`,
  );
}

/** A plain decimal clear of the limits' edges: the common cell, judged without decimal arithmetic. */
function isSurelyWithinLimits(text: string): boolean {
  if (!PLAIN_DECIMAL.test(text)) return false;
  const value = Number(text);
  return value > SURELY_ABOVE_SMALLEST && value < SURELY_BELOW_LARGEST;
}

/** No leading zero before a digit, no trailing zero or point after the decimal point: `97.5`, not `097.50`. */
function isCanonicalPlain(text: string): boolean {
  if (text.length > 1 && text[0] === '0' && text[1] !== '.') return false;
  const last = text[text.length - 1];
  return !text.includes('.') || (last !== '0' && last !== '.');
}

function canonical(text: string): string {
  return toCanonical(new Decimal(text));
}

function readVolume(cell: string, file: string, line: number): void {
  const text = cell.trim();
  if (text === '0' || isSurelyWithinLimits(text)) return;
  const read = readLimitedNumber(text, true);
  if (!read.ok) throw new DataError(file, line, `volume ${quoted(text)} ${limitWords(read.reason)}`);
  if (read.value.isNegative()) throw new DataError(file, line, `volume ${quoted(text)} is below 0`);
}

/** low ≤ open, close ≤ high. */
function checkCandle(candle: CandleRow, file: string): void {
  const { open, high, low, close } = candle;
  if (!isAtMost(low, open) || !isAtMost(low, close) || !isAtMost(open, high) || !isAtMost(close, high)) {
    throw new DataError(file, candle.line, 'the candle is inconsistent: low ≤ open, close ≤ high must hold');
  }
}

/** `a ≤ b` for canonical decimal strings: floats decide unless they are equal for different texts. */
function isAtMost(a: string, b: string): boolean {
  if (a === b) return true;
  const x = Number(a);
  const y = Number(b);
  return x !== y ? x < y : new Decimal(a).lte(b);
}

/** A whole CSV text read into memory (the planner's loaded file, tests). */
export function parseCsv(text: string, file: string): PriceData {
  const rows = [...readPriceRows(splitLines([text], file), file)];
  const [first] = rows;
  if (first?.kind === 'tick') return { kind: 'ticks', rows: rows as TickRow[] };
  return { kind: 'candles', rows: rows as CandleRow[] };
}
