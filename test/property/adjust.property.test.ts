import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { checkPlan } from '../../lib/checks/check-plan';
import { Decimal, toCanonical } from '../../lib/decimal';
import { createEngine } from '../../lib/engine/create';
import type { Effect } from '../../lib/engine/effects';
import { step } from '../../lib/engine/step';
import type { EngineEvent, EngineState } from '../../lib/engine/types';
import { AdjustmentSchema } from '../../lib/plan/adjustment';
import type { Plan } from '../../lib/plan/schema';
import { EngineStateSchema } from '../../lib/store/engine-state';

/**
 * Adjustments (plan format, "Adjusting a live trade") are events like any other: a journal
 * of ticks and adjustments, written down and read back, replays to the same state and the
 * same effects, byte for byte; and no lot's stop ever moves against the trade unless the
 * adjustment that moved it gave the trader's reason, which the journal keeps.
 */

const planArb = fc
  .record({
    side: fc.constantFrom('long', 'short'),
    lotStep: fc.constantFrom('1', '0.1'),
    stop: fc.constantFrom<{ price: string } | { percent: string }>({ price: '95' }, { percent: '4' }),
    adds: fc.array(fc.constantFrom({ r: '0.5' }, { r: '1' }, { percent: '2' }), { maxLength: 3 }),
    shares: fc.array(fc.constantFrom('0.2', '0.25', '0.5'), { maxLength: 2 }),
    rule: fc.constantFrom(
      [],
      [{ on: 'add', set: 'breakeven' }],
      [{ on: 'tick', activateAt: { r: '1' }, set: { trail: { amount: '3' } } }],
      [{ on: 'target', set: 'breakeven' }],
    ),
    maxOpenRiskPercent: fc.constantFrom(undefined, '1.5', '3'),
  })
  .map((spec) => {
    const mirror = (price: string) =>
      spec.side === 'long' ? price : toCanonical(new Decimal(200).minus(price));
    const stop = 'price' in spec.stop ? { price: mirror(spec.stop.price) } : spec.stop;
    return checkPlan({
      format: 'tranche.plan/1',
      name: 'property',
      instrument: { venue: 'any', symbol: 'PROP', tickSize: '0.01', lotStep: spec.lotStep },
      side: spec.side,
      account: { equity: '10000', riskPercent: '1' },
      entry: { price: '100' },
      stop,
      sizing: { method: 'risk' },
      scaleIn: spec.adds.map((step) => ({ step, size: '0.5' })),
      scaleOut: [
        ...spec.shares.map((share, index) => ({ at: { r: String(index + 2) }, share })),
        { at: { r: String(spec.shares.length + 2) }, share: 'rest' },
      ],
      stopRules: spec.rule,
      limits: spec.maxOpenRiskPercent === undefined ? {} : { maxOpenRiskPercent: spec.maxOpenRiskPercent },
    });
  });

/** An offset in cents from the last price: adjustments land on both sides of it, near it. */
const offsetArb = fc.integer({ min: -800, max: 800 });
const overrideArb = fc.option(fc.constantFrom('the support broke', 'news in an hour'), { nil: undefined });

/** An adjustment, its prices given as offsets from the last price (`at`). */
const adjustmentArb = fc.oneof(
  fc.record({ action: fc.constant('stop'), at: offsetArb, override: overrideArb }),
  fc.record({ action: fc.constant('stop'), to: fc.constant('breakeven'), override: overrideArb }),
  fc.record({
    action: fc.constant('stop'),
    at: offsetArb,
    lot: fc.integer({ min: 1, max: 3 }),
    override: overrideArb,
  }),
  fc.record({ action: fc.constant('target'), index: fc.integer({ min: 1, max: 3 }), at: offsetArb }),
  fc.record({
    action: fc.constant('target'),
    index: fc.integer({ min: 1, max: 3 }),
    remove: fc.constant(true),
  }),
  fc.record({ action: fc.constant('target'), at: offsetArb, share: fc.constantFrom('0.1', '0.3') }),
  fc.record({
    action: fc.constant('add'),
    index: fc.integer({ min: 1, max: 3 }),
    at: offsetArb,
    override: overrideArb,
  }),
  fc.record({ action: fc.constant('add'), cancel: fc.constant(true) }),
  fc.record({ action: fc.constant('addNow'), override: overrideArb }),
  fc.record({ action: fc.constant('exitNow'), share: fc.constantFrom('0.25', '0.5', '1') }),
  fc.record({ action: fc.constant('level'), at: offsetArb, label: fc.constant('support') }),
);

