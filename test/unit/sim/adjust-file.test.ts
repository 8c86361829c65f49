import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { sim } from '../../../bin/commands/sim';
import { readAdjustments } from '../../../lib/sim/adjust-file';
import { parseCsv, splitLines } from '../../../lib/sim/csv';
import type { SimLine } from '../../../lib/sim/run';
import { simulate } from '../../../lib/sim/run';
import { plan } from '../helpers';

// Plan format, "Adjusting a live trade": `tranche sim --adjust A.jsonl` reads one object a
// line with a `time` written as the data file writes its times; each applies after the last
// data row whose time is at or before it, at that row's price; several at one time in file
// order; a fill it causes prints its `manual` fill line just before the `adjust` line; a bad
// line is exit 2 naming the file and the line.
// Base plan: long, entry 100 (above), stop 95 → R = 5, entry qty 20.

const scratch = mkdtempSync(join(tmpdir(), 'tranche-adjust-'));

function write(name: string, text: string): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

function run(rows: string[], adjustments: string[], planned = plan()) {
  const data = parseCsv(['time,price', ...rows].join('\n'), 'ticks.csv');
  const lines = [...readAdjustments(splitLines([adjustments.join('\n')], 'a.jsonl'), 'a.jsonl')];
  return simulate(planned, data.rows, {}, lines).lines;
}

function brief(lines: readonly SimLine[], keys: readonly string[]): Record<string, unknown>[] {
  return lines.map((line) =>
    Object.fromEntries(keys.filter((key) => key in line).map((key) => [key, line[key]])),
  );
}

describe('the adjustment file', () => {
  it('applies each adjustment after the last row at or before its time, at that row’s price', () => {
    const lines = run(
      [
        '2026-01-05T10:00:00Z,99',
        '2026-01-05T10:01:00Z,100',
        '2026-01-05T10:02:00Z,103',
        '2026-01-05T10:03:00Z,104',
      ],
      // 10:02:30 is between the rows of 10:02 (103) and 10:03: the exit is at 103
      ['{"time":"2026-01-05T10:02:30Z","action":"exitNow","share":"0.5"}'],
    );
    // 0.5 × 20 = 10 at 103: (103 − 100) × 10 = 30
    expect(
      brief(lines, ['type', 'tranche', 'action', 'price', 'qty', 'position', 'realizedPnl', 'time']),
    ).toEqual([
      {
        type: 'fill',
        tranche: 'entry',
        price: '100',
        qty: '20',
        position: '20',
        realizedPnl: '0',
        time: '2026-01-05T10:01:00Z',
      },
      {
        type: 'fill',
        tranche: 'manual',
        price: '103',
        qty: '10',
        position: '10',
        realizedPnl: '30',
        time: '2026-01-05T10:02:30Z',
      },
      { type: 'adjust', action: 'exitNow', position: '10', realizedPnl: '30', time: '2026-01-05T10:02:30Z' },
      { type: 'summary', position: '10', realizedPnl: '30' },
    ]);
    expect(lines.at(-1), 'the summary counts the manual fill').toMatchObject({ fills: 2 });
  });

  it('applies several at one time in file order, the refused with its reason', () => {
    const lines = run(
      ['1767607200,99', '1767607260,100', '1767607320,103'],
      [
        '{"time":1767607320,"action":"stop","price":"98"}',
        '{"time":1767607320,"action":"stop","price":"97"}',
        '{"time":1767607320,"action":"stop","price":"97","override":"giving it room before the news"}',
      ],
    );
    expect(brief(lines, ['type', 'action', 'stops', 'reason', 'override'])).toEqual([
      { type: 'fill', stops: ['95'] },
      { type: 'adjust', action: 'stop', stops: ['98'] },
      {
        type: 'refused',
        action: 'stop',
        reason: 'that moves the stop from 98.00 to 97.00, against the trade: give a reason to override',
      },
      { type: 'adjust', action: 'stop', stops: ['97'], override: 'giving it room before the news' },
      { type: 'summary' },
    ]);
  });

  it('applies adjustments after the last row at the end of the data', () => {
    const lines = run(
      ['1767607200,99', '1767607260,100', '1767607320,106'],
      ['{"time":1767607999,"action":"exitNow","all":true}'],
    );
    expect(brief(lines, ['type', 'tranche', 'price', 'realizedPnl'])).toEqual([
      { type: 'fill', tranche: 'entry', price: '100', realizedPnl: '0' },
      { type: 'fill', tranche: 'manual', price: '106', realizedPnl: '120' },
      { type: 'adjust', realizedPnl: '120' },
      { type: 'summary', realizedPnl: '120' },
    ]);
  });

  it('uses a candle’s close as its row’s price', () => {
    const data = parseCsv(
      ['time,open,high,low,close', '1767607200,99,101,98.5,100', '1767607260,100,104,99.5,102'].join('\n'),
      'c.csv',
    );
    const adjustments = [
      ...readAdjustments(['{"time":1767607260,"action":"exitNow","all":true}'], 'a.jsonl'),
    ];
    const { lines } = simulate(plan(), data.rows, {}, adjustments);
    expect(lines.find((line) => line.tranche === 'manual')).toMatchObject({ price: '102', qty: '20' });
  });

  it('refuses an adjustment before the entry has filled, naming why', () => {
    const lines = run(
      ['1767607200,99', '1767607260,100'],
      ['{"time":1767607100,"action":"stop","price":"96"}'],
    );
    expect(lines[0]).toMatchObject({
      type: 'refused',
      reason: 'the entry has not filled yet: there is no position to adjust',
    });
  });
});

