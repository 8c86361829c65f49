import { describe, expect, it } from 'vitest';

import { instrumentForPage } from '../../../lib/instruments/page-instrument';

describe('instrumentForPage: the steps a plan made on a page starts from', () => {
  it('takes the instrument table’s steps for the page’s venue and symbol', () => {
    expect(instrumentForPage('binance-futures', 'BTCUSDT', '59800')).toEqual({
      spec: { tickSize: '0.1', lotStep: '0.001', minQty: '0.001', minNotional: '100' },
      source: 'table',
    });
  });

  it.each([
    // [venue, symbol, last price, tick, lot, why]
    ['kraken', 'FOOUSD', '1.2345', '0.0001', '0.1', 'four decimals; 1 / 1.2345 = 0.81 → 10^-1'],
    [
      'www.example.com',
      'XYZUSDT',
      '61293.4',
      '0.1',
      '0.00001',
      'a picked site: one decimal; 1 / 61293.4 → 10^-5',
    ],
    ['binance', 'BTCUSDT', '150', '1', '0.001', 'a family names no one market: the table is not used'],
  ])('%s %s at %s: tick %s and lot %s from the price (%s)', (venue, symbol, price, tickSize, lotStep) => {
    expect(instrumentForPage(venue, symbol, price)).toEqual({ spec: { tickSize, lotStep }, source: 'price' });
  });

  it('gives nothing to start from without a price or a table entry: the trader types the steps', () => {
    expect(instrumentForPage('kraken', 'FOOUSD', null)).toEqual({ spec: null, source: 'none' });
  });
});
