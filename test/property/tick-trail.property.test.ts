import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { checkPlan } from '../../lib/checks/check-plan';
import { createEngine } from '../../lib/engine/create';
import { step } from '../../lib/engine/step';
import { Decimal, toCanonical } from '../../lib/decimal';
import { roundStop } from '../../lib/sizing/round';

/**
 * The tick trail never looks ahead (plan format, "The tick trail"): a fill line never shows
 * a stop computed from a price the path has not reached. With a price stop and a tick trail
 * of distance d as the only rule, every stop is the plan's stop S or the trail's
 * T(b) = b ∓ d (rounded toward safety) for a best price b reached so far; so on every fill
 * line each stop is at most max(S, T(best)) for a long (mirrored for a short), where best
 * is the most favourable of the prices before this tick and the fill's own price — never
 * the tick's price beyond it.
 */

const scenarioArb = fc.record({
  side: fc.constantFrom('long', 'short'),
  tickSize: fc.constantFrom('0.01', '0.25', '1'),
  trail: fc.constantFrom('0.5', '1', '3'),
  stopTicks: fc.integer({ min: 3, max: 40 }),
  activateR: fc.option(fc.constantFrom('0.5', '1', '2'), { nil: undefined }),
  adds: fc.integer({ min: 0, max: 3 }),
  targets: fc.integer({ min: 0, max: 3 }),
  mode: fc.constantFrom('level', 'observed'),
  moves: fc.array(fc.record({ ticks: fc.integer({ min: -60, max: 60 }), isGap: fc.boolean() }), {
    minLength: 3,
    maxLength: 40,
  }),
});

describe('the tick trail', () => {
  it('never shows a stop from a price the path has not reached', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const tick = new Decimal(scenario.tickSize);
        const sign = scenario.side === 'long' ? 1 : -1;
        const entry = tick.mul(1000);
        const stop = entry.minus(tick.mul(scenario.stopTicks).mul(sign));
        const check = checkPlan({
          format: 'tranche.plan/1',
          instrument: { symbol: 'PROP', tickSize: scenario.tickSize, lotStep: '1' },
          side: scenario.side,
          account: { equity: '1000000', riskPercent: '1' },
          entry: { price: toCanonical(entry) },
          stop: { price: toCanonical(stop) },
          sizing: { method: 'risk' },
          scaleIn: Array.from({ length: scenario.adds }, () => ({ step: { r: '0.5' }, size: '0.5' })),
          scaleOut: Array.from({ length: scenario.targets }, (_, index) => ({
            at: { r: String(index + 1) },
            share: index === scenario.targets - 1 ? 'rest' : '0.25',
          })),
          stopRules: [
            scenario.activateR === undefined
              ? { on: 'tick', set: { trail: { amount: scenario.trail } } }
              : {
                  on: 'tick',
                  activateAt: { r: scenario.activateR },
                  set: { trail: { amount: scenario.trail } },
                },
          ],
        });
        fc.pre(check.ok);
        if (!check.ok) return;
        const { plan } = check;
        const planStop = new Decimal(plan.stop.price ?? '0');
        const isBetter = (a: Decimal, b: Decimal) => (sign === 1 ? a.gt(b) : a.lt(b));
        let state = createEngine(plan, { mode: 'auto', fill: scenario.mode });
        let best: Decimal | null = null;
        let ticks = 1000 - 3 * sign;
        scenario.moves.forEach((move, index) => {
          ticks = Math.max(1, ticks + move.ticks);
          const price = tick.mul(ticks);
          const result = step(state, {
            type: 'tick',
            price: toCanonical(price),
            time: index + 1,
            gap: move.isGap,
          });
          for (const effect of result.effects) {
            if (effect.type !== 'fill') continue;
            const fill = new Decimal(effect.price);
            const reached: Decimal = best === null || isBetter(fill, best) ? fill : best;
            const trailed = roundStop(reached.minus(new Decimal(scenario.trail).mul(sign)), tick, plan.side);
            const bound = isBetter(trailed, planStop) ? trailed : planStop;
            for (const lotStop of effect.stops) {
              expect(
                isBetter(new Decimal(lotStop), bound),
                `${effect.tranche} at ${effect.price} on the way to ${toCanonical(price)}: stop ${lotStop}, best reached ${toCanonical(reached)}`,
              ).toBe(false);
            }
          }
          state = result.state;
          if (best === null || isBetter(price, best)) best = price;
        });
      }),
      { numRuns: 300 },
    );
  });
});
