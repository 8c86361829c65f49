import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { Decimal, toCanonical } from '../../lib/decimal';
import { createEngine } from '../../lib/engine/create';
import type { StopMove } from '../../lib/engine/stop-rules';
import { lotsAfterMoves } from '../../lib/engine/stop-rules';
import type { Lot } from '../../lib/engine/types';
import { workOn } from '../../lib/engine/working';
import { roundStop } from '../../lib/sizing/round';
import { plan } from '../unit/helpers';

/**
 * An event's stop rules are applied to all lots in one pass (lib/engine/stop-rules.ts); this
 * holds it to the rules as the plan format states them, applied one after the other: a
 * `raise` moves a lot's stop by the distance, rounded toward safety, an offered stop is
 * taken when it is better, a stop never moves back, and the lot just added takes no raise.
 */

const scenarioArb = fc.record({
  side: fc.constantFrom('long', 'short'),
  tickSize: fc.constantFrom('0.01', '0.25', '5'),
  lots: fc.array(fc.record({ ticks: fc.integer({ min: 1, max: 400 }), isOffGrid: fc.boolean() }), {
    minLength: 1,
    maxLength: 6,
  }),
  moves: fc.array(
    fc.oneof(
      fc.integer({ min: 1, max: 3000 }).map((hundredths) => ({ kind: 'raise' as const, hundredths })),
      fc.integer({ min: 1, max: 400 }).map((ticks) => ({ kind: 'offer' as const, ticks })),
    ),
    { maxLength: 8 },
  ),
  isLastJustAdded: fc.boolean(),
});

describe('stop moves in one pass', () => {
  it('give every lot the stop the rules give one by one', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const planned = plan({
          instrument: { symbol: 'PROP', tickSize: scenario.tickSize, lotStep: '1' },
          side: scenario.side,
          entry: { price: '10000', when: scenario.side === 'long' ? 'above' : 'below' },
          stop: { percent: '50' },
        });
        const work = workOn(createEngine(planned));
        const { side } = planned;
        const tick = new Decimal(scenario.tickSize);
        const sign = side === 'long' ? 1 : -1;
        const lots: Lot[] = scenario.lots.map((lot, index) => ({
          tranche: index === 0 ? 'entry' : `add-${index}`,
          fill: '10000',
          qty: '1',
          // a lot off the grid stands for a plan edited to another tick size
          stop: toCanonical(tick.mul(lot.ticks).plus(lot.isOffGrid ? '0.003' : '0')),
          time: index,
        }));
        const moves: StopMove[] = scenario.moves.map((move) =>
          move.kind === 'raise'
            ? { kind: 'raise', distance: new Decimal(move.hundredths).div(100) }
            : { kind: 'offer', stop: roundStop(tick.mul(move.ticks), tick, side) },
        );
        const justAdded = scenario.isLastJustAdded ? (lots.at(-1)?.tranche ?? null) : null;
        const folded = lotsAfterMoves(work, lots, moves, justAdded);
        const isBetter = (a: Decimal, b: Decimal) => (sign === 1 ? a.gt(b) : a.lt(b));
        lots.forEach((lot, index) => {
          let stop = new Decimal(lot.stop);
          for (const move of moves) {
            if (move.kind === 'raise' && lot.tranche === justAdded) continue;
            const candidate =
              move.kind === 'offer' ? move.stop : roundStop(stop.plus(move.distance.mul(sign)), tick, side);
            if (isBetter(candidate, stop)) stop = candidate;
          }
          expect(new Decimal(folded[index]?.stop ?? 'NaN').eq(stop), `${lot.tranche}`).toBe(true);
        });
      }),
      { numRuns: 500 },
    );
  });
});
