import { Decimal, toCanonical } from '../../../../lib/decimal';
import { createEngine } from '../../../../lib/engine/create';
import type { Effect, Refusal } from '../../../../lib/engine/effects';
import { step } from '../../../../lib/engine/step';
import type { AccountHeat, EngineState } from '../../../../lib/engine/types';
import type { Adjustment } from '../../../../lib/plan/adjustment';
import type { Plan } from '../../../../lib/plan/schema';
import { refusedWords } from '../../../../lib/words/adjust-words';
import type { FillEffect } from '../../helpers';
import { plan, runEvents, ticks } from '../../helpers';

/**
 * The adjustment tests' trade, written once for a long and mirrored for a short: a price p
 * of the long is 200 − p for the short (`px`), so the short's stop at 105 mirrors the
 * long's 95 and every expected price is the long's, mirrored. Quantities, money and R are
 * the same on both sides. Base: entry 100, stop 95 → R = 5, budget 1 % of 10 000 = 100,
 * entry qty 100 / 5 = 20; tick 0.01, lot 1.
 */
export const SIDES = ['long', 'short'] as const;
export type TradeSide = (typeof SIDES)[number];

/** The long's price as is; the short's mirrored around 100. */
export function px(side: TradeSide, price: string): string {
  return side === 'long' ? price : toCanonical(new Decimal(200).minus(price));
}

export function tradePlan(side: TradeSide, overrides: Record<string, unknown> = {}): Plan {
  return plan({
    side,
    entry: { price: '100', when: side === 'long' ? 'above' : 'below' },
    stop: { price: px(side, '95') },
    ...overrides,
  });
}

/**
 * A trade and the market's last price, which an adjustment acts at (the engine keeps the
 * last price that could act, not every quiet one; the simulator and the background give
 * the market's own with each adjustment).
 */
export interface Trade {
  readonly state: EngineState;
  readonly lastPrice: string;
}

/** The trade after a path of the long's prices (mirrored for the short), the simulator's automatic fills. */
export function tradeAfter(side: TradeSide, planned: Plan, path: readonly string[]): Trade {
  const state = createEngine(planned, { mode: 'auto', fill: 'level' });
  const mirrored = path.map((price) => px(side, price));
  return { state: runEvents(state, ticks(mirrored)).state, lastPrice: mirrored.at(-1) ?? '100' };
}

export interface Adjusted extends Trade {
  readonly effects: readonly Effect[];
  readonly fills: FillEffect[];
  readonly applied: Extract<Effect, { type: 'adjusted' }> | undefined;
  readonly refusals: readonly Refusal[];
  /** The refusal as the trader reads it; '' when applied. */
  readonly reason: string;
}

/** One adjustment at time 1000 (after any path), at the trade's last price. */
export function adjust(
  trade: Trade,
  adjustment: Adjustment,
  extra: { readonly heat?: AccountHeat; readonly time?: number } = {},
): Adjusted {
  const result = step(trade.state, {
    type: 'adjust',
    adjustment,
    time: extra.time ?? 1000,
    lastPrice: trade.lastPrice,
    ...(extra.heat === undefined ? {} : { heat: extra.heat }),
  });
  const refused = result.effects.find((effect) => effect.type === 'refused');
  return {
    state: result.state,
    lastPrice: trade.lastPrice,
    effects: result.effects,
    fills: result.effects.filter((effect): effect is FillEffect => effect.type === 'fill'),
    applied: result.effects.find((effect) => effect.type === 'adjusted'),
    refusals: refused?.type === 'refused' ? refused.refusals : [],
    reason: refused?.type === 'refused' ? refusedWords(trade.state.plan, refused.refusals) : '',
  };
}

/** Every open lot's stop, oldest first. */
export function stopsOf(trade: Trade): string[] {
  return trade.state.lots.map((lot) => lot.stop);
}
