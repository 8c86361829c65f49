import { describe, expect, it } from 'vitest';
import { findAdapter, readQuote } from '../../../lib/sites/registry';
import { pageWithTitle } from './fixtures';

describe('findAdapter routes a URL to the adapter for its page', () => {
  it.each([
    { url: 'https://www.tradingview.com/chart/', id: 'tradingview' },
    { url: 'https://in.tradingview.com/chart/x1Y2z3/?symbol=NSE%3ANIFTY', id: 'tradingview' },
    { url: 'https://www.tradingview.com/symbols/NASDAQ-AAPL/', id: 'tradingview' },
    { url: 'https://www.tradingview.com/symbols/BTCUSDT/ideas/?exchange=BINANCE', id: 'tradingview' },
    { url: 'https://www.tradingview.com/markets/', id: 'title' },
    { url: 'https://www.binance.com/en/trade/BTC_USDT?type=spot', id: 'binance-spot' },
    { url: 'https://www.binance.com/trade/BTC_USDT', id: 'binance-spot' },
    { url: 'https://www.binance.com/pt-BR/trade/ETH_BRL?type=spot', id: 'binance-spot' },
    { url: 'https://www.binance.com/en/futures/BTCUSDT', id: 'binance-futures' },
    { url: 'https://www.binance.com/en/futures/home', id: 'title' },
    { url: 'https://www.binance.com/en/delivery/BTCUSD_PERP', id: 'title' },
    { url: 'https://www.binance.com/en/price/ethereum', id: 'title' },
    { url: 'https://p2p.binance.com/en/trade/sell/USDT?fiat=EUR', id: 'title' },
    { url: 'https://binance.com.evil.example/en/trade/BTC_USDT', id: 'title' },
    { url: 'https://evil.example/www.binance.com/en/trade/BTC_USDT', id: 'title' },
    { url: 'https://www.bybit.com/trade/usdt/BTCUSDT', id: 'bybit' },
    { url: 'https://www.bybit.com/en/trade/spot/BTC/USDT', id: 'bybit' },
    { url: 'https://www.bybit.com/en/markets/overview', id: 'title' },
    { url: 'https://www.okx.com/trade-spot/btc-usdt', id: 'okx' },
    { url: 'https://www.okx.com/ru/trade-spot/BTC-USDT', id: 'okx' },
    { url: 'https://my.okx.com/trade-swap/btc-usdt-swap', id: 'okx' },
    { url: 'https://www.coinbase.com/advanced-trade/spot/BTC-USD', id: 'coinbase' },
    { url: 'https://www.coinbase.com/en-it/advanced-trade/spot/RAVE-USD', id: 'coinbase' },
    { url: 'https://www.coinbase.com/price/bitcoin', id: 'title' },
    { url: 'https://pro.kraken.com/app/trade/btc-usd', id: 'kraken' },
    { url: 'https://www.kraken.com/prices/bitcoin', id: 'title' },
  ])('$url → $id', ({ url, id }) => {
    expect(findAdapter(new URL(url))?.id).toBe(id);
  });

  it.each([
    'chrome://extensions/',
    'file:///home/trader/saved.html',
    // Supported sites are https only: a page on plain http could have been altered on its way.
    'http://www.binance.com/en/trade/BTC_USDT',
    'http://www.tradingview.com/chart/?symbol=BINANCE%3ABTCUSDT',
    'http://exchange.example/trade/BTC-USDT',
  ])('has no adapter for %s', (url) => {
    expect(findAdapter(new URL(url))).toBeUndefined();
  });
});

describe('readQuote', () => {
  it('names the adapter that read the quote', () => {
    const doc = pageWithTitle('97,123.45 | BTCUSDT | Binance Spot');
    expect(readQuote(doc, new URL('https://www.binance.com/en/trade/BTC_USDT'))).toEqual({
      ok: true,
      quote: { symbol: 'BTC_USDT', price: '97123.45', source: 'title' },
      adapterId: 'binance-spot',
    });
  });

  it('falls back to the title reader on a page no site adapter knows', () => {
    const doc = pageWithTitle('ETH-USDT 4,705.32 ▼ −1.02% | Example Exchange');
    const reading = readQuote(doc, new URL('https://exchange.example/trade/ETH-USDT'));
    expect(reading).toMatchObject({
      ok: true,
      adapterId: 'title',
      quote: { symbol: 'ETH-USDT', price: '4705.32' },
    });
  });

  it('says which adapter found nothing', () => {
    const reading = readQuote(
      pageWithTitle('Binance'),
      new URL('https://www.binance.com/en/futures/BTCUSDT'),
    );
    expect(reading).toMatchObject({ ok: false, adapterId: 'binance-futures' });
  });

  it('turns an adapter that throws into a reading with a reason', () => {
    const broken = {
      get title(): string {
        throw new Error('document detached');
      },
    } as unknown as Document;
    const reading = readQuote(broken, new URL('https://www.binance.com/en/trade/BTC_USDT'));
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.reason).toContain('document detached');
  });

  it('has no reading for a URL no adapter serves', () => {
    expect(readQuote(pageWithTitle('97,123.45 | BTCUSDT | x'), new URL('chrome://newtab/'))).toEqual({
      ok: false,
      reason: 'Tranche reads no chrome: pages, only https web pages',
    });
  });

  it('reads no page on plain http, and says why in words a trader can act on', () => {
    const reading = readQuote(
      pageWithTitle('97,123.45 | BTCUSDT | Binance Spot'),
      new URL('http://www.binance.com/en/trade/BTC_USDT'),
    );
    expect(reading).toEqual({
      ok: false,
      reason:
        'http://www.binance.com is plain http: a page that is not encrypted could be altered on its way, so Tranche reads prices only from https pages (and http on this computer)',
    });
  });
});
