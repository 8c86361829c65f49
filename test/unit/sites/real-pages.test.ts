import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readQuote } from '../../../lib/sites/registry';
import { parseDocument } from './fixtures';

/**
 * Whole pages saved from the web, kept beside the project in ../shared/real-pages/ (its
 * README says what each must read as). They are not copied into the repository; a clone
 * without them says so in a passing test of its own rather than skipping.
 */
const REAL_PAGES = fileURLToPath(new URL('../../../../shared/real-pages/', import.meta.url));

interface RealPage {
  readonly file: string;
  readonly urls: readonly string[];
  /** The only quote the page may give, when it gives one. */
  readonly allowed?: { symbol: RegExp; price: string };
}

const PAGES: readonly RealPage[] = [
  {
    // A price page, not a trade page: "either no quote, or ETH at 4705.32".
    file: 'binance-price-ethereum.html',
    urls: [
      'https://www.binance.com/en/price/ethereum',
      // The same page under trade-page URLs must not be misread either.
      'https://www.binance.com/en/trade/ETH_USDT?type=spot',
      'https://www.binance.com/en/futures/ETHUSDT',
    ],
    allowed: { symbol: /ETH/, price: '4705.32' },
  },
  {
    // Dozens of prices, none of them the price: no quote.
    file: 'tradingview-markets.html',
    urls: [
      'https://www.tradingview.com/markets/',
      'https://www.tradingview.com/symbols/SPX/',
      'https://www.tradingview.com/chart/?symbol=SP%3ASPX',
    ],
  },
];

if (existsSync(REAL_PAGES)) {
  describe.each(PAGES)('the real page $file', ({ file, urls, allowed }) => {
    const html = readFileSync(`${REAL_PAGES}${file}`, 'utf8');
    const doc = parseDocument(html);

    it.each(urls)('is not misread at %s', (url) => {
      const reading = readQuote(doc, new URL(url));
      if (reading.ok) {
        expect(allowed, `${file} must give no quote at ${url}`).toBeDefined();
        expect(reading.quote.symbol).toMatch(allowed?.symbol ?? /^$/);
        expect(reading.quote.price).toBe(allowed?.price);
      } else {
        expect(reading.reason.length).toBeGreaterThan(10);
      }
    });
  });
} else {
  it('has no ../shared/real-pages on this clone, so `tranche probe` is how those pages get checked', () => {
    expect(existsSync(REAL_PAGES)).toBe(false);
  });
}
