import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { Decimal, toCanonical } from '../../lib/decimal';
import { createEngine } from '../../lib/engine/create';
import { step } from '../../lib/engine/step';
import type { Effect, EngineEvent, EngineState } from '../../lib/engine/types';
import type { Plan } from '../../lib/plan/schema';
import { checkPlan } from '../../lib/checks/check-plan';

/**
 * The engine's invariants (plan format and the engine) over random valid plans and random
 * price paths: quantities are multiples of the lot step; a lot's stop never moves against
 * the trade; open risk stays within maxOpenRiskPercent after every add; the position is
 * never negative and exits never exceed what is held; replay gives byte-identical output.
 */

const TICK_SIZES = ['0.01', '0.05', '0.25', '1'] as const;
const LOT_STEPS = ['1', '0.1', '0.001', '0.5'] as const;

const distanceArb = fc.oneof(
  fc.constantFrom('0.5', '1', '2').map((amount) => ({ amount })),
  fc.constantFrom('0.5', '1').map((atr) => ({ atr })),
  fc.constantFrom('0.5', '1', '2').map((percent) => ({ percent })),
);

const stopRuleArb = fc.oneof(
  distanceArb.map((raise) => ({ on: 'add', raise })),
  distanceArb.map((raise) => ({ on: 'target', raise })),
  distanceArb.map((trail) => ({ on: 'add', set: { trail } })),
  distanceArb.map((trail) => ({ on: 'target', set: { trail } })),
  fc.constantFrom('add', 'target').map((on) => ({ on, set: 'breakeven' })),
  fc.constant({ on: 'add', set: 'budget' }),
  fc.constant({ on: 'target', set: 'previousTarget' }),
  fc
    .tuple(distanceArb, fc.option(fc.constantFrom('0.5', '1', '2'), { nil: undefined }))
    .map(([trail, r]) =>
      r === undefined ? { on: 'tick', set: { trail } } : { on: 'tick', activateAt: { r }, set: { trail } },
    ),
);

