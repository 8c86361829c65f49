import { Decimal, toCanonical } from '../decimal';
import { needsCandleAtr } from '../engine/derive';
import { averageEntry } from '../engine/position';
import type { EngineState } from '../engine/types';
import { formatAtStep } from '../format';
import type { Problem } from '../plan/problems';
import type { Plan } from '../plan/schema';
import { orderSide } from '../plan/tranche-id';
import { parseTrancheId } from '../plan/tranche-id';
import { replayLadder } from '../sim/ladder';
import { highestSafeLeverage, isStopInsideLiquidation, liquidationPrice } from '../sizing/liquidation';
import { skipWords } from '../words/effect-words';

/**
 * The plan walked along its own ladder (lib/sim/ladder.ts), every level filling where it is
 * planned: tranches below the exchange minimums are warnings; a stop at or beyond the
 * liquidation estimate, for the entry or the average entry after any add, is a problem
 * whose message suggests the highest whole leverage that keeps it inside.
 */
export function checkLadder(plan: Plan): { warnings: Problem[]; problems: Problem[] } {
  const warnings: Problem[] = [];
  if (needsCandleAtr(plan)) return { warnings, problems: [] };
  let worst: Liquidation | null = null;
  const opening = orderSide(plan.side, 'entry');
  replayLadder(plan, (effects, state) => {
    for (const effect of effects) {
      if (effect.type === 'skip') {
        warnings.push({ field: trancheField(plan, effect.tranche), message: skipWords(plan, effect.reason) });
      }
      if (effect.type === 'fill' && effect.side === opening) {
        const found = liquidationProblem(plan, state);
        if (found !== null && (worst === null || found.leverage < worst.leverage)) worst = found;
      }
    }
  });
  const problems: Problem[] = [];
  const found = worst as Liquidation | null;
  if (found !== null) {
    const { tickSize } = plan.instrument;
    problems.push({
      field: 'stop',
      message: `the stop ${formatAtStep(found.stop, tickSize)} lies at or beyond the liquidation estimate ${formatAtStep(found.liquidation, tickSize)} at ${plan.limits.leverage ?? ''}x leverage: ${found.leverage >= 1 ? `use leverage ${found.leverage} or less` : 'no leverage keeps it inside; move the stop nearer'}, or move the stop nearer the entry`,
    });
  }
  return { warnings, problems };
}

interface Liquidation {
  readonly stop: string;
  readonly liquidation: string;
  readonly leverage: number;
}

/** The lot whose stop lies farthest beyond the liquidation estimate at the average entry of the moment. */
function liquidationProblem(plan: Plan, state: EngineState): Liquidation | null {
  const { leverage, maintenanceMarginRate } = plan.limits;
  const average = averageEntry(state.lots);
  if (leverage === undefined || average === null) return null;
  const mmr = new Decimal(maintenanceMarginRate ?? '0');
  const liquidation = liquidationPrice(plan.side, average, new Decimal(leverage), mmr);
  let found: Liquidation | null = null;
  for (const lot of state.lots) {
    const stop = new Decimal(lot.stop);
    if (isStopInsideLiquidation(plan.side, stop, liquidation)) continue;
    const safe = highestSafeLeverage(plan.side, average, stop, mmr);
    if (found === null || safe < found.leverage) {
      found = { stop: lot.stop, liquidation: toCanonical(liquidation), leverage: safe };
    }
  }
  return found;
}

/** The plan field a tranche comes from: `scaleIn[0]`, `scaleOut[1]`, or the sizing for the entry. */
function trancheField(plan: Plan, tranche: string): string {
  const ref = parseTrancheId(tranche);
  if (ref?.kind === 'add') return `scaleIn[${ref.index - 1}]`;
  if (ref?.kind === 'target') return `scaleOut[${ref.index - 1}]`;
  return plan.sizing.method === 'fixed' ? 'sizing.qty' : 'sizing';
}
