import { describe, expect, it } from 'vitest';

import { Decimal, toCanonical } from '../../../lib/decimal';
import {
  highestSafeLeverage,
  isStopInsideLiquidation,
  liquidationPrice,
} from '../../../lib/sizing/liquidation';

// Plan format, "Liquidation estimate" (isolated margin, linear contract, fees ignored):
// long = average entry × (1 − 1/leverage + mmr); short = average entry × (1 + 1/leverage − mmr).
const d = (value: string) => new Decimal(value);

describe('liquidationPrice', () => {
  it.each([
    // Bybit Help Center, "Liquidation Price (USDT Contract)", isolated margin: a long of 1 BTC
    // at 10,000 USDT with 50x leverage, MMR 0.5%: 10,000 × (1 − 2% + 0.5%) = 9,850 USDT.
    ['long', '10000', '50', '0.005', '9850', 'Bybit USDT contract, long example'],
    // Same article: a short of 1 BTC at 8,000 USDT with 40x, MMR 0.5%: 8,000 × (1 + 2.5% − 0.5%) = 8,160.
    ['short', '8000', '40', '0.005', '8160', 'Bybit USDT contract, short example'],
    // MoonXBT support, "Liquidation Price", isolated: long at 20,000 with 50x → 20,000 × 0.985 = 19,700;
    ['long', '20000', '50', '0.005', '19700', 'MoonXBT long example'],
    // short at 20,000 with 40x → 20,000 × (1 + 0.025 − 0.005) = 20,400.
    ['short', '20000', '40', '0.005', '20400', 'MoonXBT short example'],
    // 10x at 100 with mmr 0.5%: 100 × (1 − 0.1 + 0.005) = 90.5 / 100 × (1 + 0.1 − 0.005) = 109.5
    ['long', '100', '10', '0.005', '90.5', 'by hand'],
    ['short', '100', '10', '0.005', '109.5', 'by hand'],
    // 3x without a maintenance margin: 150 × (1 − 1/3) = 100 (1/3 carried to 34 digits, then × 150)
    ['long', '150', '3', '0', '100', 'by hand, 1/3 of 150'],
  ] as const)(
    'estimates a %s at %s with %sx and mmr %s at %s',
    (side, average, leverage, mmr, expected, source) => {
      const estimate = liquidationPrice(side, d(average), d(leverage), d(mmr));
      expect(toCanonical(estimate.toDecimalPlaces(20)), source).toBe(expected);
    },
  );
});

describe('isStopInsideLiquidation', () => {
  it.each([
    ['long', '90.51', '90.5', true, 'a long stop above the estimate is hit first'],
    ['long', '90.5', '90.5', false, 'at the estimate is not inside'],
    ['long', '75', '90.5', false, 'below it: liquidated before the stop'],
    ['short', '109.49', '109.5', true, 'a short stop below the estimate is hit first'],
    ['short', '109.5', '109.5', false, 'at the estimate is not inside'],
    ['short', '125', '109.5', false, 'above it: liquidated before the stop'],
  ] as const)(
    'says a %s stop at %s against an estimate of %s is inside: %s',
    (side, stop, estimate, inside, why) => {
      expect(isStopInsideLiquidation(side, d(stop), d(estimate)), why).toBe(inside);
    },
  );
});

describe('highestSafeLeverage', () => {
  it.each([
    // Long, avg 100, stop 75, mmr 0.005: 75 > 100 × (1 − 1/L + 0.005) ⇔ 1/L > 0.255 ⇔ L < 3.92 → 3
    // (check: 3x → 100 × (1.005 − 0.3333) = 67.17 < 75; 4x → 100 × 0.755 = 75.5 ≥ 75)
    ['long', '100', '75', '0.005', 3],
    // Short, avg 100, stop 125: 125 < 100 × (1 + 1/L − 0.005) ⇔ 1/L > 0.255 → 3
    ['short', '100', '125', '0.005', 3],
    // Long, avg 100, stop 80, no mmr: 80 > 100 × (1 − 1/L) ⇔ L < 5; at 5x the estimate IS 80 → 4
    ['long', '100', '80', '0', 4],
    // Short, avg 100, stop 120, mmr 0.005: 1/L > 0.205 ⇔ L < 4.878 → 4
    ['short', '100', '120', '0.005', 4],
    // Long, avg 108, stop 92, mmr 0.005: 1/L > 1.005 − 92/108 = 0.15315 ⇔ L < 6.53 → 6
    ['long', '108', '92', '0.005', 6],
    // Long, avg 100, stop 0.5, mmr 0.005: 1/L > 1.005 − 0.005 = 1 ⇔ L < 1: no leverage at all → 0
    ['long', '100', '0.5', '0.005', 0],
  ] as const)(
    'finds the highest whole leverage for a %s at %s with its stop at %s (mmr %s): %d',
    (side, average, stop, mmr, expected) => {
      expect(highestSafeLeverage(side, d(average), d(stop), d(mmr))).toBe(expected);
    },
  );

  it('keeps the stop strictly inside the estimate at the leverage it suggests, and not one above', () => {
    // avg 108, stop 92, mmr 0.005: 6x → 108 × (1.005 − 1/6) = 90.54 < 92; 7x → 108 × (1.005 − 1/7) = 93.11 > 92
    const at6 = liquidationPrice('long', d('108'), d('6'), d('0.005'));
    const at7 = liquidationPrice('long', d('108'), d('7'), d('0.005'));
    expect(at6.toFixed(2)).toBe('90.54');
    expect(at7.toFixed(2)).toBe('93.11');
    expect(isStopInsideLiquidation('long', d('92'), at6)).toBe(true);
    expect(isStopInsideLiquidation('long', d('92'), at7)).toBe(false);
  });
});
