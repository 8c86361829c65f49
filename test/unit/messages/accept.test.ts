import { describe, expect, it } from 'vitest';

import { acceptMessage, type AcceptContext } from '../../../lib/messages/accept';
import type { SenderFields } from '../../../lib/messages/sender';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}`;
const CONTEXT: AcceptContext = {
  extensionId: EXTENSION_ID,
  extensionOrigin: EXTENSION_ORIGIN,
  contentOrigins: ['*://*.binance.com/*', 'http://127.0.0.1:8123/*'],
  pendingPick: { tabId: 7, origin: 'http://127.0.0.1:8123' },
  picked: {},
};

const binanceTab: SenderFields = {
  id: EXTENSION_ID,
  url: 'https://www.binance.com/en/futures/BTCUSDT',
  origin: 'https://www.binance.com',
  tab: { id: 5 },
  frameId: 0,
};
const pickedTab: SenderFields = {
  id: EXTENSION_ID,
  url: 'http://127.0.0.1:8123/',
  origin: 'http://127.0.0.1:8123',
  tab: { id: 7 },
  frameId: 0,
};
const popup: SenderFields = {
  id: EXTENSION_ID,
  url: `${EXTENSION_ORIGIN}/popup.html`,
  origin: EXTENSION_ORIGIN,
};

const tick = {
  type: 'tick',
  venue: 'binance-futures',
  symbol: 'BTCUSDT',
  price: '97123.45',
  time: 1_764_149_400_000,
  source: 'binance-futures',
};

describe('acceptMessage', () => {
  it('accepts a well-formed tick from a content script on a supported origin', () => {
    expect(acceptMessage(tick, binanceTab, CONTEXT)).toEqual({
      ok: true,
      request: tick,
      sender: { role: 'content', origin: 'https://www.binance.com', tabId: 5, frameId: 0 },
    });
  });

  it('accepts extension-page requests only from extension pages', () => {
    const start = { type: 'picker-start', tabId: 7 };
    expect(acceptMessage(start, popup, CONTEXT)).toMatchObject({
      ok: true,
      sender: { role: 'extension-page' },
    });
    expect(acceptMessage(start, binanceTab, CONTEXT), 'a page cannot start a picker on itself').toEqual({
      ok: false,
      reason: 'not-extension-page',
      type: 'picker-start',
    });
  });

  it.each<[string, unknown, SenderFields, string]>([
    ['a tick from the popup', tick, popup, 'not-in-tab'],
    ['a tick from another extension', tick, { ...binanceTab, id: 'z'.repeat(32) }, 'foreign-extension'],
    ['a price written with separators', { ...tick, price: '97,123.45' }, binanceTab, 'malformed'],
    ['a price with trailing zeros', { ...tick, price: '97123.40' }, binanceTab, 'malformed'],
    ['a price as a number', { ...tick, price: 97123.45 }, binanceTab, 'malformed'],
    ['a field the schema does not name', { ...tick, engine: 'fill' }, binanceTab, 'malformed'],
    ['a tick without a time', { ...tick, time: undefined }, binanceTab, 'malformed'],
    [
      'a stale report from an unknown origin',
      { type: 'stale', venue: 'x', symbol: 'Y', since: 1 },
      { ...binanceTab, origin: 'https://evil.example', url: 'https://evil.example/' },
      'origin-not-allowed',
    ],
  ])('refuses %s', (_, raw, sender, reason) => {
    expect(acceptMessage(raw, sender, CONTEXT)).toMatchObject({ ok: false, reason });
  });

  it.each([null, 'tick', 42, {}, { type: 'fill' }, { type: 'constructor' }, { type: '__proto__' }])(
    'refuses %j as an unknown type',
    (raw) => {
      expect(acceptMessage(raw, binanceTab, CONTEXT)).toEqual({
        ok: false,
        reason: 'unknown-type',
        type: null,
      });
    },
  );

  describe('picker answers', () => {
    const result = {
      type: 'picker-result',
      selector: '[data-testid="last-price"]',
      price: '123.45',
      symbol: null,
      decimalMark: null,
    };

    it('are accepted from the top frame of the tab and origin the picker was started on', () => {
      expect(acceptMessage(result, pickedTab, CONTEXT)).toMatchObject({
        ok: true,
        sender: { role: 'picker', origin: 'http://127.0.0.1:8123', tabId: 7 },
      });
    });

    it.each<[string, SenderFields, AcceptContext, string]>([
      ['when no picker is pending', pickedTab, { ...CONTEXT, pendingPick: null }, 'not-pending-picker'],
      [
        'from another tab of the same origin',
        { ...pickedTab, tab: { id: 8 } },
        CONTEXT,
        'not-pending-picker',
      ],
      ['from a child frame', { ...pickedTab, frameId: 2 }, CONTEXT, 'not-pending-picker'],
      ['from a supported site in that tab', { ...binanceTab, tab: { id: 7 } }, CONTEXT, 'origin-not-allowed'],
    ])('are refused %s', (_, sender, context, reason) => {
      expect(acceptMessage(result, sender, context)).toMatchObject({ ok: false, reason });
    });
  });
});
