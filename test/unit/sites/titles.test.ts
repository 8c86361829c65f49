import { describe, expect, it } from 'vitest';
import { adapterById } from '../../../lib/sites/registry';
import { pageWithTitle } from './fixtures';

/**
 * Title forms beyond the fixtures: each site's shape with other symbols, price sizes,
 * decorations and locales, so the adapters are held to the format, not to one page.
 */
interface TitleCase {
  readonly adapter: string;
  readonly url: string;
  readonly title: string;
  readonly lang?: string;
  readonly symbol?: string;
  readonly price?: string;
  readonly reason?: RegExp;
}

function check({ adapter: id, url, title, lang, symbol, price, reason }: TitleCase): void {
  const adapter = adapterById(id);
  if (adapter === undefined) throw new Error(`no adapter ${id}`);
  const result = adapter.read(pageWithTitle(title, '', lang ?? 'en'), new URL(url));
  if (reason === undefined) {
    expect(result).toEqual({ ok: true, quote: { symbol, price, source: 'title' } });
  } else {
    expect(result.ok, `"${title}" must give no quote`).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  }
}

const TV = 'https://www.tradingview.com/chart/aBcD1234/';

describe('TradingView chart titles', () => {
  it.each<TitleCase>([
    {
      adapter: 'tradingview',
      url: `${TV}?symbol=BINANCE%3ABTCUSDT`,
      title: '(2) BTCUSDT 97,123.45 ▲ +1.23% Unnamed',
      symbol: 'BINANCE:BTCUSDT',
      price: '97123.45',
    },
    {
      adapter: 'tradingview',
      url: `${TV}?symbol=NASDAQ%3AAAPL`,
      title: 'AAPL 229.87 ▼ −0.45% Stocks',
      symbol: 'NASDAQ:AAPL',
      price: '229.87',
    },
    {
      adapter: 'tradingview',
      url: `${TV}?symbol=FX%3AEURUSD`,
      title: 'EURUSD 1.08412 ▲ +0.02% FX majors',
      symbol: 'FX:EURUSD',
      price: '1.08412',
    },
    {
      adapter: 'tradingview',
      url: `${TV}?symbol=COINBASE%3ABTCUSD`,
      title: 'BTCUSD 97123 ▲ +1.2% Unnamed',
      symbol: 'COINBASE:BTCUSD',
      price: '97123',
    },
    {
      adapter: 'tradingview',
      url: `${TV}?symbol=CME_MINI%3ANQ1%21`,
      title: 'NQ1! 21,480.25 ▲ +0.42% Unnamed',
      symbol: 'CME_MINI:NQ1!',
      price: '21480.25',
    },
    {
      adapter: 'tradingview',
      url: `${TV}?symbol=BINANCE%3AETHUSDT`,
      title: 'ETHUSDT 3,456 ▲ +0.5% Unnamed',
      symbol: 'BINANCE:ETHUSDT',
      price: '3456',
    },
    {
      adapter: 'tradingview',
      url: `${TV}?symbol=BINANCE%3ASHIBUSDT`,
      title: 'SHIBUSDT 0.00001234 ▼ −3.10% Memes',
      symbol: 'BINANCE:SHIBUSDT',
      price: '0.00001234',
    },
    {
      adapter: 'tradingview',
      url: `${TV}?symbol=NYSE%3ABRK.B`,
      title: 'BRK.B 456.78 ▲ +0.30% Unnamed',
      symbol: 'NYSE:BRK.B',
      price: '456.78',
    },
    {
      adapter: 'tradingview',
      url: `${TV}?symbol=BINANCE%3ABTCUSDT`,
      title: 'BTCUSDT 97,123.45 +0.00% Unnamed',
      symbol: 'BINANCE:BTCUSDT',
      price: '97123.45',
    },
    {
      adapter: 'tradingview',
      url: `${TV}?symbol=BINANCE%3ABTCUSDT`,
      title: 'BTCUSDT 97,123.45 ▲ +1.23%',
      symbol: 'BINANCE:BTCUSDT',
      price: '97123.45',
    },
    {
      adapter: 'tradingview',
      url: TV,
      title: 'XAUUSD 2,650.10 ▲ +0.8% Gold 4h',
      symbol: 'XAUUSD',
      price: '2650.1',
    },
  ])('reads "$title"', check);

  it.each<TitleCase>([
    {
      adapter: 'tradingview',
      url: `${TV}?symbol=BINANCE%3AETHUSDT`,
      title: 'BTCUSDT 97,123.45 ▲ +1.23% Unnamed',
      reason: /title shows BTCUSDT but the address is for BINANCE:ETHUSDT: the chart is still loading/,
    },
    {
      // docs/page-reading.md#reading-a-number: a price of 0 or below is no price, even where a
      // market printed one (oil, April 2020).
      adapter: 'tradingview',
      url: `${TV}?symbol=TVC%3AUSOIL`,
      title: 'USOIL −37.63 ▼ −305.97% Oil 2020',
      reason: /no price|form|cannot be read/,
    },
    {
      adapter: 'tradingview',
      url: TV,
      title: 'Live stock, index, futures, Forex and Bitcoin charts on TradingView',
      reason: /no price/,
    },
    { adapter: 'tradingview', url: TV, title: 'TradingView', reason: /no price/ },
    { adapter: 'tradingview', url: TV, title: 'NQZ2026 Chart — TradingView', reason: /no price/ },
    { adapter: 'tradingview', url: TV, title: 'BTCUSDT 97,123.45 Unnamed', reason: /form/ },
    {
      adapter: 'tradingview',
      url: TV,
      title: 'BTCUSDT 97.123,45 ▲ +1,23% Unnamed',
      reason: /cannot be read/,
    },
  ])('gives no quote for "$title"', check);
});

