import { describe, expect, it } from 'vitest';

import { stopBeyondLevel, type StopDistance } from '../../../lib/sizing/stop-beyond-level';

describe('a stop beyond a key level', () => {
  it.each<[string, 'long' | 'short', string, StopDistance, string | null, string]>([
    ['a long: one tick below the support', 'long', '62000', { by: 'tick' }, null, '61999.9'],
    ['a short: one tick above the resistance', 'short', '62000', { by: 'tick' }, null, '62000.1'],
    // 62,000 − 0.25 × 437 = 61,890.75, rounded up toward safety on the 0.1 grid: 61,890.8.
    [
      'a long: a quarter ATR below, rounded up',
      'long',
      '62000',
      { by: 'atr', fraction: '0.25' },
      '437',
      '61890.8',
    ],
    // 62,000 + 0.25 × 437 = 62,109.25, rounded down toward safety: 62,109.2.
    [
      'a short: a quarter ATR above, rounded down',
      'short',
      '62000',
      { by: 'atr', fraction: '0.25' },
      '437',
      '62109.2',
    ],
  ])('%s', (_title, side, level, distance, atr, expected) => {
    expect(stopBeyondLevel(side, level, '0.1', distance, atr)).toEqual({ ok: true, price: expected });
  });

  it.each<[string, StopDistance, string | null, string]>([
    ['no ATR yet', { by: 'atr', fraction: '0.5' }, null, 'no ATR'],
    ['a fraction that is no number', { by: 'atr', fraction: 'half' }, '437', 'ATR fraction "half"'],
    ['a fraction of 0', { by: 'atr', fraction: '0' }, '437', 'above 0'],
  ])('says why with %s', (_title, distance, atr, words) => {
    const result = stopBeyondLevel('long', '62000', '0.1', distance, atr);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(words);
  });
});
