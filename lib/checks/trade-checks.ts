import { Decimal, toCanonical } from '../decimal';
import { derive, needsCandleAtr, usesAtr } from '../engine/derive';
import type { Derived } from '../engine/types';
import { LARGEST_NUMBER } from '../number-limits';
import type { Problem } from '../plan/problems';
import type { Plan } from '../plan/schema';
import { measureOf } from '../plan/schema';
import { direction } from '../plan/side';
import { levelFrom, stopFrom } from '../sizing/measure';
import { roundLevel } from '../sizing/round';

/**
 * The checks that need the plan as a whole (plan format, "Rounding", "Peak position"). They
 * judge the prices as the engine will use them, rounded to the tick: an entry that rounds
 * to 0, a stop at or past the rounded entry, a target, add level or activation at or below
 * 0 are invalid, and the message quotes the rounded values. Each check is one pass over
 * the plan's lists.
 */
export function checkTrade(plan: Plan): Problem[] {
  if (usesAtr(plan) && plan.volatility === undefined) {
    return [
      {
        field: 'volatility',
        message:
          'the plan measures in ATR but gives none: add "volatility": { "atr": "…" } or { "atrPeriod": 20 }',
      },
    ];
  }
  const problems = [...checkEntryAndStop(plan), ...checkShares(plan), ...checkRuleIndexes(plan)];
  if (problems.length > 0 || needsCandleAtr(plan)) return problems;
  const derived = derive(plan, plan.volatility?.atr ?? null);
  if (new Decimal(derived.r).isZero()) {
    return [
      {
        field: 'stop',
        message: `the stop rounds to the entry ${derived.entryPrice} at the tick ${plan.instrument.tickSize}, so R is 0: move it further away`,
      },
    ];
  }
  return [
    ...checkEntryQty(plan, derived),
    ...checkTargets(plan, derived),
    ...checkAddLevels(plan, derived),
    ...checkActivations(plan, derived),
  ];
}

function checkEntryAndStop(plan: Plan): Problem[] {
  const { side } = plan;
  const tick = new Decimal(plan.instrument.tickSize);
  const entry = roundLevel(new Decimal(plan.entry.price), tick);
  if (entry.isZero()) {
    return [
      {
        field: 'entry.price',
        message: `the entry ${plan.entry.price} rounds to 0 at the tick ${plan.instrument.tickSize}: use a smaller tickSize or a higher entry`,
      },
    ];
  }
  const stop = measureOf(plan.stop);
  if (stop.kind === 'percent' && side === 'long' && new Decimal(stop.value).gte(100)) {
    return [
      {
        field: 'stop.percent',
        message: `a ${stop.value}% stop is at or below 0 for a long: use less than 100`,
      },
    ];
  }
  if (stop.kind !== 'price') return [];
  const rounded = stopFrom(plan, entry, null);
  if (rounded.minus(entry).mul(direction(side)).lt(0)) return [];
  const isMoved = !rounded.eq(stop.value) || !entry.eq(plan.entry.price);
  return [
    {
      field: 'stop.price',
      message: `stop must be ${side === 'long' ? 'below' : 'above'} entry for a ${side} (stop ${toCanonical(rounded)}, entry ${toCanonical(entry)}${isMoved ? `, rounded to the tick ${plan.instrument.tickSize}` : ''}): move it to the other side of the entry`,
    },
  ];
}

/** Sizing that gives more than the largest number Tranche reads is a plan error, not a position. */
function checkEntryQty(plan: Plan, derived: Derived): Problem[] {
  if (new Decimal(derived.entryQty).lte(LARGEST_NUMBER)) return [];
  return [
    {
      field: plan.sizing.method === 'fixed' ? 'sizing.qty' : 'sizing',
      message: `the entry quantity comes to ${derived.entryQty}, above ${LARGEST_NUMBER} (1e15): check the risk, the stop and the point value`,
    },
  ];
}

function checkTargets(plan: Plan, derived: Derived): Problem[] {
  const { side } = plan;
  const sign = direction(side);
  const beyond = side === 'long' ? 'above' : 'below';
  const problems: Problem[] = [];
  derived.targets.forEach((target, index) => {
    const field = `scaleOut[${index}].at`;
    if (!new Decimal(target).gt(0)) {
      problems.push({
        field,
        message: `target ${index + 1} comes to ${target} after rounding to the tick, at or below 0: bring it nearer the entry ${derived.entryPrice}`,
      });
      return;
    }
    if (!new Decimal(target).minus(derived.entryPrice).mul(sign).gt(0)) {
      problems.push({
        field,
        message: `target ${index + 1} at ${target} is not ${beyond} the entry ${derived.entryPrice}: a ${side}'s targets lie ${beyond} it`,
      });
    }
    const previous = derived.targets[index - 1];
    if (previous !== undefined && new Decimal(target).minus(previous).mul(sign).lt(0)) {
      problems.push({
        field,
        message: `target ${index + 1} at ${target} is nearer the entry than target ${index} at ${previous}: list targets from the nearest to the farthest`,
      });
    }
  });
  return problems;
}

/** The adds as planned: each step from the previous planned level, starting at the rounded entry. */
function checkAddLevels(plan: Plan, derived: Derived): Problem[] {
  const tick = new Decimal(plan.instrument.tickSize);
  const atr = derived.atr === null ? null : new Decimal(derived.atr);
  const r = new Decimal(derived.r);
  let from = new Decimal(derived.entryPrice);
  const problems: Problem[] = [];
  plan.scaleIn.forEach((add, index) => {
    const level = roundLevel(levelFrom(add.step, from, plan.side, r, atr), tick);
    if (!level.gt(0)) {
      problems.push({
        field: `scaleIn[${index}].step`,
        message: `add ${index + 1} comes to ${toCanonical(level)} after rounding to the tick (stepping from ${toCanonical(from)}), at or below 0: use a smaller step or fewer adds`,
      });
    }
    from = level;
  });
  return problems;
}

function checkActivations(plan: Plan, derived: Derived): Problem[] {
  const problems: Problem[] = [];
  derived.activations.forEach((activation, index) => {
    if (activation !== null && !new Decimal(activation).gt(0)) {
      problems.push({
        field: `stopRules[${index}].activateAt`,
        message: `the activation comes to ${activation} after rounding to the tick, at or below 0: bring it nearer the entry ${derived.entryPrice}`,
      });
    }
  });
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