const journalArb = fc
  .tuple(
    planArb,
    fc.array(
      fc.oneof(
        { weight: 3, arbitrary: fc.integer({ min: -150, max: 150 }).map((move) => ({ move })) },
        adjustmentArb,
      ),
      { minLength: 5, maxLength: 40 },
    ),
  )
  .map(([check, steps]) => {
    if (!check.ok) return null;
    // The journal opens with the entry filled at 100, so that most adjustments meet a position.
    let cents = 10000;
    const price = (offset: number) => toCanonical(new Decimal(Math.max(1, cents + offset)).div(100));
    const entry: EngineEvent = { type: 'tick', price: '100', time: 0 };
    const events: EngineEvent[] = steps.map((item, index) => {
      if ('move' in item) {
        cents = Math.max(100, cents + item.move);
        return { type: 'tick', price: price(0), time: index + 1 };
      }
      const { at, ...fields } = item as { at?: number } & Record<string, unknown>;
      const adjustment = AdjustmentSchema.parse(at === undefined ? fields : { ...fields, price: price(at) });
      return { type: 'adjust', adjustment, time: index + 1, lastPrice: price(0) };
    });
    return { plan: check.plan, events: [entry, ...events] };
  });

function replay(
  plan: Plan,
  events: readonly EngineEvent[],
  observe?: (before: EngineState, after: EngineState, event: EngineEvent, effects: readonly Effect[]) => void,
) {
  let state = createEngine(plan, { mode: 'auto', fill: 'level' });
  const effects: Effect[] = [];
  for (const event of events) {
    const result = step(state, event);
    observe?.(state, result.state, event, result.effects);
    state = result.state;
    effects.push(...result.effects);
  }
  return { state, effects };
}

const RUNS = { numRuns: 300 };

describe('adjustments in the journal', { timeout: 60_000 }, () => {
  it('replay from the written journal to the same state and effects, byte for byte', () => {
    fc.assert(
      fc.property(journalArb, (journal) => {
        fc.pre(journal !== null);
        const live = replay(journal.plan, journal.events);
        // the journal as storage keeps it: JSON, read back
        const written = JSON.parse(JSON.stringify(journal.events)) as EngineEvent[];
        const replayed = replay(journal.plan, written);
        expect(JSON.stringify(replayed.effects)).toBe(JSON.stringify(live.effects));
        expect(JSON.stringify(replayed.state)).toBe(JSON.stringify(live.state));
        // and the stored state reads back as the state it was
        const stored = EngineStateSchema.parse(JSON.parse(JSON.stringify(live.state)));
        expect(stored.plan).toEqual(live.state.plan);
        expect(stored.lots).toEqual(live.state.lots);
        expect(stored.tranches).toEqual(live.state.tranches);
      }),
      RUNS,
    );
  });

  it('never move a stop against the trade without the trader’s reason', () => {
    fc.assert(
      fc.property(journalArb, (journal) => {
        fc.pre(journal !== null);
        const sign = journal.plan.side === 'long' ? 1 : -1;
        replay(journal.plan, journal.events, (before, after, event, effects) => {
          after.lots.forEach((lot) => {
            const earlier = before.lots.find((candidate) => candidate.tranche === lot.tranche);
            if (earlier === undefined || !new Decimal(lot.stop).minus(earlier.stop).mul(sign).lt(0)) return;
            const why = `${lot.tranche}: ${earlier.stop} → ${lot.stop}`;
            expect(event.type === 'adjust' && event.adjustment.override !== undefined, why).toBe(true);
            const applied = effects.find((effect) => effect.type === 'adjusted');
            const overridden = applied?.type === 'adjusted' ? applied.overridden : [];
            expect(
              overridden.some((refusal) => refusal.code === 'stop-against-trade'),
              `${why}: the override is kept with the rule it set aside`,
            ).toBe(true);
          });
        });
      }),
      RUNS,
    );
  });
});
