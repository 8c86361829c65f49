import { describe, expect, it } from 'vitest';

import { presetText, PRESETS } from '../../../lib/plan/presets';
import { checkPlan } from '../../../lib/checks/check-plan';
import { planLadder } from '../../../lib/sim/ladder';

describe('presets', () => {
  it('offers the four presets by name', () => {
    expect(PRESETS.map((preset) => preset.label)).toEqual([
      'Turtle',
      'Pyramid 50/30/20',
      'Thirds scale-out',
      'ATR ladder',
    ]);
  });

  it.each(PRESETS.map((preset) => [preset.label, preset] as const))(
    '%s is a valid plan with no warnings, and its ladder can be drawn',
    (_label, preset) => {
      const checked = checkPlan(JSON.parse(presetText(preset)));
      expect(checked.ok ? checked.warnings : checked.problems).toEqual([]);
      expect(checked.ok && planLadder(checked.plan).ok).toBe(true);
    },
  );

  it('the pyramid sizes 50/30/20 of the peak: 20, 12 and 8 of 40', () => {
    const pyramid = PRESETS.find((preset) => preset.id === 'pyramid');
    const checked = checkPlan(pyramid?.plan);
    if (!checked.ok) throw new Error('valid');
    const ladder = planLadder(checked.plan);
    const buys = ladder.ok ? ladder.rows.filter((row) => row.status === 'filled' && row.side === 'buy') : [];
    expect(buys.map((row) => (row.status === 'filled' ? row.qty : ''))).toEqual(['20', '12', '8']);
  });

  it('the Turtle adds a unit every ½ ATR and raises the earlier stops ½ ATR each time', () => {
    const turtle = PRESETS.find((preset) => preset.id === 'turtle');
    const checked = checkPlan(turtle?.plan);
    if (!checked.ok) throw new Error('valid');
    const ladder = planLadder(checked.plan);
    if (!ladder.ok) throw new Error(ladder.reason);
    // Unit = 1 % of 1,000,000 / (1.20 × 1000) = 8.33 → 8; stop 76.65 − 2 × 1.20 = 74.25; adds every 0.60.
    expect(ladder.rows.map((row) => (row.status === 'filled' ? [row.price, row.qty, row.stop] : []))).toEqual(
      [
        ['76.65', '8', '74.25'],
        ['77.25', '8', '74.85'],
        ['77.85', '8', '75.45'],
        ['78.45', '8', '76.05'],
      ],
    );
  });
});
