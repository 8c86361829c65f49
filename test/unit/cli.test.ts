import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

// The command line as a trader runs it: `npm run -s tranche -- …` is `tsx bin/tranche.ts …`.
function tranche(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'bin/tranche.ts', ...args], {
    encoding: 'utf8',
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const GOLDEN = 'test/fixtures/golden';
const scratch = mkdtempSync(join(tmpdir(), 'tranche-cli-'));

describe('tranche command line (SPEC §5)', { timeout: 30_000 }, () => {
  it('sim prints one JSON event per line and a final summary, exit 0', () => {
    const run = tranche(
      'sim',
      '--plan',
      `${GOLDEN}/plans/pyramid-50-30-20.json`,
      '--data',
      `${GOLDEN}/data/pyramid-ticks.csv`,
    );
    expect(run.code).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string });
    expect(lines.at(-1)?.type).toBe('summary');
    expect(lines.filter((line) => line.type === 'fill')).toHaveLength(5);
  });

  it('validate exits 1 with one "field: problem" line per problem', () => {
    const run = tranche('validate', `${GOLDEN}/plans/invalid-stop-wrong-side.json`);
    expect(run.code).toBe(1);
    expect(run.stdout.trim().split('\n')).toEqual([
      'stop.price: stop must be below entry for a long (stop 105, entry 100): move it to the other side of the entry',
    ]);
  });

  it('sim with an invalid plan exits 1 with validate’s messages', () => {
    const run = tranche(
      'sim',
      '--plan',
      `${GOLDEN}/plans/invalid-shares-over-100.json`,
      '--data',
      `${GOLDEN}/data/pyramid-ticks.csv`,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^scaleOut: the shares add up to 120%/);
  });

  it('a bad CSV row exits 2 naming the file and the line', () => {
    const data = join(scratch, 'bad.csv');
    writeFileSync(data, 'time,price\n2026-01-05T10:00:00Z,99\n2026-01-05T10:01:00Z,abc\n');
    const run = tranche('sim', '--plan', `${GOLDEN}/plans/pyramid-50-30-20.json`, '--data', data);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`${data}:3: price "abc" is not a price above 0\n`);
  });

  it('an unreadable plan file exits 2 naming it', () => {
    const run = tranche('validate', join(scratch, 'missing.json'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('missing.json: cannot read: no such file');
  });

  it('probe prints what the adapters read from a saved page', () => {
    const run = tranche(
      'probe',
      '--url',
      'https://www.binance.com/en/futures/BTCUSDT',
      '--html',
      'test/fixtures/sites/binance-futures/normal.html',
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      ok: true,
      adapter: 'binance-futures',
      symbol: 'BTCUSDT',
      price: '97080.1',
    });
  });
});
