import { describe, expect, it } from 'vitest';
import { splitJoinedPair, splitSeparatedPair } from '../../../lib/sites/shared/instrument';
import { instrumentsNamed } from '../../../lib/sites/shared/title-pairs';
import { classifyTitle, readTitle } from '../../../lib/sites/shared/title-words';
import { isSameSymbol } from '../../../lib/sites/symbol';
import type { PageInstrument } from '../../../lib/sites/shared/instrument';

const BTC_USDT: PageInstrument = { symbol: 'BTC_USDT', base: 'BTC', quote: 'USDT' };
const same = (titlePair: string, page: PageInstrument) =>
  isSameSymbol(titlePair, `${page.base}/${page.quote}`);

function named(title: string, page: PageInstrument = BTC_USDT) {
  const reading = readTitle(title, { decimal: '.' });
  const words = reading.ok ? reading.words : classifyTitle(title);
  return instrumentsNamed(words, page, same, reading.ok ? reading.priceWord : undefined);
}

describe('instrumentsNamed finds the pair by shape, in any language', () => {
  it.each([
    { title: '97,123.45 | BTCUSDT | Binance Spot', text: 'BTCUSDT', why: 'joined' },
    {
      title: '97,123.45 Trade BTC/USDT Spot | Crypto, bStocks & tCommodities',
      text: 'BTC/USDT',
      why: 'slashed, English',
    },
    {
      title: '97,123.45 BTC/USDT 현물 거래 | 암호화폐, 주식 및 원자재',
      text: 'BTC/USDT',
      why: 'slashed, Korean',
    },
    { title: '61,293.4 BTC USDT 现货交易 | 欧易', text: 'BTC USDT', why: 'two words, Chinese' },
    {
      title: '▼ 77170 | Трейдинг BTCUSDT | Bybit Бессрочные контракты',
      text: 'BTCUSDT',
      why: 'joined, Russian',
    },
    { title: '97,123.45 | BTC | Binance Spot', text: 'BTC', why: 'the base alone after a price alone' },
  ])('$why: "$title" names $text, the pair of the page', ({ title, text }) => {
    expect(named(title)).toEqual([{ text, isPage: true }]);
  });

  it('reads a base written in Chinese before the slash', () => {
    const page = { symbol: '牛来_USDT', base: '牛来', quote: 'USDT' };
    expect(named('0.0004127 牛来/USDT 现货交易 | 加密货币', page)).toEqual([
      { text: '牛来/USDT', isPage: true },
    ]);
  });

  it.each([
    { title: '4,705.32 Trade ETH/USDT Spot | Crypto', text: 'ETH/USDT' },
    { title: '4,705.3 ETH USDT 现货交易 | 欧易', text: 'ETH USDT' },
    { title: '0.003856 | PUMPU | Binance Spot', text: 'PUMPU' },
  ])('tells "$title" names another pair ($text)', ({ title, text }) => {
    expect(named(title)).toEqual([{ text, isPage: false }]);
  });

  it.each([
    '97,123.45 | Binance Spot',
    'Binance Spot | Buy and Sell Bitcoin, Ethereum and Altcoins',
    '97,123.45 | OKX',
    '암호화폐, 주식 및 원자재',
  ])('finds no pair in "%s" (site names and words are not tickers)', (title) => {
    expect(named(title)).toEqual([]);
  });
});

describe('the instrument an address names', () => {
  it.each([
    { joined: 'BTCUSDT', base: 'BTC', quote: 'USDT' },
    { joined: '1000PEPEUSDT', base: '1000PEPE', quote: 'USDT' },
    { joined: 'ETHBTC', base: 'ETH', quote: 'BTC' },
    { joined: 'BTCFDUSD', base: 'BTC', quote: 'FDUSD' },
    { joined: 'BTCPERP', base: 'BTC', quote: 'PERP' },
    { joined: 'BTCUSDT_250627', base: 'BTC', quote: 'USDT_250627' },
  ])('$joined is $base / $quote', ({ joined, base, quote }) => {
    expect(splitJoinedPair(joined)).toEqual({ symbol: joined, base, quote });
  });

  it('has no instrument in a word with no quote currency at its end', () => {
    expect(splitJoinedPair('BITCOIN')).toBeUndefined();
    expect(splitJoinedPair('USDT')).toBeUndefined();
  });

  it('splits a separated pair at its first separator', () => {
    expect(splitSeparatedPair('BTC-USDT-SWAP')).toEqual({
      symbol: 'BTC-USDT-SWAP',
      base: 'BTC',
      quote: 'USDT',
    });
    expect(splitSeparatedPair('牛来_USDT')).toEqual({ symbol: '牛来_USDT', base: '牛来', quote: 'USDT' });
    expect(splitSeparatedPair('BTCUSDT')).toBeUndefined();
  });
});
