import { describe, expect, it } from 'vitest';

import { chooseDecimalMark } from '../../../lib/signal/decimal-mark';

// A signal's decimal mark is decided for the whole text (lib/signal/decimal-mark.ts).
function choose(numbers: string[], options: { lastPrice?: string; isDotLanguage?: boolean } = {}) {
  return chooseDecimalMark({
    numbers,
    prices: numbers,
    lastPrice: options.lastPrice,
    isDotLanguage: options.isDotLanguage ?? false,
  });
}

describe('the decimal mark of a signal', () => {
  it.each([
    [['64,200', '0.5120'], '.', '"0.5120" reads only with a "." decimal, so "64,200" is 64200'],
    [['390,50', '391,00'], ',', '"390,50" reads only with a "," decimal'],
    [['1.500', '3.5'], '.', 'a percentage or leverage written "3.5" decides it too'],
    [['64200', '62900'], '.', 'no separators at all: nothing to decide'],
  ])('%j → "%s" (%s)', (numbers, mark) => {
    expect(choose(numbers)).toEqual({ ok: true, mark });
  });

  it('takes the reading that lies near the last price', () => {
    // "1.250" is 1.25 with a "." and 1250 with a ","; 1.25 / 1.26 ≈ 0.99, 1250 / 1.26 ≈ 992.
    expect(choose(['1.250', '1.300'], { lastPrice: '1.26' })).toEqual({ ok: true, mark: '.' });
    expect(choose(['1.250', '1.300'], { lastPrice: '1262' })).toEqual({ ok: true, mark: ',' });
  });

  it('takes "." when the labels are English, Chinese, Arabic or Persian', () => {
    expect(choose(['64,200'], { isDotLanguage: true })).toEqual({ ok: true, mark: '.' });
  });

  it('asks when the text could be read both ways', () => {
    expect(choose(['1.250'])).toEqual({
      ok: false,
      reason:
        '"1.250" could be 1.25 or 1250: write it without the thousands separator, or give the last price',
    });
  });

  it('asks when the text writes decimals both ways', () => {
    expect(choose(['0.5120', '390,50'])).toEqual({
      ok: false,
      reason:
        'the text writes decimals both ways ("0.5120" and "390,50"): write every price with the same decimal mark',
    });
  });
});
