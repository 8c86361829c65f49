import { Decimal, toPrintable } from '../decimal';
import { createEngine } from '../engine/create';
import { needsCandleAtr } from '../engine/derive';
import { step } from '../engine/step';
import type { Effect, EngineState, FillRecord } from '../engine/types';
import type { Plan } from '../plan/schema';
import { isBetter } from '../plan/side';
import { skipWords } from '../words/effect-words';

/**
 * The plan walked along its own ladder: the entry, then each add and target filling
 * exactly at its level, in price order (the planned trade, "assuming fills at the levels" in the
 * plan format's liquidation estimate). `visit` sees each price's effects and the state after it.
 */
export function replayLadder(
  plan: Plan,
  visit: (effects: readonly Effect[], state: EngineState, price: string) => void,
): EngineState {
  let state: EngineState = createEngine(plan, { mode: 'auto', fill: 'level' });
  let price = state.tranches[0]?.level ?? plan.entry.price;
  // Each price fills at least one tranche or closes the plan, so the tranches bound the walk.
  for (let turn = 0; turn <= state.tranches.length && state.phase !== 'closed'; turn += 1) {
    const result = step(state, { type: 'tick', price, time: turn });
    state = result.state;
    visit(result.effects, state, price);
    const next = nearestPendingLevel(state);
    if (next === null) break;
    price = next;
  }
  return state;
}

/** The pending add or target level the price meets next, moving in the trade's favour (one pass). */
function nearestPendingLevel(state: EngineState): string | null {
  let nearest: string | null = null;
  for (const tranche of state.tranches) {
    if (tranche.status !== 'pending' || tranche.level === null || tranche.kind === 'entry') continue;
    if (nearest === null || isBetter(state.plan.side, new Decimal(nearest), new Decimal(tranche.level))) {
      nearest = tranche.level;
    }
  }
  return nearest;
}

/** One planned tranche as the risk table shows it: the position after its fill, or why it does not fill. */
export type LadderRow =
  | ({
      readonly status: 'filled';
      /** Open risk ÷ equity × 100; null when the plan gives only a risk amount. */
      readonly openRiskPercent: string | null;
      /** Open risk ÷ initial risk (plan format, "R"). */
      readonly openRiskR: string;
    } & FillRecord)
  | {
      readonly status: 'skipped';
      readonly tranche: string;
      readonly level: string | null;
      readonly reason: string;
    };

export type Ladder =
  | {
      readonly ok: true;
      readonly rows: readonly LadderRow[];
      /** The planned entry level and initial stop, R (a price distance) and the money at risk at entry. */
      readonly entryPrice: string;
      readonly initialStop: string;
      readonly r: string;
      readonly budget: string;
      readonly initialRisk: string;
      readonly atr: string | null;
    }
  | { readonly ok: false; readonly reason: string };

/**
 * The planned ladder (the planner's risk table and chart): per tranche, its level and
 * quantity, then the position, average entry, every lot's stop and the open risk in money,
 * % of equity and R after it. Decimals that may not terminate are printed to 10 places.
 */
export function planLadder(plan: Plan): Ladder {
  if (needsCandleAtr(plan)) {
    return {
      ok: false,
      reason: `the ATR comes from candles (volatility.atrPeriod ${plan.volatility?.atrPeriod}), so the levels are known only at the entry: run the simulator on candles, or give volatility.atr to draw the ladder`,
    };
  }
  const rows: LadderRow[] = [];
  const state = replayLadder(plan, (effects, after) => {
    const initialRisk = new Decimal(after.derived?.initialRisk ?? '0');
    const equity = plan.account.equity === undefined ? null : new Decimal(plan.account.equity);
    for (const effect of effects) {
      if (effect.type === 'skip') {
        const level = after.tranches.find((tranche) => tranche.id === effect.tranche)?.level ?? null;
        rows.push({
          status: 'skipped',
          tranche: effect.tranche,
          level,
          reason: skipWords(plan, effect.reason),
        });
      }
      if (effect.type !== 'fill') continue;
      const { type: _type, ...fill } = effect;
      const openRisk = new Decimal(fill.openRisk);
      rows.push({
        status: 'filled',
        ...fill,
        avgPrice: fill.avgPrice === null ? null : toPrintable(new Decimal(fill.avgPrice)),
        openRisk: toPrintable(openRisk),
        openRiskPercent:
          equity === null || equity.isZero() ? null : toPrintable(openRisk.div(equity).mul(100)),
        openRiskR: initialRisk.isZero() ? '0' : toPrintable(openRisk.div(initialRisk)),
      });
    }
  });
  const derived = state.derived;
  if (derived === null) return { ok: false, reason: 'the plan has no entry level to start from' };
  return {
    ok: true,
    rows,
    entryPrice: derived.entryPrice,
    initialStop: derived.initialStop,
    r: derived.r,
    budget: toPrintable(new Decimal(derived.budget)),
    initialRisk: toPrintable(new Decimal(derived.initialRisk)),
    atr: derived.atr,
  };
}