describe('Binance titles', () => {
  it.each<TitleCase>([
    {
      adapter: 'binance-spot',
      url: 'https://www.binance.com/en/trade/SHIB_USDT?type=spot',
      title: '0.00001234 | SHIBUSDT | Binance Spot',
      symbol: 'SHIB_USDT',
      price: '0.00001234',
    },
    {
      adapter: 'binance-spot',
      url: 'https://www.binance.com/en/trade/ETH_USDT?type=spot',
      title: '3,456 | ETHUSDT | Binance Spot',
      symbol: 'ETH_USDT',
      price: '3456',
    },
    {
      adapter: 'binance-spot',
      url: 'https://www.binance.com/tr/trade/ETH_BTC?type=spot',
      title: '0.04851 | ETHBTC | Binance Spot',
      lang: 'tr',
      symbol: 'ETH_BTC',
      price: '0.04851',
    },
    {
      adapter: 'binance-spot',
      url: 'https://www.binance.com/en/trade/BTC_USDT?type=cross',
      title: '↑ 97,123.45 | BTCUSDT | Binance Margin',
      symbol: 'BTC_USDT',
      price: '97123.45',
    },
    {
      adapter: 'binance-futures',
      url: 'https://www.binance.com/en/futures/1000PEPEUSDT',
      title: '0.0123456 | 1000PEPEUSDT | Binance USDⓈ-M Futures',
      symbol: '1000PEPEUSDT',
      price: '0.0123456',
    },
    {
      adapter: 'binance-futures',
      url: 'https://www.binance.com/en/futures/BTCUSDT_250627',
      title: '98,010.0 | BTCUSDT_250627 | Binance USDⓈ-M Futures',
      symbol: 'BTCUSDT_250627',
      price: '98010',
    },
  ])('reads "$title"', check);

  it.each<TitleCase>([
    {
      adapter: 'binance-spot',
      url: 'https://www.binance.com/en/trade/ETH_USDT',
      title: '97,123.45 | BTCUSDT | Binance Spot',
      reason:
        /the title shows BTCUSDT but the address is for ETHUSDT: the page is still loading the new pair/,
    },
    {
      adapter: 'binance-spot',
      url: 'https://www.binance.com/en/trade/ETH_USDT',
      title: '4,705.32 | Binance Spot',
      reason: /names no pair/,
    },
    {
      adapter: 'binance-spot',
      url: 'https://www.binance.com/en/trade/ETH_USDT',
      title: '4,705.32 | 4,705.40 | ETHUSDT | Binance',
      reason: /several numbers/,
    },
    {
      adapter: 'binance-futures',
      url: 'https://www.binance.com/en/futures/BTCUSDT',
      title: '97.080,1 | BTCUSDT | Binance Futures',
      reason: /cannot be read/,
    },
  ])('gives no quote for "$title"', check);
});

