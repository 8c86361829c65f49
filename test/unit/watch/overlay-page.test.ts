import { describe, expect, it } from 'vitest';

import { normalizeSymbol } from '../../../lib/sites/symbol';
import { clampPlacement, isTradePage, overlayPageOf } from '../../../lib/watch/overlay-page';
import type { ContentRead } from '../../../lib/watch/read-page';

const read = (overrides: Partial<Extract<ContentRead, { ok: true }>> = {}): ContentRead => ({
  ok: true,
  venue: 'binance-futures',
  symbol: 'BTCUSDT',
  price: '97123.4',
  source: 'binance-futures',
  from: 'title',
  ...overrides,
});

describe('overlayPageOf', () => {
  const top = { isTopFrame: true, normalizeSymbol };

  it('gives a supported site’s top frame its venue and normalized symbol', () => {
    expect(overlayPageOf(read({ symbol: 'BINANCE:BTC-USDT' }), top)).toEqual({
      venue: 'binance-futures',
      symbol: 'BTCUSDT',
    });
  });

  it.each<[string, ContentRead, boolean]>([
    ['an embedded chart (not the top frame)', read(), false],
    ['a page read from its title alone', read({ source: 'title', venue: 'example.com' }), true],
    ['a picked element', read({ source: 'picker', venue: '127.0.0.1:8123' }), true],
    ['a failed read', { ok: false, reason: 'no price yet' }, true],
  ])('gives no panel to %s', (_, reading, isTopFrame) => {
    expect(overlayPageOf(reading, { isTopFrame, normalizeSymbol })).toBeNull();
  });
});

describe('isTradePage', () => {
  it.each([
    ['https://www.binance.com/en/futures/BTCUSDT', true],
    ['https://www.tradingview.com/chart/aBcD1234/?symbol=BINANCE%3ABTCUSDT', true],
    ['https://www.binance.com/en', false],
    ['https://example.com/quote', false],
  ])('%s → %s', (address, isTrade) => {
    expect(isTradePage(new URL(address))).toBe(isTrade);
  });
});

describe('clampPlacement', () => {
  const panel = { width: 300, height: 400 };
  const viewport = { width: 1280, height: 800 };

  it('puts a site never moved on in the top-right corner', () => {
    // 1280 − 300 − 16 = 964; 72 below the top, under a page's header.
    expect(clampPlacement(null, panel, viewport)).toEqual({ left: 964, top: 72 });
  });

  it('keeps a remembered place that fits', () => {
    expect(clampPlacement({ left: 100, top: 200 }, panel, viewport)).toEqual({ left: 100, top: 200 });
  });

  it('moves a place beyond the viewport back inside, 8 px from the edge', () => {
    expect(clampPlacement({ left: 1200, top: 700 }, panel, viewport)).toEqual({ left: 972, top: 392 });
    expect(clampPlacement({ left: 0, top: 0 }, panel, viewport)).toEqual({ left: 8, top: 8 });
  });

  it('pins a panel bigger than the viewport to its top-left margin', () => {
    expect(clampPlacement({ left: 500, top: 500 }, panel, { width: 200, height: 300 })).toEqual({
      left: 8,
      top: 8,
    });
  });
});
