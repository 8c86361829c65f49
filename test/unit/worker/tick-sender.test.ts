import { describe, expect, it } from 'vitest';

import type { SenderFields } from '../../../lib/messages/sender';
import {
  binanceTab,
  EXTENSION_ID,
  importAndArm,
  journaledAlerts,
  krakenTab,
  local,
  tickAt,
  tradingViewTab,
  useBackground,
} from './background-harness';

const harness = useBackground();

/** The TradingView chart framed into the Binance page: the frame's own address is what it reads. */
const chartFrameInBinance: SenderFields = {
  id: EXTENSION_ID,
  url: 'https://www.tradingview.com/chart/frameSOL/?symbol=BINANCE%3ABTCUSDT',
  origin: 'https://www.tradingview.com',
  tab: { id: 5 },
  frameId: 3,
};
/** A Binance page no adapter reads: the title reader names its venue by the host. */
const binancePricePage: SenderFields = {
  ...binanceTab,
  url: 'https://www.binance.com/en/price/bitcoin',
};

describe('a tick’s venue and symbol, checked against the page that sent it', () => {
  it.each<[string, SenderFields, string, string, string]>([
    ['Kraken Pro claiming Binance futures', krakenTab, 'binance-futures', 'BTCUSDT', 'venue-not-page'],
    ['Kraken Pro claiming TradingView', krakenTab, 'tradingview', 'BTCUSDT', 'venue-not-page'],
    [
      'a Binance page no adapter reads claiming its futures',
      binancePricePage,
      'binance-futures',
      'BTCUSDT',
      'venue-not-page',
    ],
    [
      'the BTCUSDT futures page claiming ETHUSDT',
      binanceTab,
      'binance-futures',
      'ETHUSDT',
      'symbol-not-page',
    ],
    [
      'a chart of BINANCE:BTCUSDT claiming ETHUSDT',
      tradingViewTab,
      'tradingview',
      'BINANCE:ETHUSDT',
      'symbol-not-page',
    ],
  ])('refuses and counts a tick from %s', async (_, sender, venue, symbol, reason) => {
    const id = await importAndArm(harness.worker);
    const tick = tickAt(harness, '60020', symbol, venue);

    expect(await harness.worker.handleMessage(tick, sender)).toEqual({
      ok: false,
      error: `refused: ${reason}`,
    });

    const stored = await local();
    expect(stored['quotes'], 'no quote stored').toBeUndefined();
    expect(await journaledAlerts(id), 'no plan stepped').toEqual([]);
    expect(stored['security']).toMatchObject({ refused: 1, refusedByReason: { [reason]: 1 } });
  });

  it.each<[string, SenderFields, string, string]>([
    ['its venue’s page', binanceTab, 'binance-futures', 'BTC_USDT'],
    ['a chart of the symbol', tradingViewTab, 'tradingview', 'BINANCE:BTCUSDT'],
    [
      'a chart framed into another site’s page (the frame’s address counts)',
      chartFrameInBinance,
      'tradingview',
      'BTCUSDT',
    ],
  ])('takes a tick from %s', async (_, sender, venue, symbol) => {
    const id = await importAndArm(harness.worker);
    expect(await harness.worker.handleMessage(tickAt(harness, '60020', symbol, venue), sender)).toEqual({
      ok: true,
    });
    expect(await journaledAlerts(id)).toEqual(['trigger entry']);
  });

  it('follows an in-app switch of the tab’s top page: the tab’s address counts, not the one the page loaded with', async () => {
    const switched: SenderFields = {
      ...binanceTab,
      url: 'https://www.binance.com/en/futures/BTCUSDT',
      tab: { id: 5, url: 'https://www.binance.com/en/futures/ETHUSDT' },
    };
    const eth = tickAt(harness, '3001', 'ETHUSDT');
    expect(await harness.worker.handleMessage(eth, switched)).toEqual({ ok: true });
    const btc = tickAt(harness, '60020', 'BTCUSDT');
    expect(await harness.worker.handleMessage(btc, switched)).toEqual({
      ok: false,
      error: 'refused: symbol-not-page',
    });
  });

  it('takes a stale report for the symbol a page left, and refuses one naming another venue', async () => {
    const stale = { type: 'stale', venue: 'binance-futures', symbol: 'ETHUSDT', since: harness.now } as const;
    expect(await harness.worker.handleMessage(stale, binanceTab), 'the tab shows BTCUSDT now').toEqual({
      ok: true,
    });
    expect(await harness.worker.handleMessage({ ...stale, venue: 'bybit' }, binanceTab)).toEqual({
      ok: false,
      error: 'refused: venue-not-page',
    });
  });

  it('takes a tick from a page no adapter reads under the venue its host names', async () => {
    const tick = { ...tickAt(harness, '97000', 'BTCUSDT', 'www.binance.com'), source: 'title' };
    expect(await harness.worker.handleMessage(tick, binancePricePage)).toEqual({ ok: true });
    expect((await local())['quotes']).toMatchObject({
      quotes: { 'www.binance.com|BTCUSDT': { price: '97000' } },
    });
  });

  it.each(['0', '-60020', '-0.5'])(
    'refuses a tick priced %s: no price, never the latest quote',
    async (price) => {
      await harness.worker.handleMessage(tickAt(harness, '60020'), binanceTab);
      const reply = await harness.worker.handleMessage(tickAt(harness, price), binanceTab);
      expect(reply).toEqual({ ok: false, error: 'refused: malformed' });
      expect((await local())['quotes']).toMatchObject({
        quotes: { 'binance-futures|BTCUSDT': { price: '60020' } },
      });
    },
  );
});
