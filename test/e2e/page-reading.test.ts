import { describe, expect, it } from 'vitest';

import { normalizeSymbol } from '../../lib/sites/symbol';
import {
  recordQuoteChanges,
  serveFixtures,
  useExtension,
  waitFor,
  writeLocalStorage,
  type QuoteChange,
} from './harness';
import { expectedHistory, loadSequence, recordedHistory } from './sequences';

/*
 * Where the page's DOM matters: a Binance spot tab whose title shows no price (a
 * background tab) is read from the order book's ticker, and an in-app switch whose address
 * changes before the title gives no tick until both name the new pair.
 */

const BINANCE_SPOT_URL = 'https://www.binance.com/en/trade/BTC_USDT?type=spot';
const STALE_AFTER_SECONDS = 1;

let quotes: { changes(): Promise<QuoteChange[]> };

const extension = useExtension(async (launched) => {
  await serveFixtures(launched.context, {
    'https://www.binance.com/en/trade/**': 'binance-spot-background.html',
  });
  await writeLocalStorage(launched, {
    'watch-settings': { version: 1, staleAfterSeconds: STALE_AFTER_SECONDS, jumpHoldPercent: 20 },
  });
  quotes = await recordQuoteChanges(launched);
});

describe('reading a page whose title has no price, and a title that lags the address', () => {
  it('reads the order book ticker (not its USD equivalent) until the title has a price, and sends nothing while the title names the previous pair', async () => {
    const session = await extension();
    const sequence = loadSequence('binance-spot-background.html');
    const page = await session.context.newPage();
    await page.goto(BINANCE_SPOT_URL);

    const [symbol, price] = sequence.initial;
    const first = await waitFor('the first tick, read from the order book ticker', async () =>
      (await quotes.changes()).find((c) => c.symbol === normalizeSymbol(symbol) && c.price === price),
    );
    expect(first).toMatchObject({ venue: 'binance-spot', source: 'binance-spot', isStale: false });
    await page.evaluate(() => window.dispatchEvent(new Event('tranche-e2e-start')));

    // Prices only: on a loaded machine a pause can outlast the short stale setting, which
    // is price-watch.test.ts's subject, not this test's.
    const pricesOnly = (history: Map<string, string[]>) =>
      Object.fromEntries([...history].map(([key, entries]) => [key, entries.filter((e) => e !== 'stale')]));
    const expected = pricesOnly(expectedHistory(sequence));
    const recorded = await waitFor('the whole sequence', async () => {
      const history = pricesOnly(recordedHistory(await quotes.changes(), 'binance-spot'));
      const isDone = Object.entries(expected).every(
        ([key, entries]) => (history[key]?.length ?? 0) >= entries.length,
      );
      return isDone ? history : undefined;
    });
    expect(
      recorded,
      'BTCUSDT from the ticker, then from the title; ETHUSDT only once the title names it',
    ).toEqual(expected);

    const prices = (await quotes.changes()).map((change) => `${change.symbol} ${change.price}`);
    expect(prices, 'the USD equivalent beside the ticker is never a price').not.toContain('BTCUSDT 97098.21');
    expect(prices).not.toContain('BTCUSDT 97001');
    expect(
      prices.filter((entry) => entry.startsWith('ETHUSDT 971')),
      'BTC’s price shown under the ETH address is no ETH price',
    ).toEqual([]);
    expect(prices, 'nor is it a BTC price: the address had moved on').not.toContain('BTCUSDT 97127');
    await page.close();
  });
});
