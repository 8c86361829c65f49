import { describe, expect, it } from 'vitest';

import type { PriceRow } from '../../../lib/sim/csv';
import { parseCsv } from '../../../lib/sim/csv';
import type { SimLine } from '../../../lib/sim/run';
import { runSimulation, SimError, simulate } from '../../../lib/sim/run';
import { plan } from '../helpers';

// Base plan: long, entry 100 (above), stop 95 → R = 5, budget 100, entry qty 20.

function candles(rows: string[]): PriceRow[] {
  return [...parseCsv(['time,open,high,low,close', ...rows].join('\n'), 'candles.csv').rows];
}

function fills(lines: SimLine[]): SimLine[] {
  return lines.filter((line) => line.type === 'fill');
}

function pick(lines: SimLine[], keys: string[]): Record<string, unknown>[] {
  return lines.map((line) =>
    Object.fromEntries(keys.filter((key) => key in line).map((key) => [key, line[key]])),
  );
}

describe('walking candles', () => {
  // The entry candle: 99 → 98.5 → 101 → 100 fills the entry at 100. Then a candle that reaches
  // both the stop (95) and a target (110) decides which came first by its walk.
  const BRACKET = plan({ scaleOut: [{ at: { r: '2' }, share: 'rest' }] });

  it('walks a candle that closes at or above its open open → low → high → close', () => {
    const { lines } = simulate(BRACKET, candles(['1700000000,99,101,98.5,100', '1700000060,100,111,94,105']));
    // up candle: open 100 → low 94 reaches the stop 95 first
    expect(pick(fills(lines), ['tranche', 'price', 'qty'])).toEqual([
      { tranche: 'entry', price: '100', qty: '20' },
      { tranche: 'stop', price: '95', qty: '20' },
    ]);
  });

  it('walks a candle that closes below its open open → high → low → close', () => {
    const { lines } = simulate(BRACKET, candles(['1700000000,99,101,98.5,100', '1700000060,100,111,94,98']));
    // down candle: open 100 → high 111 reaches the target 110 first
    expect(pick(fills(lines), ['tranche', 'price', 'qty'])).toEqual([
      { tranche: 'entry', price: '100', qty: '20' },
      { tranche: 'target-1', price: '110', qty: '20' },
    ]);
  });

  it('walks a candle that closes exactly at its open as rising (low first)', () => {
    const { lines } = simulate(BRACKET, candles(['1700000000,99,101,98.5,100', '1700000060,100,111,94,100']));
    expect(pick(fills(lines), ['tranche'])).toEqual([{ tranche: 'entry' }, { tranche: 'stop' }]);
  });

  it('fills a level that a candle opens past at that open (a gap from the previous close)', () => {
    const { lines } = simulate(BRACKET, candles(['1700000000,99,101,98.5,100', '1700000060,93,96,92,94']));
    expect(pick(fills(lines), ['tranche', 'price'])).toEqual([
      { tranche: 'entry', price: '100' },
      { tranche: 'stop', price: '93' },
    ]);
  });

  it('fills at the next walked point with --fill observed', () => {
    const data = candles(['1700000000,99,101,98.5,100.5']);
    // walk 99 → 98.5 → 101 → 100.5: the level 100 is first met on the way to the high 101
    expect(pick(fills(simulate(plan(), data).lines), ['price'])).toEqual([{ price: '100' }]);
    expect(pick(fills(simulate(plan(), data, { fill: 'observed' }).lines), ['price'])).toEqual([
      { price: '101' },
    ]);
  });
});

