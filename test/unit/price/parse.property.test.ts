import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, toCanonical } from '../../../lib/decimal';
import { parsePrice } from '../../../lib/price';
import type { DecimalMark } from '../../../lib/price';

/** A price as exchanges quote them: up to 12 integer digits and 8 decimals. */
const priceArbitrary = fc
  .tuple(
    fc.bigInt({ min: 0n, max: 999_999_999_999n }),
    fc.integer({ min: 0, max: 8 }),
    fc.bigInt({ min: 0n }),
  )
  .map(([integer, scale, fractionSeed]) => {
    const fraction = scale === 0 ? '' : (fractionSeed % 10n ** BigInt(scale)).toString().padStart(scale, '0');
    return { integer: integer.toString(), fraction };
  });

const GROUP_FOR: Record<DecimalMark, readonly string[]> = {
  '.': [',', ' ', '\u00A0', '\u202F', "'"],
  ',': ['.', ' ', '\u00A0', '\u202F', '\u2009'],
};

function group(integer: string, separator: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

function canonical(integer: string, fraction: string): string {
  return toCanonical(new Decimal(fraction === '' ? integer : `${integer}.${fraction}`));
}

function isZero(integer: string, fraction: string): boolean {
  return /^0*$/.test(integer + fraction);
}

describe('parsePrice round-trips formatted decimals', () => {
  it('reads back any grouped price above zero in either convention when told the convention', () => {
    fc.assert(
      fc.property(
        priceArbitrary,
        fc.constantFrom<DecimalMark>('.', ','),
        fc.nat(),
        ({ integer, fraction }, decimal, pick) => {
          fc.pre(!isZero(integer, fraction));
          const separators = GROUP_FOR[decimal];
          const separator = separators[pick % separators.length] ?? ',';
          const text = group(integer, separator) + (fraction === '' ? '' : decimal + fraction);
          expect(parsePrice(text, { decimal })).toEqual({ ok: true, value: canonical(integer, fraction) });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('without a convention, either reads the right value or refuses: it never reads a wrong one', () => {
    fc.assert(
      fc.property(
        priceArbitrary,
        fc.constantFrom<DecimalMark>('.', ','),
        ({ integer, fraction }, decimal) => {
          const separator = decimal === '.' ? ',' : '.';
          const text = group(integer, separator) + (fraction === '' ? '' : decimal + fraction);
          const result = parsePrice(text);
          if (result.ok) expect(result.value).toBe(canonical(integer, fraction));
          else expect(result.reason).toMatch(/ambiguous|zero/);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads one separator followed by exactly three digits only with a convention (55.063, 1,234)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999 }),
        fc.integer({ min: 0, max: 999 }),
        fc.constantFrom<DecimalMark>('.', ','),
        (head, tail, mark) => {
          const three = String(tail).padStart(3, '0');
          const text = `${head}${mark}${three}`;
          expect(parsePrice(text)).toMatchObject({ ok: false, reason: expect.stringMatching(/ambiguous/) });
          // With "." as the decimal mark 55.063 is 55.063; with "," it groups: 55063.
          const asDecimal = canonical(String(head), three);
          const asGroup = canonical(`${head}${three}`, '');
          expect(parsePrice(text, { decimal: mark })).toEqual({ ok: true, value: asDecimal });
          expect(parsePrice(text, { decimal: mark === '.' ? ',' : '.' })).toEqual({
            ok: true,
            value: asGroup,
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never gives a price of zero or below, whatever the sign, arrow or rounding printed', () => {
    fc.assert(
      fc.property(
        priceArbitrary,
        fc.constantFrom('', '-', '\u2212', '▼ −', '$-'),
        fc.constantFrom<DecimalMark>('.', ','),
        ({ integer, fraction }, sign, decimal) => {
          const text = `${sign}${integer}${fraction === '' ? '' : decimal + fraction}`;
          const result = parsePrice(text, { decimal });
          const isPositive = sign === '' && !isZero(integer, fraction);
          if (isPositive) expect(result).toEqual({ ok: true, value: canonical(integer, fraction) });
          else expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/zero/) });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never reads an abbreviated figure (59.4K, 5M) as a price', () => {
    fc.assert(
      fc.property(
        priceArbitrary,
        fc.constantFrom('K', 'k', 'M', 'B', 'T'),
        fc.constantFrom('', '$', '€'),
        ({ integer, fraction }, suffix, currency) => {
          const text = `${currency}${group(integer, ',')}${fraction === '' ? '' : `.${fraction}`}${suffix}`;
          expect(parsePrice(text, { decimal: '.' })).toMatchObject({
            ok: false,
            reason: expect.stringMatching(/abbreviated/),
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads subscript-zero notation as the same value written out', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.bigInt({ min: 1n, max: 99_999n }), (zeros, digits) => {
        const subscript = String(zeros).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)] ?? d);
        const text = `0.0${subscript}${digits}`;
        const expected = toCanonical(new Decimal(`0.${'0'.repeat(zeros)}${digits}`));
        expect(parsePrice(text)).toEqual({ ok: true, value: expected });
      }),
      { numRuns: 200 },
    );
  });
});
