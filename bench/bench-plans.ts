import type { Plan, PlanInput } from '../lib/plan/schema';
import { checkPlan } from '../lib/checks/check-plan';
import { formatProblem } from '../lib/plan/problems';

/**
 * The engine benchmark's plan: ten levels (the entry, four adds, five targets). Levels are
 * spaced in R = 5 from the entry at 101, so that the seeded tick walk from 100 crosses the
 * entry, the adds and the first target, and leaves the other targets and the stop untouched:
 * a trade that does real work a few times and waits on a million quiet ticks in between.
 */
export const TEN_LEVEL_PLAN: PlanInput = {
  format: 'tranche.plan/1',
  name: 'Benchmark: ten levels',
  instrument: { venue: 'any', symbol: 'BENCH', tickSize: '0.01', lotStep: '1' },
  side: 'long',
  account: { equity: '100000', riskPercent: '1' },
  entry: { price: '101', when: 'above' },
  stop: { price: '96' },
  sizing: { method: 'risk' },
  scaleIn: [1, 2, 3, 4].map(() => ({ step: { r: '0.5' }, size: '0.5' })),
  scaleOut: [
    { at: { r: '3' }, share: '0.2' },
    { at: { r: '4' }, share: '0.2' },
    { at: { r: '5' }, share: '0.2' },
    { at: { r: '6' }, share: '0.2' },
    { at: { r: '7' }, share: 'rest' },
  ],
};

/**
 * The simulator benchmark's plan: the same ten-level ladder in percent, since a year of
 * minute candles wanders far: entry 2 % above the first open, each lot's stop 8 % below its
 * fill, an add every 3 % that raises the earlier stops by 3 %, targets from 15 % to 35 %.
 * On the seeded year every level fills within the first two months.
 */
export function swingPlan(firstOpen: number): PlanInput {
  const entry = (Math.round(firstOpen * 1.02 * 100) / 100).toFixed(2);
  return {
    format: 'tranche.plan/1',
    name: 'Benchmark: ten levels over a year of minutes',
    instrument: { venue: 'any', symbol: 'BENCH', tickSize: '0.01', lotStep: '1' },
    side: 'long',
    account: { equity: '100000', riskPercent: '1' },
    entry: { price: entry, when: 'above' },
    stop: { percent: '8' },
    sizing: { method: 'risk' },
    scaleIn: [1, 2, 3, 4].map(() => ({ step: { percent: '3' }, size: '0.5' })),
    scaleOut: [
      { at: { percent: '15' }, share: '0.2' },
      { at: { percent: '20' }, share: '0.2' },
      { at: { percent: '25' }, share: '0.2' },
      { at: { percent: '30' }, share: '0.2' },
      { at: { percent: '35' }, share: 'rest' },
    ],
    stopRules: [{ on: 'add', raise: { percent: '3' } }],
  };
}

/** A plan through the same validation as `tranche sim`, or an error naming every problem. */
export function validPlan(input: PlanInput): Plan {
  const check = checkPlan(input);
  if (!check.ok) throw new Error(`invalid benchmark plan:\n${check.problems.map(formatProblem).join('\n')}`);
  return check.plan;
}

/**
 * A Turtle plan on minute candles (ATR from `atrPeriod` candles) whose breakout level lies
 * above the whole year: the trader waits all year, and the simulator keeps the candle ATR
 * current on every candle in case the entry comes. Its figure shows what that costs.
 */
export function waitingTurtlePlan(aboveTheYear: number): PlanInput {
  return {
    format: 'tranche.plan/1',
    name: 'Benchmark: a Turtle breakout that never comes',
    instrument: { venue: 'any', symbol: 'BENCH', tickSize: '0.01', lotStep: '1' },
    side: 'long',
    account: { equity: '100000', riskPercent: '1' },
    volatility: { atrPeriod: 20 },
    entry: { price: aboveTheYear.toFixed(2), when: 'above' },
    stop: { atr: '2' },
    sizing: { method: 'unit' },
    scaleIn: [1, 2, 3].map(() => ({ step: { atr: '0.5' }, size: '1' })),
    stopRules: [{ on: 'add', raise: { atr: '0.5' } }],
  };
}
