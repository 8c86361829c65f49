import { describe, expect, it } from 'vitest';

import { createEngine } from '../../../../lib/engine/create';
import type { AccountHeat, EngineEvent } from '../../../../lib/engine/types';
import { alertWords, skipWords } from '../../../../lib/words/effect-words';
import { brief, runEvents } from '../../helpers';
import { px, SIDES, tradePlan } from './helpers';

// Plan format, "Account heat": the open risk of every armed and active plan, summed, is
// capped as a % of the account's equity; a planned add that would exceed the cap is cut or
// skipped like maxOpenRiskPercent. The background hands the engine the other plans' heat.
// Trade: entry 20 @ 100, price stop 95 (open risk 100); add-1 at 105 for 1 × 20, each unit
// carrying (105 − 95) = 10 of open risk. Cap 5 % of 10 000 = 500.
const ADD_20 = { scaleIn: [{ step: { r: '1' }, size: '1' }] };

function heat(otherOpenRisk: string): AccountHeat {
  return { otherOpenRisk, cap: '500', capPercent: '5' };
}

describe.each(SIDES)('account heat on planned adds, %s', (side) => {
  const p = (price: string) => px(side, price);
  const run = (others: string, overrides: Record<string, unknown> = ADD_20) => {
    const planned = tradePlan(side, overrides);
    const events: EngineEvent[] = ['99', '100', '105'].map((price, index) => ({
      type: 'tick',
      price: p(price),
      time: index + 1,
      heat: heat(others),
    }));
    return { planned, ...runEvents(createEngine(planned, { mode: 'auto', fill: 'level' }), events) };
  };

  it('cuts an add to what the room left by the other plans allows', () => {
    // room 500 − 350 = 150: 100 + 10 q ≤ 150 → q = 5
    const result = run('350');
    expect(brief(result.fills)).toEqual([
      { tranche: 'entry', price: p('100'), qty: '20' },
      { tranche: 'add-1', price: p('105'), qty: '5' },
    ]);
    const cut = result.alerts.find((alert) => alert.kind === 'risk');
    expect(cut && alertWords(result.planned, cut)).toBe(
      "add 1 of 1 cut from 20 to 5: the account's open risk may not exceed 5% of equity (500)",
    );
  });

  it('skips the add when the other plans leave less room than this plan already takes', () => {
    // room 500 − 450 = 50 < the entry's 100
    const result = run('450');
    expect(result.skips.map((skip) => skipWords(result.planned, skip.reason))).toEqual([
      "skipped: the account's open risk may not exceed 5% of equity (500)",
    ]);
  });

  it('leaves the add whole when its stop rules lock in profit', () => {
    // breakeven on add: (20 × 100 + 20 × 105) / 40 = 102.5 for both lots: open risk 0 ≤ room 20
    const result = run('480', { ...ADD_20, stopRules: [{ on: 'add', set: 'breakeven' }] });
    expect(result.fills[1]).toMatchObject({ tranche: 'add-1', qty: '20', openRisk: '0' });
  });
});
