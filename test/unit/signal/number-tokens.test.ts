import { describe, expect, it } from 'vitest';

import { numberTokens } from '../../../lib/signal/number-tokens';

// What each number of a signal's line is, from the characters around it (lib/signal/number-tokens.ts).
function kinds(line: string): string[] {
  return numberTokens(line).map((token) => `${token.kind} ${token.isSigned ? '±' : ''}${token.raw}`);
}

describe('numbers in a signal line', () => {
  it.each([
    [
      'Target 1: 5.937 - 30%',
      ['value 1', 'value 5.937', 'percent 30'],
      'a spaced dash: a price, then its weight',
    ],
    ['Use 3-5% of funds', ['percent 3', 'percent 5'], '"3-5%" is a range of percentages'],
    ['Use 3 to 5% of funds', ['percent 3', 'percent 5'], '"3 to 5%" too'],
    ['Leverage 5-10x', ['leverage 5', 'leverage 10'], '"5-10x" is a range of leverage'],
    ['BTS/USDT x10', ['leverage 10'], '"x10" before the number'],
    ['cross (×20)', ['leverage 20'], '"×20"'],
    ['杠杆：10倍', ['leverage 10'], 'Chinese 倍'],
    ['SL 62,100 (-3.5%)', ['value 62,100', 'percent ±3.5'], 'a signed percentage is a move, not a weight'],
    ['Kar al %20', ['percent 20'], 'Turkish writes the sign first'],
    ['38K - 39K - 41.4', ['abbreviated 38', 'abbreviated 39', 'value 41.4'], '"38K" is rounded'],
    ['1) 2430 - 20%', ['other 1', 'value 2430', 'percent 20'], '"1)" is a list number'],
    ['1. 0.385', ['other 1', 'value 0.385'], '"1." at the start of a line too'],
    ['RR 1:3.2, at 12:30', ['other 1', 'other 3.2', 'other 12', 'other 30'], 'ratios and times'],
    ['#1INCH/USDT 3.2605', ['other 1', 'value 3.2605'], 'a coin that starts with a digit'],
    ['stop close 4hr above 0.313', ['other 4', 'value 0.313'], 'a duration glued to its unit'],
    ['ICXUSDT IN 4 HOURS', ['other 4'], 'a duration spelled out'],
    ['Nhập Chính: 10500USDT', ['value 10500'], 'a currency glued to the price'],
    [
      '目标1:65000',
      ['value 1', 'value 65000'],
      'a digit after Chinese is a number (the label decides it is an index)',
    ],
    ['Entry: 0.0₄123', ['value 0.0₄123'], 'subscript zeros'],
  ])('%s → %j (%s)', (line, expected, why) => {
    expect(kinds(line), why).toEqual(expected);
  });
});
