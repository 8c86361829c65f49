import { Decimal } from '../decimal';
import type { Refusal, RiskCap } from '../engine/effects';
import { isOverridable } from '../engine/effects';
import { formatAtStep, formatUpTo } from '../format';
import type { Adjustment } from '../plan/adjustment';
import type { Plan } from '../plan/schema';
import { trancheName } from './tranche-words';
import { tooSmallWords } from './too-small-words';

/**
 * The words for adjustments (plan format, "Adjusting a live trade"): what the trader asked,
 * and why the guard refuses it, made from the engine's data in this one place for the
 * popup, the panel, the planner, the journal and the command line.
 */

function price(plan: Plan, value: string): string {
  return formatAtStep(value, plan.instrument.tickSize);
}

function qty(plan: Plan, value: string): string {
  return formatAtStep(value, plan.instrument.lotStep);
}

/** Money to the cent, trailing zeros dropped: "150", "62.5". */
function money(value: string): string {
  return formatUpTo(value, 2);
}

function percentOf(share: string): string {
  return `${formatUpTo(new Decimal(share).mul(100).toFixed(), 2)}%`;
}

/** What the trader asked, in a few words: `move the stop to 99.00`, `take 25% of the position off now`. */
export function adjustmentWords(plan: Plan, adjustment: Adjustment): string {
  switch (adjustment.action) {
    case 'stop': {
      const whose = adjustment.lot === undefined ? 'the stop' : `lot ${adjustment.lot}'s stop`;
      const where = adjustment.price === undefined ? 'breakeven' : price(plan, adjustment.price);
      return `move ${whose} to ${where}`;
    }
    case 'target':
      if (adjustment.index === undefined) {
        const share =
          adjustment.share === 'rest'
            ? 'the rest'
            : `${percentOf(adjustment.share ?? '0')} of the peak position`;
        return `add a target at ${price(plan, adjustment.price ?? '0')} for ${share}`;
      }
      return adjustment.remove === true
        ? `remove target ${adjustment.index}`
        : `move target ${adjustment.index} to ${price(plan, adjustment.price ?? '0')}`;
    case 'add':
      if (adjustment.cancel === true) return 'cancel the pending adds';
      return adjustment.remove === true
        ? `remove add ${adjustment.index}`
        : `move add ${adjustment.index} to ${price(plan, adjustment.price ?? '0')}`;
    case 'addNow':
      return adjustment.qty === undefined ? 'add now' : `add ${qty(plan, adjustment.qty)} now`;
    case 'exitNow':
      if (adjustment.all === true) return 'exit all now';
      return adjustment.share === undefined
        ? `take ${qty(plan, adjustment.qty ?? '0')} off now`
        : `take ${percentOf(adjustment.share)} of the position off now`;
    case 'level':
      return adjustment.index === undefined
        ? `add the key level ${adjustment.label ?? ''} at ${price(plan, adjustment.price ?? '0')}`
        : `remove key level ${adjustment.index}`;
  }
}

