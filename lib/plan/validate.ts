import type { z } from 'zod';

import { Decimal, toCanonical } from '../decimal';
import { derive, direction, needsCandleAtr, usesAtr } from '../engine/derive';
import type { EngineState } from '../engine/types';
import { formatAtStep } from '../format';
import { highestSafeLeverage, isStopInsideLiquidation, liquidationPrice } from '../sizing/liquidation';
import { replayLadder } from '../sim/ladder';
import { ADAPTERS } from '../sites/registry';
import { migratePlan } from './migrate';
import type { Plan } from './schema';
import { measureOf, PlanSchema } from './schema';

/** One thing wrong with a plan, tied to its field, saying what would fix it. */
export interface Problem {
  readonly field: string;
  readonly message: string;
}

export type PlanCheck = { ok: true; plan: Plan; warnings: Problem[] } | { ok: false; problems: Problem[] };

/** One line per problem, as `validate` prints it: `stop.price: stop must be below entry for a long …`. */
export function formatProblem(problem: Problem): string {
  return `${problem.field}: ${problem.message}`;
}

/**
 * Read a plan from untrusted JSON: migrate it to the current format, check every field
 * with zod, then check the trade itself (SPEC §2): stop side, shares, target order,
 * ATR availability, liquidation; tranches below the exchange minimums are warnings.
 */
export function checkPlan(input: unknown): PlanCheck {
  const migrated = migratePlan(input);
  if (!migrated.ok) return { ok: false, problems: [{ field: migrated.field, message: migrated.message }] };
  const parsed = PlanSchema.safeParse(migrated.plan, { error: traderMessage });
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map(toProblem) };
  const plan = parsed.data;
  const problems = checkTrade(plan);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, plan, warnings: [...venueWarnings(plan), ...rehearse(plan).warnings] };
}

/**
 * A venue Tranche has no reader for still works for a picked site (its venue is the page's
 * host) and for TradingView charts, but a typo would silently mute the exchange's pages.
 */
function venueWarnings(plan: Plan): Problem[] {
  const { venue } = plan.instrument;
  const ids = ADAPTERS.map((adapter) => adapter.id);
  const isKnown = venue === 'any' || ids.some((id) => id === venue || id.startsWith(`${venue}-`));
  if (isKnown || /[.:]/.test(venue)) return [];
  return [
    {
      field: 'instrument.venue',
      message: `no site reader is called "${venue}" (${ids.filter((id) => id !== 'title').join(', ')} or "any"): only TradingView charts of ${plan.instrument.symbol} will feed this plan`,
    },
  ];
}

/** Zod's default texts for the issues no schema message covers, in a trader's words. */
function traderMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is missing';
  if (issue.code === 'unrecognized_keys') {
    return `has no field ${issue.keys.map((key) => `"${key}"`).join(', ')} (a typo?)`;
  }
  if (issue.code === 'invalid_type')
    return `must be ${issue.expected === 'array' ? 'a list [ … ]' : issue.expected === 'object' ? 'an object { … }' : `a ${issue.expected}`}`;
  return undefined;
}

function toProblem(issue: z.core.$ZodIssue): Problem {
  return { field: fieldName(issue.path), message: issue.message };
}

function fieldName(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'plan';
  return path.reduce<string>(
    (name, key) =>
      typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key),
    '',
  );
}

/** The checks that need the plan as a whole. */
function checkTrade(plan: Plan): Problem[] {
  const problems: Problem[] = [];
  const { side } = plan;
  const sign = direction(side);
  if (usesAtr(plan) && plan.volatility === undefined) {
    problems.push({
      field: 'volatility',
      message:
        'the plan measures in ATR but gives none: add "volatility": { "atr": "…" } or { "atrPeriod": 20 }',
    });
    return problems;
  }
  const entry = new Decimal(plan.entry.price);
  const stop = measureOf(plan.stop);
  if (stop.kind === 'price' && !new Decimal(stop.value).minus(entry).mul(sign).lt(0)) {
    problems.push({
      field: 'stop.price',
      message: `stop must be ${side === 'long' ? 'below' : 'above'} entry for a ${side} (stop ${stop.value}, entry ${plan.entry.price}): move it to the other side of the entry`,
    });
  }
  if (stop.kind === 'percent' && side === 'long' && new Decimal(stop.value).gte(100)) {
    problems.push({
      field: 'stop.percent',
      message: `a ${stop.value}% stop is at or below 0 for a long: use less than 100`,
    });
  }
  problems.push(...checkShares(plan));
  problems.push(...checkRuleIndexes(plan));
  if (problems.length > 0 || needsCandleAtr(plan)) return problems;

  const derived = derive(plan, plan.volatility?.atr ?? null);
  if (new Decimal(derived.r).isZero()) {
    problems.push({
      field: 'stop',
      message: `the stop rounds to the entry at tick ${plan.instrument.tickSize}, so R is 0: move it further away`,
    });
    return problems;
  }
  derived.targets.forEach((target, index) => {
    if (!new Decimal(target).minus(derived.entryPrice).mul(sign).gt(0)) {
      problems.push({
        field: `scaleOut[${index}].at`,
        message: `target ${index + 1} at ${target} is not ${side === 'long' ? 'above' : 'below'} the entry ${derived.entryPrice}: a ${side}'s targets lie ${side === 'long' ? 'above' : 'below'} it`,
      });
    }
    const previous = derived.targets[index - 1];
    if (previous !== undefined && new Decimal(target).minus(previous).mul(sign).lt(0)) {
      problems.push({
        field: `scaleOut[${index}].at`,
        message: `target ${index + 1} at ${target} is nearer the entry than target ${index} at ${previous}: list targets from the nearest to the farthest`,
      });
    }
  });
  if (problems.length > 0) return problems;
  problems.push(...rehearse(plan).problems);
  return problems;
}