describe('Bybit titles', () => {
  it.each<TitleCase>([
    {
      adapter: 'bybit',
      url: 'https://www.bybit.com/ru-RU/trade/usdt/BTCUSDT',
      lang: 'ru',
      title: '▼ 77170 | Трейдинг BTCUSDT | Bybit Бессрочные контракты',
      symbol: 'BTCUSDT',
      price: '77170',
    },
    {
      adapter: 'bybit',
      url: 'https://www.bybit.com/trade/usdt/DOGEUSDT',
      title: '▲ 0.3512 | Trade DOGEUSDT | Bybit Perpetual',
      symbol: 'DOGEUSDT',
      price: '0.3512',
    },
    {
      adapter: 'bybit',
      url: 'https://www.bybit.com/en/trade/spot/ETH/USDT',
      title: '▲ 3,456 | ETH/USDT | Bybit Spot',
      symbol: 'ETH/USDT',
      price: '3456',
    },
    {
      // Bybit prints the bare last price in every language (77170 on the Russian page).
      adapter: 'bybit',
      url: 'https://www.bybit.com/de-DE/trade/usdt/ETHUSDT',
      lang: 'de',
      title: '▲ 3.456 | ETHUSDT | Bybit',
      symbol: 'ETHUSDT',
      price: '3.456',
    },
  ])('reads "$title"', check);

  it.each<TitleCase>([
    {
      adapter: 'bybit',
      url: 'https://www.bybit.com/trade/usdt/ETHUSDT',
      title: '▼ 77170 | Trade BTCUSDT | Bybit Perpetual',
      reason: /still loading the new pair/,
    },
    {
      adapter: 'bybit',
      url: 'https://www.bybit.com/de-DE/trade/usdt/BTCUSDT',
      lang: 'de',
      title: '▲ 97.123,4 | BTCUSDT | Bybit',
      reason: /after its decimal mark/,
    },
  ])('gives no quote for "$title"', check);
});

describe('OKX, Coinbase and Kraken titles', () => {
  it.each<TitleCase>([
    {
      adapter: 'okx',
      url: 'https://www.okx.com/trade-spot/btc-usdt',
      title: 'BTC-USDT 97,123.4 | OKX',
      symbol: 'BTC-USDT',
      price: '97123.4',
    },
    {
      adapter: 'okx',
      url: 'https://www.okx.com/trade-spot/btc-usdt',
      title: '97,123.4 BTCUSDT +1.2% | Buy and sell Bitcoin | OKX',
      symbol: 'BTC-USDT',
      price: '97123.4',
    },
    {
      adapter: 'okx',
      url: 'https://www.okx.com/trade-swap/eth-usdt-swap',
      title: 'ETH-USDT-SWAP 4,705.3 | OKX',
      symbol: 'ETH-USDT-SWAP',
      price: '4705.3',
    },
    {
      adapter: 'coinbase',
      url: 'https://www.coinbase.com/advanced-trade/spot/SOL-USD',
      title: '$212.48 SOL-USD | Coinbase Advanced',
      symbol: 'SOL-USD',
      price: '212.48',
    },
    {
      adapter: 'coinbase',
      url: 'https://www.coinbase.com/fr-fr/advanced-trade/spot/BTC-EUR',
      lang: 'fr',
      title: 'BTC-EUR 89\u202F123,45 € | Coinbase Advanced',
      symbol: 'BTC-EUR',
      price: '89123.45',
    },
    {
      adapter: 'kraken',
      url: 'https://pro.kraken.com/app/trade/margin-btc-usd',
      title: 'BTC/USD 97,123.4 | Kraken Pro',
      symbol: 'BTC-USD',
      price: '97123.4',
    },
    {
      // The page's language settles "3.456": German groups with ".", so 3456.
      adapter: 'coinbase',
      url: 'https://www.coinbase.com/de-de/advanced-trade/spot/ETH-EUR',
      lang: 'de',
      title: 'ETH-EUR 3.456 € | Coinbase',
      symbol: 'ETH-EUR',
      price: '3456',
    },
    {
      adapter: 'kraken',
      url: 'https://pro.kraken.com/app/trade/doge-usd',
      title: 'XDG/USD 0.35123 | Kraken Pro',
      symbol: 'DOGE-USD',
      price: '0.35123',
    },
  ])('reads "$title"', check);

  it.each<TitleCase>([
    {
      adapter: 'okx',
      url: 'https://www.okx.com/trade-spot/eth-usdt',
      title: 'BTC/USDT 97,123.4 | ETH/USDT 4,705.3 | OKX',
      reason: /still loading the new pair|several numbers/,
    },
    {
      adapter: 'okx',
      url: 'https://www.okx.com/trade-spot/eth-usdt',
      title: 'ETH/USDT 4,705.3 | BTC/USDT | OKX',
      reason: /title shows BTC\/USDT but the address is for ETHUSDT/,
    },
    {
      adapter: 'okx',
      url: 'https://www.okx.com/trade-spot/eth-usdt',
      title: '4,705.3 ETH USDT 97,123.4 | OKX',
      reason: /several numbers/,
    },
    {
      adapter: 'coinbase',
      url: 'https://www.coinbase.com/fr-fr/advanced-trade/spot/BTC-EUR',
      lang: 'fr',
      title: 'BTC-EUR 89 123,45 € | Coinbase',
      reason: /several numbers/,
    },
    {
      adapter: 'coinbase',
      url: 'https://www.coinbase.com/advanced-trade/spot/ETH-EUR',
      lang: '',
      title: 'ETH-EUR 3.456 € | Coinbase',
      reason: /ambiguous/,
    },
    {
      adapter: 'kraken',
      url: 'https://pro.kraken.com/app/trade/eth-usd',
      title: 'ETH/USD −4,705.32 | Kraken Pro',
      reason: /no price/,
    },
  ])('gives no quote for "$title"', check);
});

