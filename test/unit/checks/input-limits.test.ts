import { describe, expect, it } from 'vitest';

import { checkPlan } from '../../../lib/checks/check-plan';
import { MAX_ADDS, MAX_KEY_LEVELS, MAX_STOP_RULES, MAX_TARGETS } from '../../../lib/plan/schema';
import { plan, planJson, runTicks } from '../helpers';

// Plan format, "Numbers and limits": every number lies between 1e-12 and 1e15 in magnitude (or is
// 0 where a field allows it) with at most 18 decimal places; a plan's lists hold at most 100
// adds, 100 targets and 50 stop rules. Anything else is an error naming its field.

function problemsOf(json: unknown) {
  const check = checkPlan(json);
  if (check.ok) throw new Error('expected the plan to be refused');
  return check.problems;
}

const INSTRUMENT = { symbol: 'TEST', tickSize: '0.01', lotStep: '1' };

describe('numbers outside the input limits', () => {
  it.each([
    [
      'entry.price',
      planJson({ entry: { price: '1e9999999999', when: 'above' } }),
      'is above 1000000000000000 (1e15)',
    ],
    ['entry.price', planJson({ entry: { price: '1000000000000000.01', when: 'above' } }), 'is above'],
    [
      'instrument.lotStep',
      planJson({ instrument: { ...INSTRUMENT, lotStep: '1e-9999999' } }),
      'is below 0.000000000001 (1e-12)',
    ],
    [
      'instrument.tickSize',
      planJson({ instrument: { ...INSTRUMENT, tickSize: '0.0000000000009' } }),
      'is below',
    ],
    ['instrument.tickSize', planJson({ instrument: { ...INSTRUMENT, tickSize: 1e-13 } }), 'is below'],
    ['account.equity', planJson({ account: { equity: '1e16', riskPercent: '1' } }), 'is above'],
    // 19 decimal places
    [
      'stop.price',
      planJson({ stop: { price: '95.0000000000000000001' } }),
      'has more than 18 decimal places',
    ],
    [
      'instrument.tickSize',
      planJson({ instrument: { ...INSTRUMENT, tickSize: '0' } }),
      'must be greater than 0',
    ],
  ])('%s: refused with the limit', (field, json, words) => {
    const found = problemsOf(json).filter((problem) => problem.field === field);
    expect(found, JSON.stringify(problemsOf(json))).toHaveLength(1);
    expect(found[0]?.message).toContain(words);
  });

  it('accepts the limits themselves and 18 decimal places', () => {
    const check = checkPlan(
      planJson({
        instrument: { symbol: 'TEST', tickSize: '0.000000000001', lotStep: '0.000000000001' },
        account: { equity: '1000000000000000', riskAmount: undefined, riskPercent: '0.000000000001' },
        entry: { price: '100.000000000000000001', when: 'above' },
      }),
    );
    expect(check.ok, JSON.stringify(check)).toBe(true);
  });

  it('accepts 0 where a field allows it (the maintenance margin rate)', () => {
    const json = planJson({ limits: { leverage: '2', maintenanceMarginRate: '0' } });
    expect(checkPlan(json).ok).toBe(true);
  });

  it('quotes a megabyte of digits back cut short', () => {
    const [problem] = problemsOf(planJson({ entry: { price: '9'.repeat(1_000_000), when: 'above' } }));
    expect(problem?.field).toBe('entry.price');
    expect(problem?.message.length).toBeLessThan(200);
  });
});

describe('list limits', () => {
  const add = { step: { r: '0.1' }, size: '0.01' };
  const target = (index: number) => ({ at: { r: String(index + 1) }, share: '0.001' });
  const rule = { on: 'add', set: 'breakeven' };

  it.each([
    ['scaleIn', { scaleIn: Array.from({ length: MAX_ADDS + 1 }, () => add) }, 'holds at most 100 adds'],
    [
      'scaleOut',
      { scaleOut: Array.from({ length: MAX_TARGETS + 1 }, (_, index) => target(index)) },
      'holds at most 100 targets',
    ],
    [
      'stopRules',
      { stopRules: Array.from({ length: MAX_STOP_RULES + 1 }, () => rule) },
      'holds at most 50 stop rules',
    ],
    [
      'levels',
      {
        levels: Array.from({ length: MAX_KEY_LEVELS + 1 }, (_, index) => ({
          price: `${index + 1}`,
          label: 'pivot',
        })),
      },
      'holds at most 50 key levels',
    ],
  ])('%s: one more than the limit is refused on the list', (field, overrides, message) => {
    expect(problemsOf(planJson(overrides))).toEqual([{ field, message }]);
  });

  it('refuses 10,000 targets on the list, not target by target', () => {
    const json = planJson({ scaleOut: Array.from({ length: 10_000 }, (_, index) => target(index)) });
    expect(problemsOf(json)).toEqual([{ field: 'scaleOut', message: 'holds at most 100 targets' }]);
  });

  it('accepts exactly the limits', () => {
    const json = planJson({
      scaleIn: Array.from({ length: MAX_ADDS }, () => add),
      scaleOut: Array.from({ length: MAX_TARGETS }, (_, index) => target(index)),
      stopRules: Array.from({ length: MAX_STOP_RULES }, () => rule),
    });
    expect(checkPlan(json).ok, JSON.stringify(checkPlan(json))).toBe(true);
  });
});

