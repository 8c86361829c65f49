import { describe, expect, it } from 'vitest';

import { formSlotOf } from '../../../components/plan-form/problem-slots';
import { withValueAt } from '../../../components/plan-form/plan-json';

describe('which form field shows a problem', () => {
  it.each([
    ['entry.price', 'entry.price', 'a field the form shows'],
    ['stop.price', 'stop', 'the stop is one field: unit and value'],
    ['stop', 'stop', 'the liquidation check names the stop'],
    ['scaleOut[1].at.r', 'scaleOut[1].at', 'a measure in a row'],
    ['stopRules[0].raise.atr', 'stopRules[0].action', 'what a rule does'],
    ['stopRules[2]', 'stopRules[2]', 'a rule as a whole: its row'],
    ['scaleOut', 'scaleOut', 'the shares together: the section'],
    ['account', 'account', 'percent or amount: the risk choice'],
    ['volatility.atrPeriod', 'volatility.atrPeriod', 'the ATR’s parts'],
    ['format', 'plan', 'the version: the plan'],
    ['plan', 'plan', 'the file as a whole'],
  ])('%s → %s (%s)', (field, slot) => {
    expect(formSlotOf(field)).toBe(slot);
  });
});

describe('editing the plan file one field at a time', () => {
  it('keeps what the form does not know, and creates what is on the way', () => {
    expect(withValueAt({ note: 'mine', entry: { price: '1' } }, ['entry', 'when'], 'above')).toEqual({
      note: 'mine',
      entry: { price: '1', when: 'above' },
    });
    expect(withValueAt({}, ['scaleIn', 0, 'step', 'r'], '1')).toEqual({ scaleIn: [{ step: { r: '1' } }] });
  });

  it('an emptied optional section leaves the file, a required one stays to be named', () => {
    expect(withValueAt({ limits: { leverage: '5' } }, ['limits', 'leverage'], undefined)).toEqual({});
    expect(withValueAt({ entry: { price: '1' } }, ['entry', 'price'], undefined)).toEqual({ entry: {} });
  });
});
