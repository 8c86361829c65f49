import { describe, expect, it } from 'vitest';

import type { Adjustment } from '../../../lib/plan/adjustment';
import { adjustedWords, adjustmentWords, refusedWords } from '../../../lib/words/adjust-words';
import { plan } from '../helpers';

// What the trader asked, in a few words for the journal, the popup and the planner; and an
// applied override with the rule it set aside and the trader's reason. Base plan: TEST long,
// tick 0.01, lot 1.
const PLAN = plan();

describe('adjustment words', () => {
  it.each<[Adjustment, string]>([
    [{ action: 'stop', price: '99' }, 'move the stop to 99.00'],
    [{ action: 'stop', to: 'breakeven', lot: 2 }, "move lot 2's stop to breakeven"],
    [{ action: 'target', index: 2, price: '120' }, 'move target 2 to 120.00'],
    [{ action: 'target', index: 1, remove: true }, 'remove target 1'],
    [
      { action: 'target', price: '118', share: '0.25' },
      'add a target at 118.00 for 25% of the peak position',
    ],
    [{ action: 'target', price: '130', share: 'rest' }, 'add a target at 130.00 for the rest'],
    [{ action: 'add', index: 1, price: '107' }, 'move add 1 to 107.00'],
    [{ action: 'add', index: 2, remove: true }, 'remove add 2'],
    [{ action: 'add', cancel: true }, 'cancel the pending adds'],
    [{ action: 'addNow' }, 'add now'],
    [{ action: 'addNow', qty: '5' }, 'add 5 now'],
    [{ action: 'exitNow', share: '0.3333' }, 'take 33.33% of the position off now'],
    [{ action: 'exitNow', qty: '8' }, 'take 8 off now'],
    [{ action: 'exitNow', all: true }, 'exit all now'],
    [{ action: 'level', price: '62000', label: 'resistance' }, 'add the key level resistance at 62,000.00'],
    [{ action: 'level', index: 1, remove: true }, 'remove key level 1'],
  ])('%j is “%s”', (adjustment, words) => {
    expect(adjustmentWords(PLAN, adjustment)).toBe(words);
  });

  it('says what an override set aside, and why', () => {
    const moves = [{ lot: 1, from: '101.88', to: '99' }];
    expect(
      adjustedWords(PLAN, { action: 'stop', price: '99', override: 'the support broke' }, [
        { code: 'stop-against-trade', moves, lots: 1 },
      ]),
    ).toBe(
      'move the stop to 99.00, overriding: that moves the stop from 101.88 to 99.00, against the trade (reason: the support broke)',
    );
  });

  it('asks for a reason only when every rule broken may be overridden', () => {
    const back = { code: 'stop-against-trade', moves: [{ lot: 2, from: '99', to: '97' }], lots: 2 } as const;
    expect(refusedWords(PLAN, [back])).toBe(
      'that moves the stop of lot 2 from 99.00 to 97.00, against the trade: give a reason to override',
    );
    expect(
      refusedWords(PLAN, [
        {
          code: 'stop-against-trade',
          moves: [
            { lot: 1, from: '98', to: '96' },
            { lot: 2, from: '99', to: '96' },
          ],
          lots: 2,
        },
      ]),
    ).toBe(
      'that moves the stops of lot 1 from 98.00 to 96.00 and lot 2 from 99.00 to 96.00, against the trade: give a reason to override',
    );
    expect(refusedWords(PLAN, [{ code: 'closed' }])).toBe('the plan is closed');
  });
});
