import { describe, expect, it } from 'vitest';

import { historyPriceData } from '../../../lib/sim/history-data';

const T0 = Date.UTC(2026, 10, 26, 9, 30);

describe('the recorded prices as simulator rows', () => {
  it('seconds become ticks, numbered from 1 and labelled with their UTC time', () => {
    expect(historyPriceData({ kind: 'ticks', ticks: [{ time: T0, price: '61000' }] })).toEqual({
      kind: 'ticks',
      rows: [{ kind: 'tick', line: 1, time: T0, label: '2026-11-26T09:30:00.000Z', price: '61000' }],
    });
  });

  it('minutes become candles', () => {
    const candle = { time: T0 + 60_000, open: '1', high: '3', low: '0.5', close: '2' };
    expect(historyPriceData({ kind: 'candles', candles: [candle] })).toEqual({
      kind: 'candles',
      rows: [{ kind: 'candle', line: 1, label: '2026-11-26T09:31:00.000Z', ...candle }],
    });
  });
});
