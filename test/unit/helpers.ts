import { createEngine } from '../../lib/engine/create';
import { step } from '../../lib/engine/step';
import type { Effect, EngineEvent, EngineOptions, EngineState } from '../../lib/engine/types';
import type { Plan } from '../../lib/plan/schema';
import { checkPlan } from '../../lib/checks/check-plan';

/**
 * Small builders for the engine, plan and simulator tests. They only assemble inputs and
 * collect outputs: every expected number stays a literal in the test that checks it.
 */

type Json = Record<string, unknown>;

/**
 * The plan every test starts from: a long at 100 (breakout), a price stop at 95 (R = 5),
 * 1 % of 10 000 at risk (budget 100), risk sizing (entry qty 100 / 5 = 20), tick 0.01, lot 1.
 */
export const BASE_PLAN: Readonly<Json> = Object.freeze({
  format: 'tranche.plan/1',
  name: 'test plan',
  instrument: { venue: 'any', symbol: 'TEST', tickSize: '0.01', lotStep: '1' },
  side: 'long',
  account: { equity: '10000', riskPercent: '1' },
  entry: { price: '100', when: 'above' },
  stop: { price: '95' },
  sizing: { method: 'risk' },
});

/** The base plan JSON with top-level fields replaced (objects are replaced whole, not merged). */
export function planJson(overrides: Json = {}): Json {
  return { ...structuredClone(BASE_PLAN), ...overrides };
}

/** A checked plan; throws with the validation messages when the overrides make it invalid. */
export function plan(overrides: Json = {}): Plan {
  const check = checkPlan(planJson(overrides));
  if (!check.ok) {
    throw new Error(
      `test plan is invalid: ${check.problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
    );
  }
  return check.plan;
}

/** A price on the path: a plain decimal string, or one that jumped there (a candle's open). */
export type PathPoint = string | { readonly price: string; readonly gap: true };

/** A gap: the path jumps to this price, so levels passed on the way fill here. */
export function gap(price: string): PathPoint {
  return { price, gap: true };
}

export type FillEffect = Extract<Effect, { type: 'fill' }>;
export type AlertEffect = Extract<Effect, { type: 'alert' }>;
export type SkipEffect = Extract<Effect, { type: 'skip' }>;

export interface Run {
  readonly state: EngineState;
  readonly effects: Effect[];
  readonly fills: FillEffect[];
  readonly alerts: AlertEffect[];
  readonly skips: SkipEffect[];
}

/** Collect a list of effects by type. */
export function summarizeEffects(state: EngineState, effects: Effect[]): Run {
  return {
    state,
    effects,
    fills: effects.filter((effect): effect is FillEffect => effect.type === 'fill'),
    alerts: effects.filter((effect): effect is AlertEffect => effect.type === 'alert'),
    skips: effects.filter((effect): effect is SkipEffect => effect.type === 'skip'),
  };
}

/** Feed events one by one from `state`, collecting every effect. */
export function runEvents(state: EngineState, events: readonly EngineEvent[]): Run {
  let current = state;
  const effects: Effect[] = [];
  for (const event of events) {
    const result = step(current, event);
    current = result.state;
    effects.push(...result.effects);
  }
  return summarizeEffects(current, effects);
}

/** Tick events at times 1, 2, 3, … for a list of path points. */
export function ticks(points: readonly PathPoint[], firstTime = 1): EngineEvent[] {
  return points.map((point, index) =>
    typeof point === 'string'
      ? { type: 'tick', price: point, time: firstTime + index }
      : { type: 'tick', price: point.price, time: firstTime + index, gap: true },
  );
}

/** Run a price path through a fresh engine (the simulator's `auto` mode by default). */
export function runTicks(
  planned: Plan,
  points: readonly PathPoint[],
  options: Partial<EngineOptions> = {},
): Run {
  const state = createEngine(planned, { mode: 'auto', fill: 'level', ...options });
  return runEvents(state, ticks(points));
}

/** The fill lines reduced to the fields most tests compare. */
export function brief(fills: readonly FillEffect[]): { tranche: string; price: string; qty: string }[] {
  return fills.map(({ tranche, price, qty }) => ({ tranche, price, qty }));
}
