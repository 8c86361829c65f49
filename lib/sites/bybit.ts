import type { PriceConvention } from '../price';
import { readTitleQuote } from './shared/exchange-title';
import { splitJoinedPair, type PageInstrument } from './shared/instrument';
import type { SiteAdapter } from './types';

/*
 * Sources: a real Bybit tab title recorded in a public test (CaspianG/daytrace,
 * semantic-model test): `▼ 77170 | Трейдинг BTCUSDT | Bybit Бессрочные контракты` — an
 * arrow, the last price, the pair in the middle part and "Bybit <product>" last, on a
 * Russian-language page. The price is printed bare (77170, not 77 170 as Russian would
 * group it), so Bybit's titles write "." decimals whatever the language. URL shapes from
 * public link builders: https://www.bybit.com/trade/usdt/BTCUSDT and
 * https://www.bybit.com/en/trade/spot/ETH/USDT. No public source names a stable
 * attribute on Bybit's price node, so only the title is read.
 */

/** The raw last price, "77170" or "0.3512", in every language. */
const CONVENTION: PriceConvention = { decimal: '.' };

function isBybitHost(url: URL): boolean {
  return url.hostname === 'www.bybit.com' || url.hostname === 'bybit.com';
}

/** `/trade/usdt/BTCUSDT`, `/ru-RU/trade/usdc/BTCPERP`, `/trade/inverse/BTCUSD`. */
const DERIVATIVES_PATH =
  /^\/(?:[a-z]{2}(?:-[A-Za-z]{2,4})?\/)?trade\/(?:usdt|usdc|inverse)\/([A-Za-z0-9]+)\/?$/u;
/** `/trade/spot/BTC/USDT`, `/en/trade/spot/ETH/USDT`. */
const SPOT_PATH = /^\/(?:[a-z]{2}(?:-[A-Za-z]{2,4})?\/)?trade\/spot\/([A-Za-z0-9]+)\/([A-Za-z0-9]+)\/?$/u;

function instrumentOf(url: URL): PageInstrument | undefined {
  if (!isBybitHost(url)) return undefined;
  const derivatives = DERIVATIVES_PATH.exec(url.pathname)?.[1];
  if (derivatives !== undefined) return splitJoinedPair(derivatives.toUpperCase());
  const spot = SPOT_PATH.exec(url.pathname);
  const [, base, quote] = spot ?? [];
  if (base === undefined || quote === undefined) return undefined;
  return { symbol: `${base}/${quote}`.toUpperCase(), base: base.toUpperCase(), quote: quote.toUpperCase() };
}

export const bybit: SiteAdapter = {
  id: 'bybit',
  label: 'Bybit',
  matches: (url) => instrumentOf(url) !== undefined,
  urlSymbol: (url) => instrumentOf(url)?.symbol,
  read(root, url) {
    const page = instrumentOf(url);
    if (page === undefined) return { ok: false, reason: `${url.pathname} is not a Bybit trade page` };
    return readTitleQuote(root, { page, convention: CONVENTION });
  },
};

/*
 * Fixtures stand for:
 * - https://www.bybit.com/trade/usdt/BTCUSDT (normal, loading), then /trade/usdt/ETHUSDT after a switch
 * - https://www.bybit.com/ru-RU/trade/usdt/BTCUSDT (the recorded Russian title), and the
 *   same page in zh-MY, zh-TW, ko-KR, ja-JP, es-ES, pt-BR, tr-TR, vi-VN, uk-UA and de-DE
 * - https://www.bybit.com/en/trade/spot/BTC/USDT (spot)
 */