/** Why the guard refuses, one rule: `that moves the stop from 101.88 to 99.00, against the trade`. */
export function refusalWords(plan: Plan, refusal: Refusal): string {
  switch (refusal.code) {
    case 'closed':
      return 'the plan is closed';
    case 'no-position':
      return 'the entry has not filled yet: there is no position to adjust';
    case 'no-such': {
      const name = refusal.what === 'level' ? 'key level' : refusal.what;
      return `there is no ${name} ${refusal.index} (${refusal.count === 0 ? 'none' : `1 to ${refusal.count}`})`;
    }
    case 'not-pending':
      return `${trancheName(plan, refusal.tranche)} is ${refusal.status}, not pending`;
    case 'none-pending':
      return 'no add is pending';
    case 'stop-past-price':
      return `the stop ${price(plan, refusal.stop)} is at or past the last price ${price(plan, refusal.lastPrice)}: use exit now`;
    case 'level-past-price':
      return `${refusal.kind === 'add' ? 'an add' : 'a target'} at ${price(plan, refusal.price)} is at or past the last price ${price(plan, refusal.lastPrice)} and would fill at once: use ${refusal.kind === 'add' ? 'add now' : 'exit now'}`;
    case 'beyond-liquidation':
      return `the stop ${price(plan, refusal.stop)} lies at or beyond the liquidation estimate ${price(plan, refusal.liquidation)} at ${refusal.leverage}x leverage`;
    case 'beyond-max-qty':
      return `the position would be ${qty(plan, refusal.position)}, above maxQty ${qty(plan, refusal.maxQty)}`;
    case 'exceeds-position':
      return `quantity ${qty(plan, refusal.qty)} exceeds the position ${qty(plan, refusal.position)}`;
    case 'not-lot-multiple':
      return `quantity ${refusal.qty} is not a multiple of the lot step ${refusal.lotStep}`;
    case 'too-small':
      return `too small: ${tooSmallWords(refusal.tooSmall)}`;
    case 'shares-over':
      return `the targets' shares would add up to ${percentOf(refusal.total)} of the peak position, more than all of it`;
    case 'rest-not-last':
      return `${trancheName(plan, refusal.tranche)} takes the rest, so it must stay the last target`;
    case 'too-many-levels':
      return `a plan holds at most ${refusal.max} key levels`;
    case 'stop-against-trade':
      return stopBackWords(plan, refusal);
    case 'averaging-down':
      return `the position is at a loss of ${money(refusal.loss)} at the last price ${price(plan, refusal.lastPrice)} (average entry ${formatUpTo(refusal.averageEntry, 10)}): adding now averages down`;
    case 'open-risk':
      return `${refusal.kind === 'account-heat' ? "the account's open risk" : 'open risk'} afterwards would be ${money(refusal.risk)}, above ${capWords(plan, refusal.kind, refusal.percent, refusal.cap)}`;
  }
}

function stopBackWords(plan: Plan, refusal: Extract<Refusal, { code: 'stop-against-trade' }>): string {
  const froms = new Set(refusal.moves.map((move) => move.from));
  const first = refusal.moves[0];
  // One stop for the position: every lot at the same stop, all moved together.
  const isOneStop = froms.size === 1 && refusal.moves.length === refusal.lots;
  if (isOneStop && first !== undefined) {
    return `that moves the stop from ${price(plan, first.from)} to ${price(plan, first.to)}, against the trade`;
  }
  const moves = refusal.moves.map(
    (move) => `lot ${move.lot} from ${price(plan, move.from)} to ${price(plan, move.to)}`,
  );
  return `that moves the ${moves.length === 1 ? 'stop' : 'stops'} of ${moves.join(' and ')}, against the trade`;
}

function capWords(plan: Plan, kind: RiskCap, percent: string | null, cap: string): string {
  switch (kind) {
    case 'max-open-risk':
      return `the plan's cap of ${percent ?? ''}% of ${plan.account.equity === undefined ? 'the risk budget' : 'equity'} (${money(cap)})`;
    case 'budget':
      return `the plan's risk budget of ${money(cap)}`;
    case 'account-heat':
      return `the account heat cap of ${percent ?? ''}% of equity (${money(cap)})`;
  }
}

/**
 * The refusal as the trader reads it: every rule it breaks, and, when each of them may be
 * set aside, that a reason would do it.
 */
export function refusedWords(plan: Plan, refusals: readonly Refusal[]): string {
  const text = refusals.map((refusal) => refusalWords(plan, refusal)).join('; ');
  return refusals.length > 0 && refusals.every(isOverridable) ? `${text}: give a reason to override` : text;
}

/** An applied adjustment: what it did, and what its reason overrode. */
export function adjustedWords(plan: Plan, adjustment: Adjustment, overridden: readonly Refusal[]): string {
  const done = adjustmentWords(plan, adjustment);
  if (overridden.length === 0 || adjustment.override === undefined) return done;
  const rules = overridden.map((refusal) => refusalWords(plan, refusal)).join('; ');
  return `${done}, overriding: ${rules} (reason: ${adjustment.override})`;
}
