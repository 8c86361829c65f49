import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { sim } from '../../bin/commands/sim';
import { validate } from '../../bin/commands/validate';
import { Decimal } from '../../lib/decimal';

// The shared examples (plans, price paths and the simulator's expected lines), committed
// here so that a clone without ../shared passes. Expected lines list only the fields they
// check; numbers compare by value.
const GOLDEN = join(import.meta.dirname, '../fixtures/golden');
const expectedFiles = readdirSync(join(GOLDEN, 'expected')).filter((name) => name.endsWith('.fills.jsonl'));
const DATA_FOR: Record<string, string> = {
  'pyramid-50-30-20': 'pyramid-ticks.csv',
  'short-thirds-moving-target': 'short-thirds-ticks.csv',
};

function sameValue(actual: unknown, expected: unknown): boolean {
  if (typeof expected === 'string' && typeof actual === 'string' && /^-?[\d.]+$/.test(expected)) {
    return /^-?[\d.]+$/.test(actual) && new Decimal(actual).eq(expected);
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    return (
      expected.length === actual.length && expected.every((value, index) => sameValue(actual[index], value))
    );
  }
  return JSON.stringify(actual) === JSON.stringify(expected);
}

function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Every expected line matches the actual line in its place, field by field; numbers by value. */
function expectLines(
  actual: readonly Record<string, unknown>[],
  expected: readonly Record<string, unknown>[],
) {
  expect(actual.map((line) => line.type)).toEqual(expected.map((line) => line.type));
  expected.forEach((want, index) => {
    const got = actual[index] ?? {};
    for (const [field, value] of Object.entries(want)) {
      expect(
        sameValue(got[field], value),
        `line ${index + 1} ${field}: got ${JSON.stringify(got[field])}, want ${JSON.stringify(value)}`,
      ).toBe(true);
    }
    if (want.type === 'fill' && want.position === '0') {
      expect(got.avgPrice, 'no average entry once flat').toBeUndefined();
    }
  });
}

describe('the simulator reproduces the shared examples', () => {
  it('has an expected file for every example plan that is not invalid', () => {
    const plans = readdirSync(join(GOLDEN, 'plans')).filter((name) => !name.startsWith('invalid-'));
    expect(plans.map((name) => name.replace('.json', '')).sort()).toEqual(
      expectedFiles.map((name) => name.replace('.fills.jsonl', '')).sort(),
    );
  });

  it.each(expectedFiles)('%s: every fill and the summary match, in order', (file) => {
    const name = file.replace('.fills.jsonl', '');
    const data = DATA_FOR[name];
    expect(data, `a data file is mapped for ${name}`).toBeDefined();
    let stdout = '';
    const result = sim(
      {
        plan: join(GOLDEN, 'plans', `${name}.json`),
        data: join(GOLDEN, 'data', data ?? ''),
        fill: 'level',
        alerts: 'risk',
      },
      (text) => {
        stdout += text;
      },
    );
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const actual = jsonLines(stdout).filter((line) => line.type === 'fill' || line.type === 'summary');
    expectLines(actual, jsonLines(readFileSync(join(GOLDEN, 'expected', file), 'utf8')));
  });
});

// The adjustment examples (plan format, "Adjusting a live trade"): a plan, its data and an
// adjustment file; the expected lines list fills, adjustments, refusals and the summary.
const ADJUST_CASES: Record<string, { plan: string; data: string }> = {
  'pyramid-exit-quarter': { plan: 'pyramid-50-30-20.json', data: 'pyramid-ticks.csv' },
};
const adjustFiles = readdirSync(join(GOLDEN, 'adjust')).filter((name) => name.endsWith('.expected.jsonl'));

describe('the simulator reproduces the shared adjustment examples, line for line', () => {
  it('knows the plan and data of every adjustment example', () => {
    expect(adjustFiles.map((name) => name.replace('.expected.jsonl', '')).sort()).toEqual(
      Object.keys(ADJUST_CASES).sort(),
    );
  });

  it.each(adjustFiles)('%s', (file) => {
    const name = file.replace('.expected.jsonl', '');
    const scenario = ADJUST_CASES[name];
    expect(scenario, `a plan and data are mapped for ${name}`).toBeDefined();
    let stdout = '';
    const result = sim(
      {
        plan: join(GOLDEN, 'plans', scenario?.plan ?? ''),
        data: join(GOLDEN, 'data', scenario?.data ?? ''),
        fill: 'level',
        alerts: 'risk',
        adjust: join(GOLDEN, 'adjust', `${name}.jsonl`),
      },
      (text) => {
        stdout += text;
      },
    );
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const kept = new Set(['fill', 'adjust', 'refused', 'summary']);
    const actual = jsonLines(stdout).filter((line) => kept.has(String(line.type)));
    expectLines(actual, jsonLines(readFileSync(join(GOLDEN, 'adjust', file), 'utf8')));
  });
});

describe('validate rejects the invalid examples with field messages', () => {
  it.each([
    ['invalid-shares-over-100.json', 'scaleOut', /120%/],
    ['invalid-stop-wrong-side.json', 'stop.price', /stop must be below entry for a long/],
    ['invalid-stop-beyond-liquidation.json', 'stop', /leverage 3 or less/],
  ])('%s: exits 1 naming %s', (file, field, message) => {
    const result = validate(join(GOLDEN, 'plans', file));
    expect(result.exitCode).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(
      lines.some((line) => line.startsWith(`${field}: `) && message.test(line)),
      result.stdout,
    ).toBe(true);
    expect(result.stdout).not.toMatch(/Invalid input|ZodError|at .*\.ts:\d+/);
  });

  it.each(['pyramid-50-30-20.json', 'short-thirds-moving-target.json'])('%s: exits 0', (file) => {
    expect(validate(join(GOLDEN, 'plans', file)).exitCode).toBe(0);
  });
});
