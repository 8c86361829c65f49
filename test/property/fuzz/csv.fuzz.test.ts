import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { DataError, parseCsv, readPriceRows, splitLines, type PriceRow } from '../../../lib/sim/csv';
import { FUZZ_TIMEOUT_MILLIS, fuzzSuite } from './fuzz-runs';

const fuzz = fuzzSuite('CSV reader');

const FILE = 'data.csv';
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** A cell as data files hold them, right or wrong: times of every kind, prices, garbage. */
const cellArb = fc.oneof(
  fc.constantFrom(
    '2026-01-05',
    '2026-01-05T10:00:00Z',
    '2026-02-30',
    '2026-01-05T10:00:00+02:00',
    '2026-13-01',
  ),
  fc.integer({ min: 0, max: 2_000_000_000_000 }).map(String),
  fc.constantFrom('100', '100.5', '0', '-1', '1e3', '1,000', ' 7 ', '', 'NaN', '0.0000000000001', '1e16'),
  fc.double({ noNaN: false }).map(String),
  fc.string({ maxLength: 6 }),
);

const headerArb = fc.constantFrom(
  'time,price',
  'time,open,high,low,close',
  'time,open,high,low,close,volume',
  'TIME, Price',
  'price,time',
  '',
  'time,price,extra',
);

const csvArb = fc
  .tuple(
    fc.constantFrom('', '\uFEFF', '\n\n'),
    headerArb,
    fc.array(fc.array(cellArb, { minLength: 1, maxLength: 7 }), { maxLength: 12 }),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(
    ([start, header, rows, newline]) => start + [header, ...rows.map((row) => row.join(','))].join(newline),
  );

/** A sound file of ticks or candles, with at most one cell replaced by any cell. */
const priceArb = fc
  .tuple(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 0, max: 99 }))
  .map(([units, cents]) => `${units}.${String(cents).padStart(2, '0')}`);
const soundCsvArb = fc
  .tuple(
    fc.boolean(),
    fc.array(
      fc.tuple(fc.integer({ min: 0, max: 60_000 }), fc.array(priceArb, { minLength: 4, maxLength: 4 })),
      {
        minLength: 1,
        maxLength: 12,
      },
    ),
    fc.option(fc.tuple(fc.nat(), fc.nat(), cellArb), { nil: undefined }),
  )
  .map(([isCandles, rows, damage]) => {
    let time = 1_767_571_200_000;
    const lines = rows.map(([step, prices]) => {
      time += step;
      return [String(time), ...(isCandles ? prices : prices.slice(0, 1))];
    });
    if (damage !== undefined) {
      const [row, column, cell] = damage;
      const line = lines[row % lines.length];
      if (line !== undefined) line[column % line.length] = cell;
    }
    return [
      isCandles ? 'time,open,high,low,close' : 'time,price',
      ...lines.map((line) => line.join(',')),
    ].join('\n');
  });

/** What a successful read must hold: times never going back, every price a decimal. */
function isSound(rows: readonly PriceRow[]): boolean {
  return rows.every((row, index) => {
    const previous = rows[index - 1];
    const prices = row.kind === 'tick' ? [row.price] : [row.open, row.high, row.low, row.close];
    return (
      Number.isFinite(row.time) &&
      (previous === undefined || row.time >= previous.time) &&
      prices.every((price) => DECIMAL.test(price))
    );
  });
}

/** The file as the command line streams it: in chunks cut anywhere, even inside a line end. */
function readInChunks(text: string, cuts: readonly number[]): PriceRow[] {
  const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
  const chunks = [0, ...points].map((start, index) => text.slice(start, points[index] ?? text.length));
  return [...readPriceRows(splitLines(chunks, FILE), FILE)];
}

/** The outcome of a read: its rows, or the problem naming the file and line. */
function outcome(read: () => readonly PriceRow[]): { rows: readonly PriceRow[] } | { error: string } {
  try {
    return { rows: read() };
  } catch (error) {
    if (!(error instanceof DataError) || error.file !== FILE || error.line < 0) throw error;
    return { error: error.message };
  }
}

describe('fuzz: the CSV reader', () => {
  it(
    'reads any text as data, or says which line of the file is wrong, the same whole or streamed in chunks',
    () => {
      let read = 0;
      fuzz(
        fc.property(
          fc.oneof(soundCsvArb, csvArb, fc.string({ unit: 'grapheme', maxLength: 200 })),
          fc.array(fc.nat(), { maxLength: 4 }),
          (text, cuts) => {
            const whole = outcome(() => parseCsv(text, FILE).rows);
            if ('rows' in whole) {
              read += 1;
              if (!isSound(whole.rows)) return false;
            } else if (!whole.error.startsWith(FILE)) return false;
            return JSON.stringify(outcome(() => readInChunks(text, cuts))) === JSON.stringify(whole);
          },
        ),
      );
      expect(read, 'some texts read as data').toBeGreaterThan(0);
    },
    FUZZ_TIMEOUT_MILLIS,
  );
});
