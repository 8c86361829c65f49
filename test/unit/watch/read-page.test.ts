// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';

import { hostVenue } from '../../../lib/sites/page-identity';
import { readPage } from '../../../lib/watch/read-page';
import { adapterById } from '../../../lib/sites/registry';
import { chooseTargets, pageMode } from '../../../lib/watch/targets';

function page(title: string, body = ''): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><title>${title}</title><body>${body}</body>`,
    'text/html',
  );
}

describe('readPage', () => {
  it('reads a supported page through its adapter; the venue is the adapter id', () => {
    const doc = page('97,123.4 | BTCUSDT | Binance USDⓈ-M Futures');
    expect(readPage(doc, new URL('https://www.binance.com/en/futures/BTCUSDT'), null)).toEqual({
      ok: true,
      venue: 'binance-futures',
      symbol: 'BTCUSDT',
      price: '97123.4',
      source: 'binance-futures',
      from: 'title',
    });
  });

  it('gives both prices of a page that shows its last price in the title and the order book', () => {
    const doc = page(
      '61,293.4 | BTCUSDT | Binance USDⓈ-M Futures',
      '<div class="orderbook-ticker"><div class="contractPrice">61,020.0</div><div class="markPrice">$61,001.2</div></div>',
    );
    expect(readPage(doc, new URL('https://www.binance.com/en/futures/BTCUSDT'), null)).toMatchObject({
      ok: true,
      price: '61293.4',
      from: 'title',
      pair: {
        first: { place: 'title', price: '61293.4' },
        second: { place: 'order book', price: '61020', followsPointer: false },
      },
    });
  });

  it('reads a page no adapter knows by its title; the venue is the host', () => {
    const doc = page('123.45 | ACMEUSD | Acme Exchange');
    expect(readPage(doc, new URL('https://trade.acme.example/spot/acme-usd'), null)).toMatchObject({
      ok: true,
      venue: 'trade.acme.example',
      symbol: 'ACMEUSD',
      source: 'title',
    });
  });

  it('reads no supported site served over plain http', () => {
    const doc = page('97,123.4 | BTCUSDT | Binance USDⓈ-M Futures');
    expect(readPage(doc, new URL('http://www.binance.com/en/futures/BTCUSDT'), null)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('http://www.binance.com is plain http'),
    });
  });

  it('refuses a title whose symbol disagrees with the URL (mid-switch)', () => {
    const doc = page('3,456.78 | ETHUSDT | Binance USDⓈ-M Futures');
    expect(readPage(doc, new URL('https://www.binance.com/en/futures/BTCUSDT'), null)).toMatchObject({
      ok: false,
    });
  });

  describe('picked element', () => {
    const url = new URL('http://127.0.0.1:8123/quote');

    it('reads the picked element, with the symbol the trader gave', () => {
      const doc = page('Acme Exchange', '<span data-testid="last">123.45</span>');
      expect(
        readPage(doc, url, { selector: '[data-testid="last"]', symbol: 'ACMEUSD', decimalMark: null }),
      ).toEqual({
        ok: true,
        venue: '127.0.0.1:8123',
        symbol: 'ACMEUSD',
        price: '123.45',
        source: 'picker',
        from: 'dom',
      });
    });

    it('takes the symbol from the title when none was given', () => {
      const doc = page('123.40 | ACME/USD | Acme', '<span id="p">123.45</span>');
      expect(readPage(doc, url, { selector: '#p', symbol: null, decimalMark: null })).toMatchObject({
        ok: true,
        symbol: 'ACME/USD',
        price: '123.45',
      });
    });

    it('reads an ambiguous number with the decimal mark the trader chose', () => {
      const doc = page('Acme', '<span id="p">1,234</span>');
      const picked = { selector: '#p', symbol: 'ACMEUSD', decimalMark: ',' as const };
      expect(readPage(doc, url, picked)).toMatchObject({ ok: true, price: '1.234' });
      expect(readPage(doc, url, { ...picked, decimalMark: null }), 'never guessed').toMatchObject({
        ok: false,
      });
    });

    it('says so when no symbol is known', () => {
      const doc = page('Acme Exchange', '<span id="p">123.45</span>');
      expect(readPage(doc, url, { selector: '#p', symbol: null, decimalMark: null })).toMatchObject({
        ok: false,
        reason: expect.stringMatching(/no symbol/),
      });
    });

    it.each([
      { at: 'https://quotes.acme.example/btc', isRead: true, why: 'https' },
      { at: 'http://localhost:3000/btc', isRead: true, why: 'http on this computer' },
      { at: 'http://[::1]:3000/btc', isRead: true, why: 'http on this computer (IPv6)' },
      { at: 'http://quotes.acme.example/btc', isRead: false, why: 'plain http across the network' },
      { at: 'http://192.168.1.20/btc', isRead: false, why: 'plain http on the local network' },
    ])('reads a picked page over $why: $isRead', ({ at, isRead }) => {
      const doc = page('Acme', '<span id="p">123.45</span>');
      const read = readPage(doc, new URL(at), { selector: '#p', symbol: 'ACMEUSD', decimalMark: null });
      expect(read.ok).toBe(isRead);
      if (!read.ok) expect(read.reason).toContain('is plain http');
    });

    it('says so when the element is gone', () => {
      const doc = page('Acme Exchange');
      expect(readPage(doc, url, { selector: '#p', symbol: 'ACMEUSD', decimalMark: null })).toMatchObject({
        ok: false,
      });
    });
  });

  it('names a host venue in lower case with its port', () => {
    expect(hostVenue(new URL('http://EXAMPLE.com:8080/x'))).toBe('example.com:8080');
  });
});

describe('chooseTargets', () => {
  const titleRead = {
    ok: true,
    venue: 'bybit',
    symbol: 'BTCUSDT',
    price: '1',
    source: 'bybit',
    from: 'title',
  } as const;
  const domRead = { ...titleRead, from: 'dom' } as const;
  const pairRead = {
    ...titleRead,
    venue: 'binance-spot',
    source: 'binance-spot',
    pair: {
      first: { place: 'title', price: '1' },
      second: { place: 'order book', price: '1', followsPointer: false },
    },
  } as const;
  const failed = { ok: false, reason: 'loading' } as const;

  it.each([
    [
      'a title adapter that read the title',
      pageMode(null, adapterById('bybit')),
      titleRead,
      false,
      { selector: null, body: 'none' },
    ],
    [
      'a title beside a second place showing the price: that place too, for the cross-check',
      pageMode(null, adapterById('binance-spot')),
      pairRead,
      true,
      { selector: '.orderbook-ticker .contractPrice', body: 'none' },
    ],
    [
      'an adapter that read the DOM, through the price element it names',
      pageMode(null, adapterById('tradingview')),
      domRead,
      true,
      {
        selector: '[data-qa-id="symbol-last-value"], .js-symbol-last, [data-name="legend-series-item"]',
        body: 'structure',
      },
    ],
    [
      'an adapter whose price element is on the page but shows no price yet: that element',
      pageMode(null, adapterById('binance-spot')),
      failed,
      true,
      { selector: '.orderbook-ticker .contractPrice', body: 'structure' },
    ],
    [
      'an adapter that read the DOM, its price element not found: the body’s text',
      pageMode(null, adapterById('tradingview')),
      domRead,
      false,
      { selector: null, body: 'content' },
    ],
    [
      'an adapter page still loading',
      pageMode(null, adapterById('bybit')),
      failed,
      false,
      { selector: null, body: 'structure' },
    ],
    [
      'a page only the title reader knows',
      pageMode(null, adapterById('title')),
      failed,
      false,
      { selector: null, body: 'none' },
    ],
    [
      'a picked element on the page',
      pageMode({ selector: '#p' }, adapterById('title')),
      domRead,
      true,
      { selector: '#p', body: 'none' },
    ],
    [
      'a picked element not rendered yet',
      pageMode({ selector: '#p' }, adapterById('title')),
      failed,
      false,
      { selector: '#p', body: 'structure' },
    ],
  ])('observes %s narrowly', (_, mode, read, isFound, expected) => {
    expect(chooseTargets(mode, read, isFound)).toEqual(expected);
  });
});