describe('simulator output', () => {
  it('prints averages to at most 10 decimal places and sums up the trade', () => {
    const data = parseCsv(['time,price', '1,99', '2,100', '3,105', '4,94'].join('\n'), 'ticks.csv').rows;
    const { lines } = simulate(plan({ scaleIn: [{ step: { r: '1' }, size: '0.5' }] }), data);
    expect(lines).toEqual([
      {
        type: 'fill',
        tranche: 'entry',
        side: 'buy',
        price: '100',
        qty: '20',
        position: '20',
        avgPrice: '100',
        stop: '95',
        stops: ['95'],
        openRisk: '100',
        realizedPnl: '0',
        time: '2',
      },
      {
        // average (2000 + 1050) / 30 = 101.6666… → 101.6666666667; open risk 100 + 10 × 10 = 200
        type: 'fill',
        tranche: 'add-1',
        side: 'buy',
        price: '105',
        qty: '10',
        position: '30',
        avgPrice: '101.6666666667',
        stop: '95',
        stops: ['95', '95'],
        openRisk: '200',
        realizedPnl: '0',
        time: '3',
      },
      {
        // (95 − 100) × 20 + (95 − 105) × 10 = −200
        type: 'fill',
        tranche: 'stop',
        side: 'sell',
        price: '95',
        qty: '30',
        position: '0',
        openRisk: '0',
        realizedPnl: '-200',
        time: '4',
      },
      // realized R = −200 / (5 × 20) = −2
      {
        type: 'summary',
        maxPosition: '30',
        maxOpenRisk: '200',
        realizedPnl: '-200',
        realizedR: '-2',
        fills: 3,
        position: '0',
      },
    ]);
  });

  it('prints the risk alert of a gap entry', () => {
    const data = parseCsv(['time,price', '1,101'].join('\n'), 'ticks.csv').rows;
    const alerts = simulate(plan(), data).lines.filter((line) => line.type === 'alert');
    expect(pick(alerts, ['kind', 'tranche', 'price', 'qty'])).toEqual([
      { kind: 'risk', tranche: 'entry', price: '101', qty: '20' },
    ]);
  });

  it('counts the trailing stop in the largest open risk after an add', () => {
    // Tick trail of 1 from activation at 105; add-1 at 105 of 3 × 20 = 60 with a 5 % stop.
    // On the way to 106 the trail activates at the add's 105 (both lots to 104: open risk
    // (100 − 104) × 20 + (105 − 104) × 60 = −20), then moves to 106 − 1 = 105 at 106.
    // The largest open risk after any event is the entry's (100 − 95) × 20 = 100.
    const data = parseCsv(['time,price', '1,99', '2,100', '3,106'].join('\n'), 'ticks.csv').rows;
    const { lines } = simulate(
      plan({
        stop: { percent: '5' },
        scaleIn: [{ step: { r: '1' }, size: '3' }],
        stopRules: [{ on: 'tick', activateAt: { r: '1' }, set: { trail: { amount: '1' } } }],
      }),
      data,
    );
    expect(lines.at(-1)).toMatchObject({ type: 'summary', maxOpenRisk: '100' });
  });
});

