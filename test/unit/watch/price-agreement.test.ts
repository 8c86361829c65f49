import { describe, expect, it } from 'vitest';

import { isDisagreement } from '../../../lib/watch/price-agreement';

describe('isDisagreement: 0.25 % of the larger price or 3 steps of the finer printed digit, whichever is wider', () => {
  it.each([
    // |61,293.4 − 61,020| = 273.4 > max(61,293.4 × 0.25 % = 153.2, 3 × 0.1 = 0.3).
    {
      first: '61293.4',
      second: '61020',
      isApart: true,
      why: 'the title and order book of the brief, 0.45 % apart',
    },
    // |97,123.45 − 97,100| = 23.45 ≤ 97,123.45 × 0.25 % = 242.8: a trade rendered a frame late.
    { first: '97123.45', second: '97100', isApart: false, why: 'a fast market, 0.02 % apart' },
    // |100.2 − 100| = 0.2 ≤ max(100.2 × 0.25 % = 0.2505, 3 × 0.1 = 0.3).
    { first: '100.2', second: '100', isApart: false, why: 'two steps of 0.1 apart' },
    // |100.4 − 100| = 0.4 > max(0.251, 0.3).
    { first: '100.4', second: '100', isApart: true, why: 'four steps of 0.1 and 0.4 % apart' },
    // |0.0124 − 0.0123| = 0.0001 is 0.8 %, but ≤ 3 × 0.0001 = 0.0003: one tick of a cheap coin.
    { first: '0.0123', second: '0.0124', isApart: false, why: 'one tick of a cheap coin' },
    // |0.0127 − 0.0123| = 0.0004 > max(0.0127 × 0.25 % = 0.00003175, 0.0003).
    { first: '0.0127', second: '0.0123', isApart: true, why: 'four ticks of a cheap coin' },
    // Whole numbers (Bybit): |77,300 − 77,170| = 130 ≤ 77,300 × 0.25 % = 193.25.
    { first: '77170', second: '77300', isApart: false, why: 'whole numbers 0.17 % apart' },
    // 97,123.45 misread as 97.123: about a thousand times apart.
    { first: '97123.45', second: '97.123', isApart: true, why: 'a misread separator' },
    { first: '4705.32', second: '4705.32', isApart: false, why: 'the same price' },
  ])('$why: $first vs $second disagree: $isApart', ({ first, second, isApart }) => {
    expect(isDisagreement(first, second)).toBe(isApart);
    expect(isDisagreement(second, first), 'either way round').toBe(isApart);
  });
});
