import { Decimal, isDecimalString, toCanonical } from '../decimal';

/**
 * Price data for the simulator (SPEC §5 "CSV"): `time,price` ticks, or
 * `time,open,high,low,close[,volume]` candles. Prices stay decimal strings; the float copies
 * only feed the engine's quiet-band check.
 */
export type PriceData = TickData | CandleData;

export interface TickData {
  readonly kind: 'ticks';
  readonly times: readonly number[];
  /** The time as written in the file, echoed on output lines. */
  readonly labels: readonly string[];
  readonly prices: readonly string[];
}

export interface CandleData {
  readonly kind: 'candles';
  readonly times: readonly number[];
  readonly labels: readonly string[];
  readonly open: readonly string[];
  readonly high: readonly string[];
  readonly low: readonly string[];
  readonly close: readonly string[];
}

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

const TICK_HEADER = ['time', 'price'];
const CANDLE_HEADER = ['time', 'open', 'high', 'low', 'close'];

/** Parse a CSV of ticks or candles; any bad row is a DataError naming `file` and its line. */
export function parseCsv(text: string, file: string): PriceData {
  const lines = text.split(/\r?\n/);
  let index = 0;
  while (index < lines.length && (lines[index] ?? '').trim() === '') index += 1;
  const header = (lines[index] ?? '').split(',').map((cell) => cell.trim().toLowerCase());
  const isCandles = CANDLE_HEADER.every((name, column) => header[column] === name);
  const isTicks = !isCandles && TICK_HEADER.every((name, column) => header[column] === name);
  if (!isCandles && !isTicks) {
    throw new DataError(
      file,
      index + 1,
      'the first line must be the header "time,price" (ticks) or "time,open,high,low,close[,volume]" (candles)',
    );
  }
  if (isTicks && header.length !== 2)
    throw new DataError(file, index + 1, 'a tick file has exactly two columns: time,price');
  if (isCandles && header.length > 6)
    throw new DataError(file, index + 1, 'a candle file has time,open,high,low,close and an optional volume');
  const columns = header.length;
  const times: number[] = [];
  const labels: string[] = [];
  const values: string[][] = Array.from({ length: columns - 1 }, () => []);
  let previousTime = Number.NEGATIVE_INFINITY;
  for (let row = index + 1; row < lines.length; row += 1) {
    const line = lines[row] ?? '';
    if (line.trim() === '') continue;
    const lineNumber = row + 1;
    const cells = line.split(',');
    if (cells.length !== columns) {
      throw new DataError(
        file,
        lineNumber,
        `expected ${columns} values (${header.join(',')}), found ${cells.length}`,
      );
    }
    const label = (cells[0] ?? '').trim();
    const time = parseTime(label);
    if (time === null)
      throw new DataError(
        file,
        lineNumber,
        `"${label}" is not a time (use ISO 8601 like 2026-01-05T10:00:00Z, or epoch seconds or milliseconds)`,
      );
    if (time < previousTime)
      throw new DataError(file, lineNumber, `time ${label} is earlier than the row before it`);
    previousTime = time;
    times.push(time);
    labels.push(label);
    const rowValues: Decimal[] = [];
    for (let column = 1; column < columns; column += 1) {
      const cell = (cells[column] ?? '').trim();
      const name = header[column] ?? '';
      const value = isDecimalString(cell) ? new Decimal(cell) : null;
      if (value === null || !value.gt(0)) {
        if (name === 'volume' && value !== null) continue;
        throw new DataError(file, lineNumber, `${name} "${cell}" is not a price above 0`);
      }
      rowValues.push(value);
      values[column - 1]?.push(name === 'volume' ? cell : toCanonical(value));
    }
    if (isCandles) checkCandleRow(rowValues, file, lineNumber);
  }
  if (times.length === 0) throw new DataError(file, 0, 'has a header but no rows');
  if (isTicks) return { kind: 'ticks', times, labels, prices: values[0] ?? [] };
  return {
    kind: 'candles',
    times,
    labels,
    open: values[0] ?? [],
    high: values[1] ?? [],
    low: values[2] ?? [],
    close: values[3] ?? [],
  };
}

function checkCandleRow(row: Decimal[], file: string, line: number): void {
  const [open, high, low, close] = row;
  if (!open || !high || !low || !close) return;
  if (low.gt(high) || open.gt(high) || close.gt(high) || open.lt(low) || close.lt(low)) {
    throw new DataError(file, line, 'the candle is inconsistent: low ≤ open, close ≤ high must hold');
  }
}

/** ISO 8601, epoch seconds (≤ 10 digits) or epoch milliseconds, as milliseconds. */
function parseTime(label: string): number | null {
  if (/^\d+(\.\d+)?$/.test(label)) {
    const number = Number(label);
    return label.split('.')[0]!.length <= 10 ? number * 1000 : number;
  }
  if (!/^\d{4}-\d{2}-\d{2}/.test(label)) return null;
  const time = Date.parse(label);
  return Number.isNaN(time) ? null : time;
}