describe('ATR from candles', () => {
  // Period 4. TRs: c1 101 − 99 = 2 (first bar); c2–c4 max(2, |101 − 100|, |99 − 100|) = 2;
  // ATR4 = (2 + 2 + 2 + 2) / 4 = 2. c5: max(105 − 99, |105 − 100|, |99 − 100|) = 6 →
  // ATR5 = (2 × 3 + 6) / 4 = 3. c6: max(105 − 102, |105 − 104|, |102 − 104|) = 3 →
  // ATR6 = (3 × 3 + 3) / 4 = 3. (The mean of the last four TRs would be 3.25, and the
  // first four alone 2: the Wilder ATR of all six completed candles is 3.)
  const SETUP = [
    '2026-01-01T00:00:00Z,100,101,99,100',
    '2026-01-02T00:00:00Z,100,101,99,100',
    '2026-01-03T00:00:00Z,100,101,99,100',
    '2026-01-04T00:00:00Z,100,101,99,100',
    '2026-01-05T00:00:00Z,100,105,99,104',
    '2026-01-06T00:00:00Z,104,105,102,104',
  ];

  // A Turtle-style plan: 1 % of 100000 per unit of ATR (budget 1000), 2 ATR stops, three adds
  // every 0.5 ATR from the previous fill, earlier stops raised 0.5 ATR on every add.
  const TURTLE = plan({
    account: { equity: '100000', riskPercent: '1' },
    volatility: { atrPeriod: 4 },
    entry: { price: '110', when: 'above' },
    stop: { atr: '2' },
    sizing: { method: 'unit' },
    scaleIn: [
      { step: { atr: '0.5' }, size: '1' },
      { step: { atr: '0.5' }, size: '1' },
      { step: { atr: '0.5' }, size: '1' },
    ],
    stopRules: [{ on: 'add', raise: { atr: '0.5' } }],
  });

  const TRADE = [
    // 104.5 → 104 → 112 → 111.8: entry at 110, add-1 at 110 + 1.5 = 111.5
    '2026-01-07T00:00:00Z,104.5,112,104,111.8',
    // 111.8 → 106 (above the stops 105.5) → 113.2: add-2 at 113. Its true range (7.2) must not
    // change the ATR, which stays fixed for the trade.
    '2026-01-08T00:00:00Z,111.8,113.2,106,113',
    // 113.5 → 113.2 → 114.6: add-3 at 114.5
    '2026-01-09T00:00:00Z,113.5,114.6,113.2,114.5',
    // opens at 108, past every stop (108.5): one stop fill at the open
    '2026-01-10T00:00:00Z,108,109,107,107.5',
  ];

  it('sizes units from the Wilder ATR of the candles before the entry and stops every lot together', () => {
    const { lines } = simulate(TURTLE, candles([...SETUP, ...TRADE]));
    // unit = 1000 / (3 × 1) = 333.33… → 333. Stops: entry 110 − 6 = 104; each add's lot at its
    // fill − 6 and the earlier lots raised 1.5: 105.5, then 107, then 108.5.
    expect(
      pick(fills(lines), ['tranche', 'price', 'qty', 'position', 'avgPrice', 'stops', 'openRisk', 'atr']),
    ).toEqual([
      // open risk (110 − 104) × 333 = 1998
      {
        tranche: 'entry',
        price: '110',
        qty: '333',
        position: '333',
        avgPrice: '110',
        stops: ['104'],
        openRisk: '1998',
        atr: '3',
      },
      // (4.5 + 6) × 333 = 3496.5; average (110 + 111.5) / 2 = 110.75
      {
        tranche: 'add-1',
        price: '111.5',
        qty: '333',
        position: '666',
        avgPrice: '110.75',
        stops: ['105.5', '105.5'],
        openRisk: '3496.5',
        atr: '3',
      },
      // (3 + 4.5 + 6) × 333 = 4495.5; average 334.5 / 3 = 111.5
      {
        tranche: 'add-2',
        price: '113',
        qty: '333',
        position: '999',
        avgPrice: '111.5',
        stops: ['107', '107', '107'],
        openRisk: '4495.5',
        atr: '3',
      },
      // (1.5 + 3 + 4.5 + 6) × 333 = 4995; average 449 / 4 = 112.25
      {
        tranche: 'add-3',
        price: '114.5',
        qty: '333',
        position: '1332',
        avgPrice: '112.25',
        stops: ['108.5', '108.5', '108.5', '108.5'],
        openRisk: '4995',
        atr: '3',
      },
      { tranche: 'stop', price: '108', qty: '1332', position: '0', openRisk: '0', atr: '3' },
    ]);
    // realized = 333 × ((108 − 110) + (108 − 111.5) + (108 − 113) + (108 − 114.5)) = 333 × −17 = −5661;
    // initial risk = R × qty = 6 × 333 = 1998; realized R = −5661 / 1998 = −2.8333…
    expect(lines.at(-1)).toEqual({
      type: 'summary',
      maxPosition: '1332',
      maxOpenRisk: '4995',
      realizedPnl: '-5661',
      realizedR: '-2.8333333333',
      fills: 5,
      position: '0',
    });
  });

  it('skips the trade with the reason when the candle-ATR stop lies beyond the liquidation estimate', () => {
    // stop 104; 20x, mmr 0.005: estimate 110 × (1 − 0.05 + 0.005) = 105.05 ≥ 104.
    // Highest safe: 104 > 110 × (1.005 − 1/L) ⇔ 1/L > 0.05955 ⇔ L < 16.79 → 16
    const leveraged = plan({
      account: { equity: '100000', riskPercent: '1' },
      volatility: { atrPeriod: 4 },
      entry: { price: '110', when: 'above' },
      stop: { atr: '2' },
      sizing: { method: 'unit' },
      limits: { leverage: '20', maintenanceMarginRate: '0.005' },
    });
    const { lines } = simulate(leveraged, candles([...SETUP, ...TRADE]));
    expect(fills(lines)).toEqual([]);
    const skips = lines.filter((line) => line.type === 'skip');
    expect(pick(skips, ['tranche'])).toEqual([{ tranche: 'entry' }]);
    expect(String(skips[0]?.reason)).toContain('liquidation');
    expect(String(skips[0]?.reason)).toContain('16x');
  });

  it('is an error that says what is needed when the entry comes before enough candles', () => {
    // the entry fills in the 4th candle: only 3 completed candles for a period of 4
    const data = candles([...SETUP.slice(0, 3), '2026-01-04T00:00:00Z,100,111,99,110']);
    expect(() => simulate(TURTLE, data)).toThrow(SimError);
    expect(() => simulate(TURTLE, data)).toThrow(/atrPeriod 4 needs at least 4 completed candles/);
  });

  it('is an error that asks for candles when the data are ticks', () => {
    const data = parseCsv('time,price\n1,100\n', 'ticks.csv').rows;
    expect(() => simulate(TURTLE, data)).toThrow(SimError);
    expect(() => simulate(TURTLE, data)).toThrow(/atrPeriod 4 needs candles/);
  });
});

describe('streaming', () => {
  it('hands out each line as it is made, before the rows end', () => {
    const ticks = parseCsv('time,price\n1,99\n2,100\n3,105\n', 'ticks.csv').rows;
    function* rowsThenAnError(): Generator<PriceRow> {
      yield* ticks;
      throw new Error('the rest of the file is unreadable');
    }
    const emitted: SimLine[] = [];
    expect(() =>
      runSimulation(plan({ scaleIn: [{ step: { r: '1' }, size: '0.5' }] }), rowsThenAnError(), {}, (line) =>
        emitted.push(line),
      ),
    ).toThrow('the rest of the file is unreadable');
    expect(pick(emitted, ['type', 'tranche'])).toEqual([
      { type: 'fill', tranche: 'entry' },
      { type: 'fill', tranche: 'add-1' },
    ]);
  });
});
