import { readdirSync, readFileSync } from 'node:fs';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { checkPlan } from '../../../lib/checks/check-plan';
import { planFromSignal } from '../../../lib/signal';

const ACCOUNT = { equity: '10000', riskPercent: '1' };
const FIXTURES = readdirSync('test/fixtures/signals').map((name) =>
  readFileSync(`test/fixtures/signals/${name}`, 'utf8'),
);

/** Whatever a signal text is, the answer is a valid plan or problems, never an exception. */
function answer(text: string, lastPrice?: string) {
  const result = planFromSignal(text, { account: ACCOUNT, ...(lastPrice ? { lastPrice } : {}) });
  if (result.ok) expect(checkPlan(result.json).ok, 'an accepted signal is a valid plan').toBe(true);
  else expect(result.problems.length, 'a refused signal says why').toBeGreaterThan(0);
}

describe('any pasted text', () => {
  it('is a valid plan or a list of problems, never an error: random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => answer(text)),
      {
        numRuns: 300,
      },
    );
  });

  it('… signal lines shuffled, dropped, repeated and given any last price', () => {
    const lines = FIXTURES.flatMap((text) => text.split('\n'));
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...lines), { maxLength: 12 }),
        fc.option(fc.constantFrom('0.0001', '1.26', '80', '64000', '3500'), { nil: undefined }),
        (picked, lastPrice) => answer(picked.join('\n'), lastPrice),
      ),
      { numRuns: 300 },
    );
  });
});
