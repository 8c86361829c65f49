import { describe, expect, it } from 'vitest';

import { Decimal } from '../../../lib/decimal';
import { entryEdge } from '../../../lib/signal/entry-edge';
import { targetShares } from '../../../lib/signal/weights';

const d = (value: string) => new Decimal(value);
const zone = (low: string, high: string) => ({ low: d(low), high: d(high) });
const target = (price: string, ...percents: string[]) => ({
  price: d(price),
  percents: percents.map((raw) => ({ raw: raw.replace(/^[+-]/u, ''), isSigned: /^[+-]/u.test(raw) })),
});

describe('target shares (plan-format: the signal\'s weights, else equal shares, the last one "rest")', () => {
  it.each([
    [1, ['rest']],
    [2, ['0.5', 'rest']],
    [3, ['0.3333', '0.3333', 'rest']],
    [7, ['0.1428', '0.1428', '0.1428', '0.1428', '0.1428', '0.1428', 'rest']],
  ])('%i targets without weights share equally: %j (1/n to 0.01 %, rounded down)', (count, shares) => {
    const targets = Array.from({ length: count }, (_, index) => target(String(110 + index)));
    expect(targetShares(targets, zone('100', '100'), [])).toEqual({ ok: true, shares });
  });

  it('takes written weights; weights making 100 % end in "rest"', () => {
    // 40 + 30 + 30 = 100
    const targets = [target('3380', '40'), target('3330', '30'), target('3250', '30')];
    expect(targetShares(targets, zone('3420', '3465'), [])).toEqual({
      ok: true,
      shares: ['0.4', '0.3', 'rest'],
    });
  });

  it('gives the last target the rest when every other one has a weight ("TP2: 68000 (close rest)")', () => {
    expect(targetShares([target('110', '50'), target('120')], zone('100', '100'), [])).toEqual({
      ok: true,
      shares: ['0.5', 'rest'],
    });
  });

  it('keeps weights below 100 % as written (the rest stays for the stop)', () => {
    // 10 + 15 = 25 %
    expect(targetShares([target('110', '10'), target('120', '15')], zone('100', '100'), [])).toEqual({
      ok: true,
      shares: ['0.1', '0.15'],
    });
  });

  it.each([
    ['the plain move from the entry', [target('17.1', '5'), target('16.2', '10')], []],
    ['the move times the leverage', [target('101', '10'), target('102', '20')], ['10']],
    ['a signed percentage', [target('103', '+3'), target('105', '+5')], []],
  ])('reads no weights from %s: equal shares', (_what, targets, leverages) => {
    // 17.1 = 18 × (1 − 5 %); 101 is 1 % above 100, × 10x = 10 %
    const entry = targets[0]?.price.lt(20) ? zone('18', '18') : zone('100', '100');
    expect(targetShares(targets, entry, leverages.map(d))).toEqual({ ok: true, shares: ['0.5', 'rest'] });
  });

  it.each([
    [
      [target('110', '50'), target('120'), target('130')],
      'weights are written for 1 of the 3 targets: give every target its share, or none',
    ],
    [
      [target('110', '60'), target('120', '60')],
      'the target weights (60%, 60%) add up to 120%: each must be above 0 and all together at most 100%',
    ],
  ])('asks about weights that cannot be shares: %#', (targets, message) => {
    expect(targetShares(targets, zone('100', '100'), [])).toEqual({
      ok: false,
      problem: { field: 'targets', message },
    });
  });
});

describe('the entry edge of an entry range (plan-format: from a trade signal)', () => {
  it.each([
    ['long', undefined, '105', 'no last price: the edge a limit buy waits at, the upper one'],
    ['short', undefined, '100', 'no last price: the edge a limit sell waits at, the lower one'],
    ['long', '110', '105', 'above the range, falling: it reaches 105 first'],
    ['short', '95', '100', 'below the range, rising: it reaches 100 first'],
    ['short', '104', '105', 'inside, nearer the upper edge: 105 − 104 = 1 < 104 − 100 = 4'],
    ['long', '102.5', '105', 'inside, at the middle: the limit edge'],
    ['short', '102.5', '100', 'inside, at the middle: the limit edge'],
  ] as const)('a %s on 100–105 with last price %s enters at %s (%s)', (side, last, edge, why) => {
    const entry = entryEdge(zone('100', '105'), side, last === undefined ? undefined : d(last));
    expect(entry.toString(), why).toBe(edge);
  });
});