describe('the open-risk cut counts lot steps in decimals', () => {
  it('validates a tiny-price plan whose add is 10^17 lot steps', () => {
    // R = 0.00001 − 0.000009 = 0.000001; qty = 1000 / 0.000001 = 1e9 = 10^17 lot steps of 1e-8.
    // cap = 150 % of the budget 1000 = 1500; the entry holds 1000 of it. add-1 at 0.000011
    // (qty 1e9) keeps the price stop: each unit adds 0.000002, so 500 / 0.000002 = 250,000,000 fit.
    const tiny = {
      instrument: { symbol: 'PEPEUSDT', tickSize: '0.00000001', lotStep: '0.00000001' },
      account: { riskAmount: '1000' },
      entry: { price: '0.00001', when: 'above' },
      stop: { price: '0.000009' },
      scaleIn: [{ step: { r: '1' }, size: '1' }],
      limits: { maxOpenRiskPercent: '150' },
    };
    const check = checkPlan(planJson(tiny));
    expect(check.ok, JSON.stringify(check)).toBe(true);
    if (!check.ok) return;
    const run = runTicks(plan(tiny), ['0.000009', '0.00001', '0.000011']);
    // open risk after: 1000 + 250,000,000 × 0.000002 = 1500, the cap exactly
    expect(run.fills[1]).toMatchObject({ tranche: 'add-1', qty: '250000000', openRisk: '1500' });
  });
});

describe('the largest plan the limits allow', () => {
  it('validates 100 adds, each cut by the open-risk cap, with 50 rules moving every lot', () => {
    // every add is 100 entry quantities with the price stop 90: far above the 3 % cap, so each
    // is cut; each add's 50 raises move every earlier lot, making room for the next
    const check = checkPlan(
      planJson({
        instrument: { symbol: 'X', tickSize: '0.00000001', lotStep: '0.00000001' },
        account: { equity: '1000000', riskPercent: '1' },
        stop: { price: '90' },
        scaleIn: Array.from({ length: MAX_ADDS }, () => ({ step: { percent: '0.5' }, size: '100' })),
        stopRules: Array.from({ length: MAX_STOP_RULES }, () => ({ on: 'add', raise: { percent: '0.01' } })),
        limits: { maxOpenRiskPercent: '3' },
      }),
    );
    expect(check.ok, JSON.stringify(check).slice(0, 500)).toBe(true);
  });
});

describe('key levels', () => {
  it('reads a support and a resistance as the trader wrote them', () => {
    const check = checkPlan(
      planJson({
        levels: [
          { price: 95.5, label: ' support ' },
          { price: '120', label: 'resistance' },
        ],
      }),
    );
    if (!check.ok) throw new Error(JSON.stringify(check.problems));
    expect(check.plan.levels, 'numbers become decimal strings, labels are trimmed').toEqual([
      { price: '95.5', label: 'support' },
      { price: '120', label: 'resistance' },
    ]);
  });

  it('defaults to no key levels', () => {
    const check = checkPlan(planJson({}));
    expect(check.ok && check.plan.levels).toEqual([]);
  });

  it.each([
    [{ price: '0', label: 'floor' }, 'levels[0].price', '"0" must be greater than 0'],
    [{ price: '100', label: '  ' }, 'levels[0].label', 'must name the level, like "resistance"'],
    [{ price: '100', label: 'x'.repeat(41) }, 'levels[0].label', 'must be at most 40 characters'],
    [{ price: '1e999', label: 'moon' }, 'levels[0].price', undefined],
  ])('refuses %j on its field', (level, field, message) => {
    const problems = problemsOf(planJson({ levels: [level] }));
    expect(problems.map((problem) => problem.field)).toEqual([field]);
    if (message !== undefined) expect(problems[0]?.message).toBe(message);
  });
});
