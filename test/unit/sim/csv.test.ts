import { describe, expect, it } from 'vitest';

import { DataError, parseCsv } from '../../../lib/sim/csv';

// SPEC §5 "Command line": `time,price` ticks or `time,open,high,low,close[,volume]` candles;
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
