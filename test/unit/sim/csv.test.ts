import { describe, expect, it } from 'vitest';

import { DataError, MAX_LINE_CHARS, parseCsv, readPriceRows, splitLines } from '../../../lib/sim/csv';

// Plan format, "CSV": `time,price` ticks or `time,open,high,low,close[,volume]` candles;
// a bad row is an error naming the file and line.

function failure(text: string): DataError {
  try {
    parseCsv(text, 'prices.csv');
  } catch (error) {
    if (error instanceof DataError) return error;
    throw error;
  }
  throw new Error('expected a DataError');
}

describe('parseCsv', () => {
  it('reads ticks with their times and canonical prices', () => {
    const data = parseCsv('time,price\n2026-01-05T10:00:00Z,99.50\n2026-01-05T10:01:00Z,100\n', 'ticks.csv');
    expect(data).toEqual({
      kind: 'ticks',
      rows: [
        {
          kind: 'tick',
          line: 2,
          time: Date.UTC(2026, 0, 5, 10, 0),
          label: '2026-01-05T10:00:00Z',
          price: '99.5',
        },
        {
          kind: 'tick',
          line: 3,
          time: Date.UTC(2026, 0, 5, 10, 1),
          label: '2026-01-05T10:01:00Z',
          price: '100',
        },
      ],
    });
  });

  it('reads candles with an optional volume, Windows line ends and blank lines', () => {
    const data = parseCsv(
      'time,open,high,low,close,volume\r\n1700000000,10,12,9,11,500\r\n\r\n1700000060,11,11.5,10,10.5,0\r\n',
      'c.csv',
    );
    expect(data).toEqual({
      kind: 'candles',
      rows: [
        {
          kind: 'candle',
          line: 2,
          time: 1_700_000_000_000,
          label: '1700000000',
          open: '10',
          high: '12',
          low: '9',
          close: '11',
        },
        {
          kind: 'candle',
          line: 4,
          time: 1_700_000_060_000,
          label: '1700000060',
          open: '11',
          high: '11.5',
          low: '10',
          close: '10.5',
        },
      ],
    });
  });

  it.each([
    ['a missing header', '2026-01-05T10:00:00Z,100\n', 1, 'header'],
    ['a tick file with three columns', 'time,price,size\n', 1, 'exactly two columns'],
    [
      'a row with too few values',
      'time,price\n2026-01-05T10:00:00Z,100\n2026-01-05T10:01:00Z\n',
      3,
      'expected 2 values',
    ],
    [
      'a price that is not a number',
      'time,price\n2026-01-05T10:00:00Z,abc\n',
      2,
      'price "abc" is not a price above 0',
    ],
    ['a zero price', 'time,price\n2026-01-05T10:00:00Z,0\n', 2, 'not a price above 0'],
    ['a time that is not a time', 'time,price\nyesterday,100\n', 2, '"yesterday" is not a time'],
    [
      'a time earlier than the row before',
      'time,price\n1700000060,100\n1700000000,101\n',
      3,
      'earlier than the row before',
    ],
    [
      'a candle whose low is above its high',
      'time,open,high,low,close\n1700000000,10,9,11,10\n',
      2,
      'inconsistent',
    ],
    [
      'a candle whose close is outside its range',
      'time,open,high,low,close\n1700000000,10,12,9,13\n',
      2,
      'inconsistent',
    ],
    [
      'a bad row after a blank line (lines still counted)',
      'time,price\n1700000000,100\n\n1700000060,x\n',
      4,
      'price "x"',
    ],
  ])('names the file and line for %s', (_name, text, line, reason) => {
    const error = failure(text);
    expect(error.file).toBe('prices.csv');
    expect(error.line).toBe(line);
    expect(error.message).toContain(`prices.csv:${line}:`);
    expect(error.message).toContain(reason);
  });

  it('names the file when there are no rows', () => {
    const error = failure('time,price\n');
    expect(error.message).toBe('prices.csv: has a header but no rows');
  });
});