describe('the generic title reader', () => {
  const ANY = 'https://exchange.example/trade';
  it.each<TitleCase>([
    {
      adapter: 'title',
      url: ANY,
      title: '97,123.45 | BTCUSDT | SomeExchange',
      symbol: 'BTCUSDT',
      price: '97123.45',
    },
    {
      adapter: 'title',
      url: ANY,
      title: 'BTCUSDT 97,123.45 ▲ +1.23% Unnamed',
      symbol: 'BTCUSDT',
      price: '97123.45',
    },
    {
      adapter: 'title',
      url: ANY,
      title: '▼ 0.3512 | Trade DOGE/USDT | Example',
      symbol: 'DOGE/USDT',
      price: '0.3512',
    },
    { adapter: 'title', url: ANY, title: 'ETH 4,705.32 | Example', symbol: 'ETH', price: '4705.32' },
    { adapter: 'title', url: ANY, title: '$97,123.45 | BTC | Example', symbol: 'BTC', price: '97123.45' },
    // docs/page-reading.md#reading-a-number: the page's language settles one separator followed by
    // three digits.
    { adapter: 'title', url: ANY, title: '55.063 | HYPE | Hyperliquid', symbol: 'HYPE', price: '55.063' },
    {
      adapter: 'title',
      url: ANY,
      title: '55.063 | HYPE | Hyperliquid',
      lang: 'de',
      symbol: 'HYPE',
      price: '55063',
    },
    { adapter: 'title', url: ANY, title: 'ETH 4,705 | Example', symbol: 'ETH', price: '4705' },
  ])('reads "$title"', check);

  it.each<TitleCase>([
    { adapter: 'title', url: ANY, title: 'Bitcoin price today: $97,123.45', reason: /no symbol/ },
    { adapter: 'title', url: ANY, title: 'BTC 97,123.45 | ETH 4,705.32', reason: /several numbers/ },
    { adapter: 'title', url: ANY, title: 'Top 10 coins | Example', reason: /no symbol/ },
    { adapter: 'title', url: ANY, title: 'Dashboard (3) | Example', reason: /no symbol/ },
    { adapter: 'title', url: ANY, title: 'BTCUSDT 97,123.45 | ETHUSDT | Example', reason: /two symbols/ },
    { adapter: 'title', url: ANY, title: 'ETH 4,705 | Example', lang: '', reason: /ambiguous/ },
    { adapter: 'title', url: ANY, title: 'Financial Markets — TradingView', reason: /no price/ },
    { adapter: 'title', url: ANY, title: '', reason: /no price/ },
  ])('gives no quote for "$title"', check);
});
