import { describe, expect, it } from 'vitest';

import { answerKindOf, readAnswers } from '../../../components/signal-answers';
import { planFromSignal, readSignal } from '../../../lib/signal';

const ACCOUNT = { equity: '10000', riskPercent: '1' };

describe('a signal read again with the trader’s answers: each settles its question, nothing else is assumed', () => {
  it.each([
    {
      why: 'no stop: the answered stop',
      text: '#BTC/USDT LONG\nEntry: 64000\nTP1: 66000',
      answers: { stop: '63000' },
      expected: { stop: '63000' },
    },
    {
      why: 'two different stops: the one kept',
      text: '#BTC/USDT LONG\nEntry: 64000\nTP1: 66000\nSL: 63000\nStop loss: 62500',
      answers: { stop: '62500' },
      expected: { stop: '62500' },
    },
    {
      why: 'no pair: the pair written',
      text: 'LONG\nEntry: 64000\nTP1: 66000\nSL: 63000',
      answers: { pair: 'BTC/USDT' },
      expected: { pair: { base: 'BTC', quote: 'USDT' } },
    },
    {
      why: 'no side its prices settle: the side chosen',
      text: '#BTC/USDT\nEntry: 64000\nTP1: 66000\nSL: 64500',
      answers: { side: 'long' as const },
      expected: { side: 'long', isSideInferred: false },
    },
    {
      why: 'no entry: the entry written',
      text: '#BTC/USDT LONG\nTP1: 66000\nSL: 63000',
      answers: { entry: '64000' },
      expected: { entry: { price: '64000', when: undefined, zone: undefined } },
    },
    {
      why: 'targets only as percentages: the prices written, equal shares',
      text: '#BTC/USDT LONG\nEntry: 64000\nTP: +3%\nSL: 63000',
      answers: { targets: ['65000', '66000'] },
      expected: {
        targets: [
          { price: '65000', share: '0.5' },
          { price: '66000', share: 'rest' },
        ],
      },
    },
    {
      why: 'a number that reads two ways: the decimal mark chosen',
      text: '#ETH/USDT LONG\nGiriş: 1.250\nHedef: 1.300\nZarar durdur: 1.200',
      answers: { decimalMark: '.' as const },
      expected: { entry: { price: '1.25', when: undefined, zone: undefined }, stop: '1.2' },
    },
  ])('$why', ({ text, answers, expected }) => {
    const unanswered = readSignal(text);
    expect(unanswered.ok, 'the text alone asks').toBe(false);
    const answered = readSignal(text, { answers });
    if (!answered.ok) throw new Error(JSON.stringify(answered.problems));
    expect(answered.signal).toMatchObject(expected);
  });

  it('an answer does not silence another question', () => {
    const read = readSignal('LONG\nEntry: 64000\nTP1: 66000', { answers: { stop: '63000' } });
    expect(read.ok ? [] : read.problems.map((problem) => problem.field)).toEqual(['pair']);
  });

  it('the plan keeps the trader’s stop and risk', () => {
    const planned = planFromSignal('#BTC/USDT LONG\nEntry: 64000\nTP1: 66000', {
      account: ACCOUNT,
      answers: { stop: '63000' },
    });
    if (!planned.ok) throw new Error(JSON.stringify(planned.problems));
    expect(planned.json).toMatchObject({ stop: { price: '63000' }, account: ACCOUNT });
  });
});

describe('the planner’s answer fields', () => {
  it.each([
    [{ field: 'stop', message: 'no stop loss found' }, 'stop'],
    [{ field: 'target 2', message: 'target 2 at 63000 is not above the entry' }, 'targets'],
    [{ field: 'prices', message: '"1.250" could be 1.25 or 1250: …' }, 'decimalMark'],
    [{ field: 'prices', message: '"61.5K" is rounded: write the full price' }, null],
    [{ field: 'text', message: 'no trade signal found' }, null],
  ] as const)('%o is answered by %s', (problem, kind) => {
    expect(answerKindOf(problem)).toBe(kind);
  });

  it('reads only complete answers: prices as decimals, targets separated by spaces', () => {
    expect(
      readAnswers({ stop: '63000.50', targets: '65000 66000', entry: '64,000', side: 'short', pair: ' ' }),
    ).toEqual({ stop: '63000.5', targets: ['65000', '66000'], side: 'short' });
    expect(readAnswers({ targets: '65000 6600x' }), 'a target still being typed waits').toEqual({});
  });
});
