import { pageConvention, readTitleQuote } from './shared/exchange-title';
import { splitSeparatedPair, type PageInstrument } from './shared/instrument';
import { normalizeSymbol } from './symbol';
import type { SiteAdapter } from './types';

/*
 * Sources: a public write-up of the live OKX spot page (zh-hans/trade-spot/btc-usdt)
 * records its title changing with the last price: `61,293.4 BTC USDT 现货交易 | 欧易` —
 * the price first, the pair as two words, the product in the page's language, and the
 * site's own name in it ("欧易" is OKX in Chinese). URL shapes from public link builders
 * and alert bots (https://www.okx.com/trade-spot/BTC-USDT, /ru/trade-spot/…,
 * /trade-swap/btc-usdt-swap). The path carries OKX's instrument id, which is the symbol
 * the quote reports. The same write-up shows the order book drawn on canvas, so only the
 * title is read. No source shows OKX's numbers in other languages: where the title's number
 * could be read two ways, the page's language (the URL's locale, else `<html lang>`)
 * decides (docs/page-reading.md#reading-a-number), and a number written against it is refused, never misread.
 */

function isOkxHost(url: URL): boolean {
  return url.hostname === 'okx.com' || url.hostname.endsWith('.okx.com');
}

/** `/trade-spot/btc-usdt`, `/zh-hans/trade-swap/btc-usdt-swap`, `/trade-futures/btc-usd-250627`. */
const TRADE_PATH =
  /^\/(?:([a-z]{2}(?:-[A-Za-z]{2,4})?)\/)?trade-(?:spot|swap|futures|margin)\/([A-Za-z0-9]+-[A-Za-z0-9]+(?:-[A-Za-z0-9]+)?)\/?$/u;

function pageOf(url: URL): { instrument: PageInstrument; locale: string | undefined } | undefined {
  if (!isOkxHost(url)) return undefined;
  const match = TRADE_PATH.exec(url.pathname);
  const instrument = match?.[2] === undefined ? undefined : splitSeparatedPair(match[2].toUpperCase());
  return instrument === undefined ? undefined : { instrument, locale: match?.[1] };
}

/**
 * The pair without its contract suffix: a swap page's title may print BTC USDT, BTCUSDT
 * or BTC/USDT for the instrument BTC-USDT-SWAP.
 */
function pairCore(symbol: string): string {
  return normalizeSymbol(symbol.replace(/[-_](?:SWAP|\d{6})$/iu, ''));
}

export const okx: SiteAdapter = {
  id: 'okx',
  label: 'OKX',
  matches: (url) => pageOf(url) !== undefined,
  urlSymbol: (url) => pageOf(url)?.instrument.symbol,
  read(root, url) {
    const page = pageOf(url);
    if (page === undefined) return { ok: false, reason: `${url.pathname} is not an OKX trade page` };
    return readTitleQuote(root, {
      page: page.instrument,
      convention: pageConvention(root, page.locale),
      isSameInstrument: (titlePair, instrument) =>
        pairCore(titlePair) === pairCore(`${instrument.base}-${instrument.quote}`),
    });
  },
};

/*
 * Fixtures stand for:
 * - https://www.okx.com/trade-spot/btc-usdt (normal, loading), then /trade-spot/eth-usdt after a switch
 * - https://www.okx.com/zh-hans/trade-spot/btc-usdt (the recorded title, and mid-switch to
 *   eth-usdt) and the same page in zh-hant, ja, ru, es-es, pt-br, tr, vi, fr, uk and id
 * - https://www.okx.com/ru/trade-spot/sui-usdt ("1,234" on a Russian page)
 * - https://www.okx.com/trade-swap/btc-usdt-swap (perpetual swap)
 */
