import { checkPlan } from '../lib/checks/check-plan';
import type { PlanInput } from '../lib/plan/schema';
import type { Timing } from './measure';
import { millisOf, timingOf } from './measure';

export interface ValidateFigures {
  readonly targets: number;
  readonly megabytes: number;
  readonly seconds: number;
  readonly timing: Timing;
  /** What validation answered, so the figure is known to be the refusal it should be. */
  readonly answer: string;
}

/**
 * A plan file of `targets` targets, as text: the shared pyramid with its scale-out list
 * blown up, each target 1 R further than the one before and a tiny share.
 */
export function manyTargetsPlanText(base: PlanInput, targets: number): string {
  const scaleOut = Array.from({ length: targets }, (_, index) => ({
    at: { r: String(index + 1) },
    share: '0.00001',
  }));
  return JSON.stringify({ ...base, scaleOut });
}

/**
 * The most work the list limits allow a plan to ask of validation: 100 adds, each far
 * above the open-risk cap (so each is cut by the search), 50 rules that move every lot on
 * every add, and the ladder walked through the engine.
 */
export function largestPlanText(base: PlanInput): string {
  return JSON.stringify({
    ...base,
    instrument: { venue: 'any', symbol: 'BENCH', tickSize: '0.00000001', lotStep: '0.00000001' },
    stop: { price: '90' },
    scaleIn: Array.from({ length: 100 }, () => ({ step: { percent: '0.5' }, size: '100' })),
    scaleOut: Array.from({ length: 100 }, (_, index) => ({
      at: { percent: String(80 + index) },
      share: '0.001',
    })),
    stopRules: Array.from({ length: 50 }, () => ({ on: 'add', raise: { percent: '0.01' } })),
    limits: { maxOpenRiskPercent: '3' },
  });
}

/** The most targets whose plan file stays under `megabytes` MB. */
export function targetsForMegabytes(base: PlanInput, megabytes: number): number {
  const limit = megabytes * 1024 * 1024;
  let targets = 1000;
  for (let turn = 0; turn < 4; turn += 1) {
    targets = Math.floor((targets * limit) / manyTargetsPlanText(base, targets).length);
  }
  while (manyTargetsPlanText(base, targets).length >= limit) targets -= 1000;
  return targets;
}

/**
 * What `tranche validate` does with a file once it is read, timed in this process: parse
 * the JSON and check the plan. Process start-up (tsx compiling the command line) is not
 * validation, and is the same for every plan.
 */
export function timeValidate(text: string, targets: number, runs: number): ValidateFigures {
  let answer = '';
  const millis: number[] = [];
  for (let round = 0; round < runs; round += 1) {
    millis.push(
      millisOf(() => {
        const check = checkPlan(JSON.parse(text));
        answer = check.ok
          ? 'valid'
          : check.problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ');
      }),
    );
  }
  const timing = timingOf(millis);
  return {
    targets,
    megabytes: text.length / (1024 * 1024),
    seconds: timing.medianMillis / 1000,
    timing,
    answer,
  };
}
