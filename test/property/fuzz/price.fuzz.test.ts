import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { CANONICAL_DECIMAL_PATTERN } from '../../../lib/messages/fields';
import { parsePrice, type PriceConvention } from '../../../lib/price';
import { FUZZ_TIMEOUT_MILLIS, fuzzSuite } from './fuzz-runs';

const fuzz = fuzzSuite('price parser');

/** What pages print around and inside numbers: digits, every separator, signs, arrows, subscripts, suffixes. */
const priceLikeText = fc
  .array(
    fc.oneof(
      fc.stringMatching(/^\d{1,7}$/),
      fc.constantFrom(
        ',',
        '.',
        ' ',
        '\u00A0',
        '\u202F',
        "'",
        '\u2009',
        '−',
        '-',
        '+',
        '▲',
        '▼',
        '%',
        '$',
        '€',
      ),
      fc.constantFrom('₀', '₄', '₉', '⁰', '¹', 'K', 'M', 'k', 'e', 'E', '∞', 'NaN', '0x'),
      fc.string({ maxLength: 3 }),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

const conventionArb = fc.constantFrom<PriceConvention | undefined>(
  undefined,
  { decimal: '.' },
  { decimal: ',' },
);

describe('fuzz: the price parser', () => {
  it(
    'never throws; a price it reads is a canonical decimal, a refusal says why',
    () => {
      let read = 0;
      fuzz(
        fc.property(
          fc.oneof(priceLikeText, fc.string({ unit: 'grapheme' })),
          conventionArb,
          (text, convention) => {
            const result = parsePrice(text, convention);
            if (result.ok) read += 1;
            return result.ok
              ? CANONICAL_DECIMAL_PATTERN.test(result.value)
              : typeof result.reason === 'string' && result.reason.length > 0;
          },
        ),
      );
      expect(read, 'some texts read as prices').toBeGreaterThan(0);
    },
    FUZZ_TIMEOUT_MILLIS,
  );
});
