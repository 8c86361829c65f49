import { Decimal, toCanonical } from '../decimal';
import type { Problem } from '../plan/problems';
import type { PercentMention } from './sections';

/** A target price with the percentages written after it. */
export interface WeightedTarget {
  readonly price: Decimal;
  readonly percents: readonly PercentMention[];
}

export type SharesChoice =
  | { readonly ok: true; readonly shares: readonly string[] }
  | { readonly ok: false; readonly problem: Problem };

/** Equal shares are written to 0.01 % (1/3 → 0.3333); the last target takes the rest. */
const SHARE_PLACES = 4;
const HUNDRED = new Decimal(100);

/**
 * How much of the peak position each target sells: the signal's weights, else equal
 * shares, the last one "rest" (docs/plan-format.md#tranche-signal). A percentage after a
 * target is its weight (`39265 - 20%`) unless it is the move to that target: written with
 * a sign (`(+3%)`) or equal to the distance from the entry, plain or times a leverage
 * (`22.95 (15%)` on an entry of 27) — those say what the target earns. Weights for every
 * target but the last leave the rest to the last one; weights for fewer, or adding up to
 * more than 100 %, are asked about.
 */
export function targetShares(
  targets: readonly WeightedTarget[],
  entry: { readonly low: Decimal; readonly high: Decimal },
  leverages: readonly Decimal[],
): SharesChoice {
  const weights = targets.map((target) => target.percents.find((percent) => !percent.isSigned)?.raw);
  const given = weights.filter((weight): weight is string => weight !== undefined);
  const areMoves = targets.every(
    (target, index) =>
      weights[index] === undefined || isMove(new Decimal(weights[index]), target.price, entry, leverages),
  );
  if (given.length === 0 || areMoves) return { ok: true, shares: equalShares(targets.length) };
  // Weights for every target but the last: the last one takes the rest (`TP2: 68000 (rest)`).
  const isLastRest = given.length === targets.length - 1 && weights.at(-1) === undefined;
  if (given.length < targets.length && !isLastRest) {
    return {
      ok: false,
      problem: {
        field: 'targets',
        message: `weights are written for ${given.length} of the ${targets.length} targets: give every target its share, or none`,
      },
    };
  }
  const total = given.reduce((sum, weight) => sum.plus(weight), new Decimal(0));
  if (total.gt(HUNDRED) || given.some((weight) => new Decimal(weight).isZero())) {
    return {
      ok: false,
      problem: {
        field: 'targets',
        message: `the target weights (${given.map((weight) => `${weight}%`).join(', ')}) add up to ${toCanonical(total)}%: each must be above 0 and all together at most 100%`,
      },
    };
  }
  const shares = given.map((weight) => toCanonical(new Decimal(weight).div(HUNDRED)));
  // Weights that make 100 % sell everything: the last target takes what rounding to the lot step left.
  if (isLastRest) shares.push('rest');
  else if (total.eq(HUNDRED)) shares[shares.length - 1] = 'rest';
  return { ok: true, shares };
}

/** The percentage is the price move from either edge of the entry to the target, or that move times a leverage. */
function isMove(
  percent: Decimal,
  target: Decimal,
  entry: { low: Decimal; high: Decimal },
  leverages: readonly Decimal[],
) {
  return [entry.low, entry.high].some((edge) => {
    const move = target.minus(edge).abs().div(edge).mul(HUNDRED);
    const moves = [move, ...leverages.map((leverage) => move.mul(leverage))];
    // Channels round the move they print: within a tenth of it, or half a point.
    return moves.some((candidate) =>
      candidate
        .minus(percent)
        .abs()
        .lte(Decimal.max(candidate.mul(0.1), 0.5)),
    );
  });
}

function equalShares(count: number): string[] {
  const share = toCanonical(new Decimal(1).div(count).toDecimalPlaces(SHARE_PLACES, Decimal.ROUND_DOWN));
  return Array.from({ length: count }, (_, index) => (index === count - 1 ? 'rest' : share));
}