describe('a bad adjustment line', () => {
  const planFile = write('plan.json', JSON.stringify({ ...plan(), name: 'p' }));
  const dataFile = write('ticks.csv', 'time,price\n2026-01-05T10:00:00Z,99\n2026-01-05T10:01:00Z,100\n');

  it.each([
    ['not JSON', '{"time":', /^.*bad\.jsonl:2: not valid JSON/],
    ['no time', '{"action":"addNow"}', /bad\.jsonl:2: time: is missing/],
    ['not a time', '{"time":"yesterday","action":"addNow"}', /bad\.jsonl:2: time: "yesterday" is not a time/],
    [
      'an unknown action',
      '{"time":"2026-01-05T10:02:00Z","action":"buy"}',
      /bad\.jsonl:2: action: must be one of "stop", "target"/,
    ],
    [
      'two forms at once',
      '{"time":"2026-01-05T10:02:00Z","action":"exitNow","share":"0.5","all":true}',
      /bad\.jsonl:2: adjustment: takes "share", or "qty", or "all", not "share" \+ "all"/,
    ],
    [
      'a share above 1',
      '{"time":"2026-01-05T10:02:00Z","action":"exitNow","share":"1.5"}',
      /bad\.jsonl:2: share: must be a fraction of at most 1/,
    ],
    [
      'a number beyond the limits',
      '{"time":"2026-01-05T10:02:00Z","action":"stop","price":"1e16"}',
      /bad\.jsonl:2: price: "1e16" is above 1000000000000000/,
    ],
    [
      'an empty reason',
      '{"time":"2026-01-05T10:02:00Z","action":"stop","price":"96","override":" "}',
      /bad\.jsonl:2: override: must give the reason in words/,
    ],
    [
      'a time before the line above',
      '{"time":"2026-01-05T09:00:00Z","action":"addNow"}',
      /bad\.jsonl:2: time 2026-01-05T09:00:00Z is earlier than line 1's/,
    ],
    [
      'another kind of time',
      '{"time":1767607320,"action":"addNow"}',
      /bad\.jsonl:2: time "1767607320" is epoch seconds, but line 1's is ISO 8601/,
    ],
  ])('is exit 2 naming the file and line: %s', (_, line, message) => {
    const adjust = write(
      'bad.jsonl',
      `{"time":"2026-01-05T10:01:30Z","action":"exitNow","share":"0.5"}\n${line}\n`,
    );
    let stdout = '';
    const result = sim({ plan: planFile, data: dataFile, fill: 'level', alerts: 'risk', adjust }, (text) => {
      stdout += text;
    });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(stdout, 'nothing is printed before the file is known to be good').toBe('');
  });

  it('is exit 2 when its times are written another way than the data’s', () => {
    const adjust = write('epoch.jsonl', '{"time":1767607260,"action":"exitNow","all":true}\n');
    const result = sim({ plan: planFile, data: dataFile, fill: 'level', alerts: 'risk', adjust }, () => {});
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(
      /epoch\.jsonl:1: time 1767607260 is epoch seconds, but the data file's times are ISO 8601/,
    );
  });

  it('is exit 2 when the file cannot be read', () => {
    const result = sim(
      {
        plan: planFile,
        data: dataFile,
        fill: 'level',
        alerts: 'risk',
        adjust: join(scratch, 'missing.jsonl'),
      },
      () => {},
    );
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/missing\.jsonl: cannot read: no such file/);
  });
});