const planJsonArb = fc
  .record({
    side: fc.constantFrom('long', 'short'),
    tickSize: fc.constantFrom(...TICK_SIZES),
    lotStep: fc.constantFrom(...LOT_STEPS),
    entryTicks: fc.integer({ min: 400, max: 4000 }),
    when: fc.constantFrom('above', 'below', undefined),
    stop: fc.oneof(
      fc.integer({ min: 5, max: 80 }).map((ticks) => ({ kind: 'ticks' as const, ticks })),
      fc.constantFrom('1', '2.5', '5').map((percent) => ({ kind: 'percent' as const, percent })),
      fc.constantFrom('1', '2').map((atr) => ({ kind: 'atr' as const, atr })),
    ),
    atrTicks: fc.integer({ min: 5, max: 60 }),
    sizing: fc.oneof(
      fc.constant({ method: 'risk' }),
      fc.constant({ method: 'unit' }),
      fc.constantFrom('1', '2.5', '10').map((qty) => ({ method: 'fixed', qty })),
      fc.constantFrom('1000', '5000').map((amount) => ({ method: 'notional', amount })),
    ),
    riskPercent: fc.constantFrom('0.5', '1', '2'),
    adds: fc.array(
      fc.record({
        step: fc.oneof(
          fc.constantFrom('0.5', '1', '1.5').map((r) => ({ r })),
          fc.constantFrom('0.5', '1').map((atr) => ({ atr })),
          fc.constantFrom('1', '2').map((percent) => ({ percent })),
        ),
        size: fc.constantFrom('0.25', '0.5', '1'),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    shares: fc.array(fc.constantFrom('0.2', '0.25', '0.33', '0.5'), { maxLength: 3 }),
    hasRest: fc.boolean(),
    stopRules: fc.array(stopRuleArb, { maxLength: 3 }),
    maxOpenRiskPercent: fc.constantFrom(undefined, undefined, undefined, '1', '1.5', '2', '3'),
    maxQty: fc.constantFrom(undefined, undefined, '5', '50', '500'),
  })
  .map((spec) => {
    const tick = new Decimal(spec.tickSize);
    const entry = tick.mul(spec.entryTicks);
    const sign = spec.side === 'long' ? -1 : 1;
    const stop =
      spec.stop.kind === 'ticks'
        ? { price: toCanonical(entry.plus(tick.mul(spec.stop.ticks).mul(sign))) }
        : spec.stop.kind === 'percent'
          ? { percent: spec.stop.percent }
          : { atr: spec.stop.atr };
    let total = new Decimal(0);
    const scaleOut: { at: { r: string }; share: string }[] = [];
    for (const share of spec.shares) {
      if (total.plus(share).gt(1)) break;
      total = total.plus(share);
      scaleOut.push({ at: { r: String(scaleOut.length + 1) }, share });
    }
    if (spec.hasRest && total.lt(1)) scaleOut.push({ at: { r: String(scaleOut.length + 1) }, share: 'rest' });
    return {
      format: 'tranche.plan/1',
      name: 'property',
      instrument: { venue: 'any', symbol: 'PROP', tickSize: spec.tickSize, lotStep: spec.lotStep },
      side: spec.side,
      account: { equity: '100000', riskPercent: spec.riskPercent },
      volatility: { atr: toCanonical(tick.mul(spec.atrTicks)) },
      entry:
        spec.when === undefined
          ? { price: toCanonical(entry) }
          : { price: toCanonical(entry), when: spec.when },
      stop,
      sizing: spec.sizing,
      scaleIn: spec.adds,
      scaleOut,
      stopRules: spec.stopRules,
      limits: {
        ...(spec.maxOpenRiskPercent === undefined ? {} : { maxOpenRiskPercent: spec.maxOpenRiskPercent }),
        ...(spec.maxQty === undefined ? {} : { maxQty: spec.maxQty }),
      },
    };
  });

/** A random walk in ticks around the entry, with a drift, some moves flagged as gaps (candle opens). */
const pathArb = fc.record({
  startOffset: fc.integer({ min: -40, max: 40 }),
  drift: fc.integer({ min: -15, max: 15 }),
  moves: fc.array(fc.record({ ticks: fc.integer({ min: -40, max: 40 }), isGap: fc.boolean() }), {
    minLength: 5,
    maxLength: 80,
  }),
});

type Scenario = { plan: Plan; events: EngineEvent[] };

const scenarioArb = fc.tuple(planJsonArb, pathArb).map(([json, path]): Scenario | null => {
  const check = checkPlan(json);
  if (!check.ok) return null;
  const tick = new Decimal(check.plan.instrument.tickSize);
  let ticks = Math.max(
    1,
    Math.round(new Decimal(check.plan.entry.price).div(tick).toNumber()) + path.startOffset,
  );
  const events: EngineEvent[] = [{ type: 'tick', price: toCanonical(tick.mul(ticks)), time: 1 }];
  path.moves.forEach((move, index) => {
    ticks = Math.max(1, ticks + move.ticks + path.drift);
    const price = toCanonical(tick.mul(ticks));
    events.push(
      move.isGap
        ? { type: 'tick', price, time: index + 2, gap: true }
        : { type: 'tick', price, time: index + 2 },
    );
  });
  return { plan: check.plan, events };
});

function run(
  scenario: Scenario,
  observe?: (before: EngineState, after: EngineState, effects: readonly Effect[]) => void,
) {
  let state = createEngine(scenario.plan, { mode: 'auto', fill: 'level' });
  const effects: Effect[] = [];
  for (const event of scenario.events) {
    const result = step(state, event);
    observe?.(state, result.state, result.effects);
    state = result.state;
    effects.push(...result.effects);
  }
  return { state, effects };
}

function isMultiple(value: string, unit: string): boolean {
  return new Decimal(value).mod(unit).isZero();
}

const RUNS = { numRuns: 400 };

describe('engine invariants', { timeout: 60_000 }, () => {
  it('fills and holds only whole multiples of the lot step', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        fc.pre(scenario !== null);
        const lotStep = scenario.plan.instrument.lotStep;
        run(scenario, (_before, after, effects) => {
          for (const effect of effects) {
            if (effect.type === 'fill')
              expect(isMultiple(effect.qty, lotStep), `fill ${effect.qty}`).toBe(true);
          }
          for (const lot of after.lots) expect(isMultiple(lot.qty, lotStep), `lot ${lot.qty}`).toBe(true);
        });
      }),
      RUNS,
    );
  });

  it('never moves a lot’s stop against the trade', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        fc.pre(scenario !== null);
        const sign = scenario.plan.side === 'long' ? 1 : -1;
        run(scenario, (before, after) => {
          for (const lot of after.lots) {
            const earlier = before.lots.find((candidate) => candidate.tranche === lot.tranche);
            if (!earlier) continue;
            const move = new Decimal(lot.stop).minus(earlier.stop).mul(sign);
            expect(move.gte(0), `${lot.tranche}: ${earlier.stop} → ${lot.stop}`).toBe(true);
          }
        });
      }),
      RUNS,
    );
  });

  it('keeps open risk within maxOpenRiskPercent after every add', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        fc.pre(scenario !== null && scenario.plan.limits.maxOpenRiskPercent !== undefined);
        const { equity } = scenario.plan.account;
        const cap = new Decimal(equity ?? '0').mul(scenario.plan.limits.maxOpenRiskPercent ?? '0').div(100);
        run(scenario, (_before, _after, effects) => {
          for (const effect of effects) {
            if (effect.type !== 'fill' || !effect.tranche.startsWith('add-')) continue;
            expect(
              new Decimal(effect.openRisk).lte(cap),
              `open risk ${effect.openRisk} > cap ${toCanonical(cap)}`,
            ).toBe(true);
          }
        });
      }),
      RUNS,
    );
  });

  it('never holds a negative position and never exits more than it holds', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        fc.pre(scenario !== null);
        let held = new Decimal(0);
        run(scenario, (_before, after, effects) => {
          for (const effect of effects) {
            if (effect.type !== 'fill') continue;
            const isEntering = effect.tranche === 'entry' || effect.tranche.startsWith('add-');
            if (!isEntering)
              expect(new Decimal(effect.qty).lte(held), `exit ${effect.qty} of ${toCanonical(held)}`).toBe(
                true,
              );
            held = isEntering ? held.plus(effect.qty) : held.minus(effect.qty);
            expect(held.gte(0)).toBe(true);
            expect(effect.position, 'the fill line shows what is held').toBe(toCanonical(held));
          }
          const lots = after.lots.reduce((sum, lot) => sum.plus(lot.qty), new Decimal(0));
          expect(toCanonical(lots)).toBe(toCanonical(held));
          for (const lot of after.lots) expect(new Decimal(lot.qty).gt(0)).toBe(true);
        });
      }),
      RUNS,
    );
  });

  it('gives byte-identical effects and state when the same events are replayed', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        fc.pre(scenario !== null);
        const first = run(scenario);
        const second = run(scenario);
        expect(JSON.stringify(second.effects)).toBe(JSON.stringify(first.effects));
        expect(JSON.stringify(second.state)).toBe(JSON.stringify(first.state));
      }),
      RUNS,
    );
  });

  it('produces nothing more when every tick is delivered twice', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        fc.pre(scenario !== null);
        const doubled = { ...scenario, events: scenario.events.flatMap((event) => [event, event]) };
        expect(JSON.stringify(run(doubled).effects)).toBe(JSON.stringify(run(scenario).effects));
      }),
      RUNS,
    );
  });
});
