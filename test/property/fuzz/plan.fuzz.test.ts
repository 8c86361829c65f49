import { readFileSync } from 'node:fs';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { checkPlan } from '../../../lib/checks/check-plan';
import { checkPlanText } from '../../../lib/checks/plan-text-check';
import { parsePlanText } from '../../../lib/plan/plan-text';
import { formatProblem } from '../../../lib/plan/problems';
import { FUZZ_TIMEOUT_MILLIS, fuzzSuite } from './fuzz-runs';

const fuzz = fuzzSuite('plan reader');

/** Valid plans to damage: the examples. */
const PLANS = ['pyramid', 'short-thirds', 'turtle'].map(
  (name) => JSON.parse(readFileSync(`examples/plans/${name}.json`, 'utf8')) as unknown,
);

/** Every path to a value inside a JSON tree. */
function pathsOf(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [at];
  const entries = Array.isArray(value)
    ? value.map((item, index) => [index, item] as const)
    : Object.entries(value);
  return [at, ...entries.flatMap(([key, item]) => pathsOf(item, [...at, key]))];
}

/** `tree` with the value at `path` replaced (or removed, for `undefined`). */
function replaced(tree: unknown, path: readonly (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(tree) ? [...tree] : { ...(tree as object) }) as Record<
    string | number,
    unknown
  >;
  if (rest.length === 0 && value === undefined) delete copy[head];
  else copy[head] = replaced(copy[head], rest, value);
  return copy;
}

/** Hostile values for a field: wrong types, extremes, near-misses of valid decimals. */
const fieldValueArb = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    undefined,
    '0',
    '-1',
    '1e15',
    '1e16',
    '0.0000000000001',
    'NaN',
    'Infinity',
    '1,5',
    ' 2 ',
    '99999999999999999999',
  ),
  fc.constantFrom({ r: '-1' }, { atr: '0' }, { percent: '1000' }, { price: '0' }, 'rest', [], {}),
  fc.double().map(String),
  fc.integer(),
);

const damagedPlanArb = fc
  .tuple(fc.constantFrom(...PLANS), fc.nat(), fieldValueArb)
  .map(([plan, pick, value]) => {
    const paths = pathsOf(plan);
    return replaced(plan, paths[pick % paths.length] ?? [], value);
  });

describe('fuzz: the plan reader', () => {
  it(
    'never throws on any JSON or damaged plan: a valid plan checks again the same, a refusal names each field',
    () => {
      let valid = 0;
      fuzz(
        fc.property(fc.oneof(damagedPlanArb, fc.jsonValue({ maxDepth: 4 })), (json) => {
          const check = checkPlan(json);
          if (!check.ok) {
            return (
              check.problems.length > 0 &&
              check.problems.every((problem) => formatProblem(problem).trim().length > 0)
            );
          }
          valid += 1;
          const again = checkPlan(JSON.parse(JSON.stringify(check.plan)));
          return again.ok && JSON.stringify(again.plan) === JSON.stringify(check.plan);
        }),
      );
      expect(valid, 'some damaged plans are still valid plans').toBeGreaterThan(0);
    },
    FUZZ_TIMEOUT_MILLIS,
  );

  it(
    'reads any text handed over as a plan file without throwing, saying where it came from when it cannot',
    () => {
      fuzz(
        fc.property(
          fc.oneof(
            fc.string({ unit: 'grapheme', maxLength: 200 }),
            damagedPlanArb.map((plan) => `\uFEFF${JSON.stringify(plan) ?? ''}`),
            damagedPlanArb.map((plan) => (JSON.stringify(plan, null, 2) ?? '').slice(0, 120)),
          ),
          (text) => {
            const parsed = parsePlanText(text, 'plan.json');
            if (!parsed.ok && !parsed.error.startsWith('plan.json ')) return false;
            checkPlanText(text, 'plan.json');
            return true;
          },
        ),
      );
    },
    FUZZ_TIMEOUT_MILLIS,
  );
});
