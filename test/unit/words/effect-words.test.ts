import { describe, expect, it } from 'vitest';

import type { AlertEffect, Effect, SkipReason } from '../../../lib/engine/effects';
import { alertWords, effectWords, skipWords } from '../../../lib/words/effect-words';
import { notificationWords } from '../../../lib/words/notification-words';
import { shortTrancheName, trancheName } from '../../../lib/words/tranche-words';
import { plan } from '../helpers';

// The engine says what happened as data; these are the words a trader reads, made in one
// place for the notifications, the popup and planner, the journal and the command line.
// Base plan: TEST long, tick 0.01, lot 1; here with two adds and three targets.
const LADDER = plan({
  scaleIn: [
    { step: { r: '1' }, size: '0.5' },
    { step: { r: '1' }, size: '0.5' },
  ],
  scaleOut: [
    { at: { r: '2' }, share: '0.25' },
    { at: { r: '3' }, share: '0.25' },
    { at: { r: '4' }, share: 'rest' },
  ],
});
const ONLY_BUDGET = plan({ account: { riskAmount: '100' } });

const at = { type: 'alert', time: 0 } as const;

describe('tranche names', () => {
  it.each([
    ['entry', 'entry'],
    ['stop', 'stop'],
    ['add-2', 'add 2 of 2'],
    ['target-1', 'target 1 of 3'],
    ['price', 'price'],
  ])('%s is “%s”', (id, name) => {
    expect(trancheName(LADDER, id)).toBe(name);
  });

  it.each([
    ['entry', 'Entry'],
    ['add-1', 'Add 1'],
    ['target-12', 'Target 12'],
    ['stop', 'Stop'],
  ])('%s is “%s” on a chart', (id, name) => {
    expect(shortTrancheName(id)).toBe(name);
  });
});

describe('alerts', () => {
  it.each<[string, AlertEffect, string]>([
    [
      // |100.2 − 100| / 100 × 100 = 0.2 %
      'approach',
      { ...at, kind: 'approach', tranche: 'entry', price: '100', qty: null, lastPrice: '99.8' },
      'entry at 100.00 is 0.20% away',
    ],
    [
      'trigger',
      { ...at, kind: 'trigger', tranche: 'add-1', price: '105', qty: '10' },
      'add 1 of 2 at 105.00: buy 10',
    ],
    [
      'target',
      { ...at, kind: 'target', tranche: 'target-1', price: '110', qty: '7' },
      'target 1 of 3 at 110.00: sell 7',
    ],
    ['stop', { ...at, kind: 'stop', tranche: 'stop', price: '95', qty: '30' }, 'stop at 95.00: close 30'],
    [
      'risk of a gap entry',
      {
        ...at,
        kind: 'risk',
        tranche: 'entry',
        price: '102',
        qty: '20',
        risk: { cause: 'entry-risk', risk: '140', planned: '100' },
      },
      'entry filled at 102.00: risk 140 exceeds the planned 100',
    ],
    [
      'risk cut',
      {
        ...at,
        kind: 'risk',
        tranche: 'add-1',
        price: '105',
        qty: '2',
        risk: {
          cause: 'cut',
          plannedQty: '20',
          limits: [
            { limit: 'max-qty', maxQty: '40' },
            { limit: 'max-open-risk', percent: '1.23', cap: '123' },
          ],
        },
      },
      'add 1 of 2 cut from 20 to 2: the position may not exceed maxQty 40; open risk may not exceed 1.23% of equity (123)',
    ],
    [
      'stale',
      { ...at, kind: 'stale', tranche: 'price', price: '100', qty: null, since: Date.UTC(2026, 0, 5, 10) },
      'price is stale: no fresh quote since 2026-01-05T10:00:00.000Z',
    ],
  ])('%s', (_name, alert, words) => {
    expect(alertWords(LADDER, alert)).toBe(words);
  });

  it('names the risk budget as the cap’s base when the plan gives only a risk amount', () => {
    const reason: SkipReason = {
      code: 'limits',
      limits: [{ limit: 'max-open-risk', percent: '150', cap: '150' }],
    };
    expect(skipWords(ONLY_BUDGET, reason)).toBe(
      'skipped: open risk may not exceed 150% of the risk budget (150)',
    );
  });
});

