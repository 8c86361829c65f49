import { describe, expect, it } from 'vitest';

import { INITIAL_JUMP_GUARD, isJump, judgePrice, type JumpGuardState } from '../../../lib/watch/jump-guard';

describe('isJump', () => {
  // Bounds computed by hand: 20 % of 100 is 20, so 120 is at the bound and 120.01 beyond it.
  it.each([
    ['100', '120', 20, false],
    ['100', '120.01', 20, true],
    ['100', '80', 20, false],
    ['100', '79.99', 20, true],
    ['97123.45', '48561.725', 20, true],
    ['0.00001234', '0.00001235', 20, false],
    ['-10', '-12', 20, false],
    ['-10', '-12.5', 20, true],
    ['0', '0', 20, false],
    ['0', '1', 20, true],
  ])('from %s to %s at %d %% is a jump: %s', (reference, price, percent, expected) => {
    expect(isJump(reference, price, percent)).toBe(expected);
  });
});

describe('judgePrice', () => {
  function run(prices: string[]): { verdicts: string[]; state: JumpGuardState } {
    let state = INITIAL_JUMP_GUARD;
    const verdicts: string[] = [];
    for (const price of prices) {
      const judgement = judgePrice(state, price, 20);
      verdicts.push(judgement.verdict);
      state = judgement.state;
    }
    return { verdicts, state };
  }

  it('accepts the first price of a symbol, whatever it is', () => {
    expect(run(['97123.45']).verdicts).toEqual(['accept']);
  });

  it('accepts ordinary moves', () => {
    expect(run(['100', '101', '99.5', '110']).verdicts).toEqual(['accept', 'accept', 'accept', 'accept']);
  });

  it('holds one read 50 % off and drops it when the next read is back', () => {
    const { verdicts, state } = run(['100', '150', '100.5']);
    expect(verdicts).toEqual(['accept', 'hold', 'accept']);
    expect(state, 'the held value is forgotten').toEqual({ confirmed: '100.5', held: null });
  });

  it('confirms a jump when a second read agrees with it', () => {
    const { verdicts, state } = run(['100', '60', '61']);
    expect(verdicts).toEqual(['accept', 'hold', 'accept']);
    expect(state).toEqual({ confirmed: '61', held: null });
  });

  it('keeps holding while the far reads disagree with each other', () => {
    const { verdicts, state } = run(['100', '150', '300']);
    expect(verdicts).toEqual(['accept', 'hold', 'hold']);
    expect(state, 'the newest far read waits for its own confirmation').toEqual({
      confirmed: '100',
      held: '300',
    });
  });
});