function checkShares(plan: Plan): Problem[] {
  const problems: Problem[] = [];
  let total = new Decimal(0);
  plan.scaleOut.forEach((target, index) => {
    if (target.share === 'rest') {
      if (index !== plan.scaleOut.length - 1) {
        problems.push({
          field: `scaleOut[${index}].share`,
          message: '"rest" takes everything left, so it must be the last target',
        });
      } else if (total.gte(1)) {
        problems.push({
          field: `scaleOut[${index}].share`,
          message: `the shares before it already sell ${toCanonical(total.mul(100))}% of the peak position, so "rest" has nothing left: remove it or lower the shares`,
        });
      }
      return;
    }
    total = total.plus(target.share);
  });
  if (total.gt(1)) {
    problems.push({
      field: 'scaleOut',
      message: `the shares add up to ${toCanonical(total.mul(100))}% of the peak position: make them add up to 100% or less`,
    });
  }
  return problems;
}

function checkRuleIndexes(plan: Plan): Problem[] {
  const problems: Problem[] = [];
  plan.stopRules.forEach((rule, index) => {
    if (rule.index === undefined) return;
    const count = rule.on === 'add' ? plan.scaleIn.length : plan.scaleOut.length;
    if (rule.index > count) {
      problems.push({
        field: `stopRules[${index}].index`,
        message: `the plan has ${count} ${rule.on === 'add' ? 'add' : 'target'}${count === 1 ? '' : 's'}, so there is no ${rule.on} ${rule.index}`,
      });
    }
  });
  return problems;
}

/**
 * Walk the plan along its own ladder, every level filling exactly where planned (entry,
 * then each add and target in price order), to find tranches below the exchange minimums
 * (warnings) and stops that lie at or beyond the liquidation estimate (problems).
 */
function rehearse(plan: Plan): { warnings: Problem[]; problems: Problem[] } {
  const warnings: Problem[] = [];
  const problems: Problem[] = [];
  if (needsCandleAtr(plan)) return { warnings, problems };
  let worstLeverage = Number.POSITIVE_INFINITY;
  let worst = null as { stop: string; liquidation: string } | null;
  replayLadder(plan, (effects, state) => {
    for (const effect of effects) {
      if (effect.type === 'skip')
        warnings.push({ field: trancheField(plan, effect.tranche), message: effect.reason });
      if (effect.type === 'fill' && effect.side === (plan.side === 'long' ? 'buy' : 'sell')) {
        const found = liquidationProblem(plan, state);
        if (found && found.leverage < worstLeverage) {
          worstLeverage = found.leverage;
          worst = found;
        }
      }
    }
  });
  if (worst !== null) {
    const leverage = plan.limits.leverage ?? '';
    problems.push({
      field: 'stop',
      message: `the stop ${formatAtStep(worst.stop, plan.instrument.tickSize)} lies at or beyond the liquidation estimate ${formatAtStep(worst.liquidation, plan.instrument.tickSize)} at ${leverage}x leverage: ${worstLeverage >= 1 ? `use leverage ${worstLeverage} or less` : 'no leverage keeps it inside; move the stop nearer'}, or move the stop nearer the entry`,
    });
  }
  return { warnings, problems };
}

function liquidationProblem(
  plan: Plan,
  state: EngineState,
): { stop: string; liquidation: string; leverage: number } | null {
  const { leverage, maintenanceMarginRate } = plan.limits;
  if (leverage === undefined || state.lots.length === 0) return null;
  const mmr = new Decimal(maintenanceMarginRate ?? '0');
  const qty = state.lots.reduce((sum, lot) => sum.plus(lot.qty), new Decimal(0));
  const average = state.lots
    .reduce((sum, lot) => sum.plus(new Decimal(lot.fill).mul(lot.qty)), new Decimal(0))
    .div(qty);
  const liquidation = liquidationPrice(plan.side, average, new Decimal(leverage), mmr);
  let found: { stop: string; liquidation: string; leverage: number } | null = null;
  for (const lot of state.lots) {
    const stop = new Decimal(lot.stop);
    if (isStopInsideLiquidation(plan.side, stop, liquidation)) continue;
    const safe = highestSafeLeverage(plan.side, average, stop, mmr);
    if (found === null || safe < found.leverage)
      found = { stop: lot.stop, liquidation: toCanonical(liquidation), leverage: safe };
  }
  return found;
}

function trancheField(plan: Plan, tranche: string): string {
  const [kind, index] = tranche.split('-');
  if (kind === 'add') return `scaleIn[${Number(index) - 1}]`;
  if (kind === 'target') return `scaleOut[${Number(index) - 1}]`;
  return plan.sizing.method === 'fixed' ? 'sizing.qty' : 'sizing';
}