describe('times (README, CSV data)', () => {
  const timeOf = (label: string) => {
    const [row] = parseCsv(`time,price\n${label},100\n`, 't.csv').rows;
    return row?.time;
  };

  it.each([
    ['2026-01-05T10:00:00Z', Date.UTC(2026, 0, 5, 10)],
    ['2026-01-05T10:00:00', Date.UTC(2026, 0, 5, 10)],
    ['2026-01-05 10:00', Date.UTC(2026, 0, 5, 10)],
    ['2026-01-05', Date.UTC(2026, 0, 5)],
    ['2026-01-05T10:00:00.250', Date.UTC(2026, 0, 5, 10, 0, 0, 250)],
    // 10:00 at +02:00 is 08:00 UTC; at −05:30 it is 15:30 UTC
    ['2026-01-05T10:00:00+02:00', Date.UTC(2026, 0, 5, 8)],
    ['2026-01-05T10:00:00-0530', Date.UTC(2026, 0, 5, 15, 30)],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
    ['1700000000', 1_700_000_000_000],
    ['1700000000.5', 1_700_000_000_500],
    ['1700000000123', 1_700_000_000_123],
  ])('reads %s', (label, millis) => {
    expect(timeOf(label)).toBe(millis);
  });

  it('reads a time without a zone as UTC, whatever the machine’s zone', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Tokyo';
    try {
      expect(new Date(2026, 0, 5, 10).getTime(), 'the machine is in Tokyo now').toBe(Date.UTC(2026, 0, 5, 1));
      expect(timeOf('2026-01-05T10:00:00')).toBe(Date.UTC(2026, 0, 5, 10));
      expect(timeOf('2026-01-05')).toBe(Date.UTC(2026, 0, 5));
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it.each([
    '2026-02-30',
    '2026-02-29T10:00:00Z',
    '2100-02-29',
    '2026-13-01',
    '2026-04-31T00:00:00Z',
    '2026-01-05T24:00:00',
    '2026-01-05T10:60:00',
    '2026-01-05T10:00:00+25:00',
  ])('%s is a data error: no such date or time', (label) => {
    const error = failure(`time,price\n${label},100\n`);
    expect(error.message).toBe(`prices.csv:2: "${label}" is not a date and time of the calendar`);
  });

  it('wants one kind of time per file', () => {
    const error = failure('time,price\n2026-01-05T10:00:00Z,100\n1767607260,101\n');
    expect(error.message).toBe(
      'prices.csv:3: "1767607260" is epoch seconds, but the times from line 2 are ISO 8601: use one kind per file',
    );
  });
});

describe('numbers and lines (plan format, "Numbers and limits")', () => {
  it.each([
    ['1e-400', 'price "1e-400" is below 0.000000000001 (1e-12)'],
    ['1e999', 'price "1e999" is above 1000000000000000 (1e15)'],
    ['0.0000000000001', 'price "0.0000000000001" is below'],
    ['1000000000000000.5', 'price "1000000000000000.5" is above'],
    ['100.0000000000000000001', 'price "100.0000000000000000001" has more than 18 decimal places'],
    ['-5', 'price "-5" is not a price above 0'],
  ])('refuses the price %s with the file and line', (price, words) => {
    const error = failure(`time,price\n1700000000,100\n1700000060,${price}\n`);
    expect(error.line).toBe(3);
    expect(error.message).toContain(`prices.csv:3: ${words}`);
  });

  it('reads prices at the limits, written plainly or with an exponent', () => {
    const data = parseCsv('time,price\n1,0.000000000001\n2,1e15\n3,1.5E2\n4,0097.50\n', 'p.csv');
    expect(data.rows.map((row) => (row.kind === 'tick' ? row.price : ''))).toEqual([
      '0.000000000001',
      '1000000000000000',
      '150',
      '97.5',
    ]);
  });

  it('allows a volume of 0 but not below', () => {
    expect(() => parseCsv('time,open,high,low,close,volume\n1,10,12,9,11,0\n', 'c.csv')).not.toThrow();
    const error = failure('time,open,high,low,close,volume\n1,10,12,9,11,-1\n');
    expect(error.message).toBe('prices.csv:2: volume "-1" is below 0');
  });

  it('ignores a UTF-8 byte-order mark before the header', () => {
    expect(parseCsv('\uFEFFtime,price\n1,100\n', 'bom.csv').rows).toHaveLength(1);
  });

  it('refuses a line longer than any price row, naming it', () => {
    const error = failure(`time,price\n1,100\n2,${'1'.repeat(MAX_LINE_CHARS)}\n`);
    expect(error.message).toBe(`prices.csv:3: is longer than ${MAX_LINE_CHARS} characters`);
  });
});

describe('reading a file as a stream', () => {
  it('joins lines split across chunks, \\r\\n included', () => {
    const lines = [...splitLines(['time,pr', 'ice\r', '\n1,10', '0\r\n2,101'], 'chunks.csv')];
    expect(lines).toEqual(['time,price', '1,100', '2,101']);
  });

  it('gives rows from a file that never ends, one at a time', () => {
    function* endless(): Generator<string> {
      yield 'time,price\n';
      for (let second = 1; ; second += 1) yield `${second},100\n`;
    }
    const rows = readPriceRows(splitLines(endless(), 'endless.csv'), 'endless.csv');
    const first = [rows.next().value, rows.next().value, rows.next().value];
    expect(first.map((row) => row?.time)).toEqual([1000, 2000, 3000]);
  });
});
