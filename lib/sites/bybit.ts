import { conventionForLocale, pageLocale, readExchangeTitle } from './shared/exchange-title';
import type { SiteAdapter } from './types';

/*
 * Sources: a real Bybit tab title recorded in a public test (CaspianG/daytrace,
 * semantic-model test): `▼ 77170 | Трейдинг BTCUSDT | Bybit Бессрочные контракты` — an
 * arrow, the last price, the pair in the middle part and "Bybit <product>" last, on a
 * Russian-language page. URL shapes from public link builders:
 * https://www.bybit.com/trade/usdt/BTCUSDT and https://www.bybit.com/en/trade/spot/ETH/USDT.
 * No public source names a stable attribute on Bybit's price node, so only the title is read.
 */

function isBybitHost(url: URL): boolean {
  return url.hostname === 'www.bybit.com' || url.hostname === 'bybit.com';
}

/** `/trade/usdt/BTCUSDT`, `/en/trade/usdc/BTCPERP`, `/trade/inverse/BTCUSD`. */
const DERIVATIVES_PATH =
  /^\/(?:([a-z]{2}(?:-[A-Za-z]{2,4})?)\/)?trade\/(?:usdt|usdc|inverse)\/([A-Za-z0-9]+)\/?$/;
/** `/trade/spot/BTC/USDT`, `/en/trade/spot/ETH/USDT`. */
const SPOT_PATH = /^\/(?:([a-z]{2}(?:-[A-Za-z]{2,4})?)\/)?trade\/spot\/([A-Za-z0-9]+)\/([A-Za-z0-9]+)\/?$/;

function pageOf(url: URL): { symbol: string; locale: string | undefined } | undefined {
  if (!isBybitHost(url)) return undefined;
  const derivatives = DERIVATIVES_PATH.exec(url.pathname);
  if (derivatives?.[2] !== undefined) return { symbol: derivatives[2].toUpperCase(), locale: derivatives[1] };
  const spot = SPOT_PATH.exec(url.pathname);
  if (spot?.[2] !== undefined && spot[3] !== undefined) {
    return { symbol: `${spot[2]}/${spot[3]}`.toUpperCase(), locale: spot[1] };
  }
  return undefined;
}

export const bybit: SiteAdapter = {
  id: 'bybit',
  label: 'Bybit',
  matches: (url) => pageOf(url) !== undefined,
  urlSymbol: (url) => pageOf(url)?.symbol,
  read(root, url) {
    const page = pageOf(url);
    if (page === undefined) return { ok: false, reason: `${url.pathname} is not a Bybit trade page` };
    return readExchangeTitle(root, {
      urlSymbol: page.symbol,
      convention: conventionForLocale(pageLocale(root, page.locale)),
    });
  },
};

/*
 * Fixtures stand for:
 * - https://www.bybit.com/trade/usdt/BTCUSDT (normal, loading), then /trade/usdt/ETHUSDT after a switch
 * - https://www.bybit.com/ru-RU/trade/usdt/BTCUSDT (the recorded Russian title)
 * - https://www.bybit.com/en/trade/spot/BTC/USDT (spot)
 */
