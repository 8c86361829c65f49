import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { CANONICAL_DECIMAL_PATTERN } from '../../../lib/messages/fields';
import { ADAPTERS, readQuote } from '../../../lib/sites/registry';
import type { ReadResult } from '../../../lib/sites/types';
import { fixtureAdapterIds, loadFixtures, pageWithTitle } from '../../unit/sites/fixtures';
import { FUZZ_TIMEOUT_MILLIS, fuzzSuite } from './fuzz-runs';

const fuzz = fuzzSuite('site adapters');

/** The real page addresses the fixtures stand for: each adapter is fuzzed on its own pages too. */
const FIXTURE_URLS = fixtureAdapterIds().flatMap((id) => loadFixtures(id).map((fixture) => fixture.url));

/** Addresses: the fixtures', the same with a random path or query, and any web address. */
const urlArb = fc
  .oneof(
    fc.constantFrom(...FIXTURE_URLS),
    fc
      .tuple(fc.constantFrom(...FIXTURE_URLS), fc.webPath(), fc.webQueryParameters())
      .map(([base, path, query]) => `${new URL(base).origin}${path}?${query}`),
    fc
      .tuple(fc.constantFrom(...FIXTURE_URLS), fc.string({ maxLength: 20 }))
      .map(([base, symbol]) => `${base.split('?')[0] ?? base}?symbol=${encodeURIComponent(symbol)}`),
    fc.webUrl({ withQueryParameters: true, withFragments: true }),
  )
  .map((text) => new URL(text));

/** Titles as pages write them, shuffled: symbols, prices in any form, arrows, changes, separators, noise. */
const titleArb = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'BTCUSDT',
        'BINANCE:BTCUSDT',
        'ETH/USDT',
        'BTC-USD',
        'BTC_USDT',
        'XBT/USD',
        '1/BTCUSDT',
      ),
      fc.constantFrom('BINANCE:BTCUSDT/BINANCE:ETHUSDT', 'BTCUSDT*2', 'BTCUSDT.P', 'SOL-USDT-SWAP'),
      fc.stringMatching(/^[−+-]?\d{1,3}([,. \u00A0]\d{3}){0,3}([.,]\d{1,8})?$/),
      fc.constantFrom('▲', '▼', '|', '—', '·', '+1.23%', '−0.50%', '59.4K', '0.0₄123', '97,123<sup>45</sup>'),
      fc.constantFrom('Binance', 'Bybit', 'Kraken', 'OKX', 'Coinbase', 'TradingView', 'Unnamed'),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 8 },
  )
  .map((words) => words.join(' '));

/** A body that may carry the DOM-read adapters' price nodes, holding any text. */
const bodyArb = fc.oneof(
  fc.constant(''),
  fc
    .tuple(
      fc.constantFrom(
        '<span data-qa-id="symbol-last-value">',
        '<span class="js-symbol-last">',
        '<div id="last">',
      ),
      fc.oneof(titleArb, fc.string({ maxLength: 12 })),
    )
    .map(([open, text]) => `${open}${text.replace(/[<>&]/g, ' ')}</${open.slice(1, open.indexOf(' '))}>`),
);

function isWellFormed(result: ReadResult): boolean {
  if (!result.ok) return typeof result.reason === 'string' && result.reason.length > 0;
  return CANONICAL_DECIMAL_PATTERN.test(result.quote.price) && result.quote.symbol.trim().length > 0;
}

describe('fuzz: the site adapters', () => {
  it(
    'every adapter reads any page at any address without throwing: a quote is a canonical price and a symbol',
    () => {
      fuzz(
        fc.property(
          urlArb,
          titleArb,
          bodyArb,
          fc.constantFrom('en', 'de', 'ru', 'ja', ''),
          (url, title, body, lang) => {
            const page = pageWithTitle(title, body, lang);
            return ADAPTERS.every((adapter) => {
              adapter.matches(url);
              adapter.urlSymbol?.(url);
              return isWellFormed(adapter.read(page, url));
            });
          },
        ),
      );
    },
    FUZZ_TIMEOUT_MILLIS,
  );

  it(
    'the registry reads a page with the adapter that claims its address, never throwing',
    () => {
      let quoted = 0;
      fuzz(
        fc.property(urlArb, titleArb, bodyArb, (url, title, body) => {
          const reading = readQuote(pageWithTitle(title, body), url);
          if (!reading.ok) return reading.reason.length > 0;
          quoted += 1;
          return CANONICAL_DECIMAL_PATTERN.test(reading.quote.price) && reading.adapterId.length > 0;
        }),
      );
      expect(quoted, 'some pages gave a quote').toBeGreaterThan(0);
    },
    FUZZ_TIMEOUT_MILLIS,
  );
});