describe('skip reasons', () => {
  it.each<[SkipReason, string]>([
    [{ code: 'trader' }, 'skipped by the trader'],
    [
      { code: 'too-small', tooSmall: { why: 'zero', lotStep: '1' } },
      'too small: quantity rounds down to 0 at the lot step 1',
    ],
    [
      { code: 'too-small', tooSmall: { why: 'min-qty', qty: '4', minQty: '5' } },
      'too small: quantity 4 is below the minimum 5',
    ],
    [
      {
        code: 'too-small',
        tooSmall: { why: 'min-notional', qty: '4', price: '105', notional: '420', minNotional: '500' },
      },
      'too small: notional 420 (4 × 105) is below the minimum 500',
    ],
    [
      { code: 'limits', limits: [{ limit: 'max-qty', maxQty: '20' }] },
      'skipped: the position may not exceed maxQty 20',
    ],
    [
      { code: 'liquidation', stop: '104', liquidation: '105.05', leverage: '20', safeLeverage: 16 },
      'the stop 104.00 lies beyond the liquidation estimate 105.05 at 20x leverage; use 16x or less',
    ],
    [{ code: 'noted', text: 'as an earlier Tranche said it' }, 'as an earlier Tranche said it'],
  ])('%j', (reason, words) => {
    expect(skipWords(LADDER, reason)).toBe(words);
  });
});

describe('refusals and errors', () => {
  it.each<[Effect, string]>([
    [
      {
        type: 'rejected',
        event: 'fill',
        tranche: 'add-1',
        rejection: { code: 'not-waiting', status: 'pending' },
        time: 0,
      },
      'add-1 is pending, not waiting for confirmation',
    ],
    [
      {
        type: 'rejected',
        event: 'skip',
        tranche: 'add-1',
        rejection: { code: 'settled', status: 'filled' },
        time: 0,
      },
      'add-1 is already filled',
    ],
    [
      { type: 'rejected', event: 'fill', tranche: 'add-9', rejection: { code: 'no-tranche' }, time: 0 },
      'the plan has no tranche "add-9"',
    ],
    [
      {
        type: 'rejected',
        event: 'fill',
        tranche: 'add-1',
        rejection: { code: 'not-lot-multiple', qty: '1.5', lotStep: '1' },
        time: 0,
      },
      'quantity 1.5 is not a multiple of the lot step 1',
    ],
    [
      { type: 'error', code: 'atr-unavailable', price: '110', period: 4, time: 0 },
      "the entry triggered at 110 but the ATR is not known yet: atrPeriod 4 needs at least 4 completed candles before the entry's candle",
    ],
  ])('%j', (effect, words) => {
    expect(effectWords(LADDER, effect)).toBe(words);
  });

  it('has no words for a fill or a phase: they are shown as numbers', () => {
    expect(effectWords(LADDER, { type: 'phase', phase: 'active', time: 0 })).toBeNull();
  });
});

describe('notifications', () => {
  it('a waiting tranche: what to do, and the stop after it', () => {
    const alert: AlertEffect = { ...at, kind: 'trigger', tranche: 'add-1', price: '105', qty: '10' };
    expect(notificationWords(LADDER, alert, { stopAfter: '101.67' })).toEqual({
      title: 'TEST long · add 1 of 2 at 105.00',
      message: 'Buy 10 · stop after: 101.67',
    });
  });

  it('an approach: the title says so, the body the distance', () => {
    const alert: AlertEffect = {
      ...at,
      kind: 'approach',
      tranche: 'target-2',
      price: '115',
      qty: null,
      lastPrice: '114.9',
    };
    // |114.9 − 115| / 115 × 100 = 0.0869… → 0.09
    expect(notificationWords(LADDER, alert, null)).toEqual({
      title: 'TEST long · target 2 of 3 approaching at 115.00',
      message: 'target 2 of 3 at 115.00 is 0.09% away',
    });
  });

  it.each<[AlertEffect, string]>([
    [
      { ...at, kind: 'stale', tranche: 'price', price: '100', qty: null, since: 0 },
      'TEST long · price stale',
    ],
    [
      {
        ...at,
        kind: 'risk',
        tranche: 'entry',
        price: '102',
        qty: '20',
        risk: { cause: 'entry-risk', risk: '140', planned: '100' },
      },
      'TEST long · risk above plan',
    ],
    [
      {
        ...at,
        kind: 'risk',
        tranche: 'add-1',
        price: '105',
        qty: '2',
        risk: { cause: 'cut', plannedQty: '20', limits: [] },
      },
      'TEST long · risk cap',
    ],
  ])('titles %j', (alert, title) => {
    expect(notificationWords(LADDER, alert, null).title).toBe(title);
  });
});
