import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

// The command line as a trader runs it: `npm run -s tranche -- …` is `tsx bin/tranche.ts …`.
function tranche(...args: string[]) {
  return trancheIn({}, ...args);
}

function trancheIn(env: Record<string, string>, ...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'bin/tranche.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const GOLDEN = 'test/fixtures/golden';
const scratch = mkdtempSync(join(tmpdir(), 'tranche-cli-'));

describe('tranche command line', { timeout: 30_000 }, () => {
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

  it('reads a plan file and a data file that start with a byte-order mark', () => {
    const planFile = join(scratch, 'bom.plan.json');
    const dataFile = join(scratch, 'bom.csv');
    writeFileSync(planFile, `\uFEFF${readFileSync(`${GOLDEN}/plans/pyramid-50-30-20.json`, 'utf8')}`);
    writeFileSync(dataFile, `\uFEFF${readFileSync(`${GOLDEN}/data/pyramid-ticks.csv`, 'utf8')}`);
    expect(tranche('validate', planFile)).toMatchObject({ code: 0, stdout: `ok: ${planFile}\n` });
    const run = tranche('sim', '--plan', planFile, '--data', dataFile);
    expect(run.code).toBe(0);
    expect(
      run.stdout
        .trim()
        .split('\n')
        .filter((line) => line.includes('"fill"')),
    ).toHaveLength(5);
  });

  it('reads times without a zone as UTC on a machine in Tokyo', () => {
    // 10:00Z, then 10:01 without a zone: a minute later in UTC, nine hours earlier in Tokyo
    const data = join(scratch, 'zoneless.csv');
    writeFileSync(data, 'time,price\n2026-01-05T10:00:00Z,99\n2026-01-05T10:01:00,100\n');
    const plan = `${GOLDEN}/plans/pyramid-50-30-20.json`;
    for (const zone of ['UTC', 'Asia/Tokyo']) {
      const run = trancheIn({ TZ: zone }, 'sim', '--plan', plan, '--data', data);
      expect(run.stderr, zone).toBe('');
      expect(run.code, zone).toBe(0);
    }
  });

  it('refuses an impossible date and prices beyond the input limits, naming the line', () => {
    const plan = `${GOLDEN}/plans/pyramid-50-30-20.json`;
    const cases: [string, string][] = [
      ['2026-02-30T10:00:00Z,99', '"2026-02-30T10:00:00Z" is not a date and time of the calendar'],
      [
        '2026-01-05T10:01:00Z,1e-400',
        'price "1e-400" is below 0.000000000001 (1e-12), the smallest number Tranche reads',
      ],
      [
        '2026-01-05T10:01:00Z,1e999',
        'price "1e999" is above 1000000000000000 (1e15), the largest number Tranche reads',
      ],
    ];
    for (const [row, reason] of cases) {
      const data = join(scratch, 'limits.csv');
      writeFileSync(data, `time,price\n2026-01-05T10:00:00Z,99\n${row}\n`);
      const run = tranche('sim', '--plan', plan, '--data', data);
      expect(run.code, row).toBe(2);
      expect(run.stderr, row).toBe(`${data}:3: ${reason}\n`);
    }
  });

  it('prints the lines of the rows before a bad row, then exits 2 naming it (the file is streamed)', () => {
    const data = join(scratch, 'late-error.csv');
    writeFileSync(
      data,
      `${readFileSync(`${GOLDEN}/data/pyramid-ticks.csv`, 'utf8')}2026-01-05T11:00:00Z,x\n`,
    );
    const run = tranche('sim', '--plan', `${GOLDEN}/plans/pyramid-50-30-20.json`, '--data', data);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`${data}:12: price "x" is not a price above 0\n`);
    expect(run.stdout.trim().split('\n'), 'the five fills, no summary').toHaveLength(5);
  });

  it('refuses a plan of 10,000 targets on the list and a number past the limits', () => {
    const plan = JSON.parse(readFileSync(`${GOLDEN}/plans/pyramid-50-30-20.json`, 'utf8')) as Record<
      string,
      unknown
    >;
    const many = join(scratch, 'many-targets.json');
    writeFileSync(
      many,
      JSON.stringify({
        ...plan,
        scaleOut: Array.from({ length: 10_000 }, (_, index) => ({
          at: { r: String(index + 1) },
          share: '0.0001',
        })),
      }),
    );
    expect(tranche('validate', many)).toMatchObject({
      code: 1,
      stdout: 'scaleOut: holds at most 100 targets\n',
    });
    const huge = join(scratch, 'huge-entry.json');
    writeFileSync(huge, JSON.stringify({ ...plan, entry: { price: '1e9999999999' } }));
    expect(tranche('validate', huge)).toMatchObject({
      code: 1,
      stdout:
        'entry.price: "1e9999999999" is above 1000000000000000 (1e15), the largest number Tranche reads\n',
    });
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

describe('tranche signal (docs/plan-format.md: from a trade signal)', { timeout: 30_000 }, () => {
  const SIGNALS = 'test/fixtures/signals';

  it('prints the plan file for a signal, exit 0, on the account given', () => {
    const run = tranche(
      'signal',
      '--text-file',
      `${SIGNALS}/cornix-weights-short.txt`,
      '--equity',
      '25000',
      '--risk-percent',
      '0.5',
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({
      format: 'tranche.plan/1',
      instrument: { venue: 'bybit', symbol: 'ETHUSDT' },
      side: 'short',
      account: { equity: '25000', riskPercent: '0.5' },
      entry: { price: '3420' },
      stop: { price: '3540' },
      scaleOut: [
        { at: { price: '3380' }, share: '0.4' },
        { at: { price: '3330' }, share: '0.3' },
        { at: { price: '3250' }, share: 'rest' },
      ],
      limits: { leverage: '20' },
    });
  });

  it('takes the entry edge the last price reaches first with --price', () => {
    // The range 78.50–84.20, last price 80: 80 − 78.50 = 1.50 is nearer than 84.20 − 80 = 4.20.
    const run = tranche('signal', '--text-file', `${SIGNALS}/dca-entries.txt`, '--price', '80');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ entry: { price: '78.5' } });
  });

  it('without an account risks 1 % of 10,000 and says so on standard error', () => {
    const run = tranche('signal', '--text-file', `${SIGNALS}/emoji-tp-list.txt`);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ account: { equity: '10000', riskPercent: '1' } });
    expect(run.stderr).toBe(
      'note: no --equity and --risk-percent: the plan risks 1% of 10000; set your account in it\n',
    );
  });

  it('exits 1 with one line per problem, asked and never guessed', () => {
    const run = tranche(
      'signal',
      '--text-file',
      `${SIGNALS}/two-stops.txt`,
      '--equity',
      '1000',
      '--risk-percent',
      '1',
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('stop: different stops (0.169, 0.172): keep one\n');
  });

  it('exits 2 naming an unreadable file', () => {
    const run = tranche('signal', '--text-file', join(scratch, 'missing.txt'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('missing.txt: cannot read: no such file');
  });

  it.each([
    [['--equity', '1000'], 'signal needs both --equity and --risk-percent, or neither'],
    [
      ['--equity', '1000', '--risk-percent', 'one'],
      '--risk-percent must be a number above 0, like 10000, not "one"',
    ],
    [['--price', '0'], '--price must be a number above 0, like 10000, not "0"'],
  ])('exits 2 for options %j', (options, message) => {
    const run = tranche('signal', '--text-file', `${SIGNALS}/emoji-tp-list.txt`, ...options);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`${message}\n`);
  });
});
