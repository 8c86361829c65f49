import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { probe } from '../../../bin/commands/probe';
import { FIXTURE_ROOT } from './fixtures';

const scratch = mkdtempSync(join(tmpdir(), 'tranche-probe-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function savedPage(name: string, html: string): string {
  const path = join(scratch, name);
  writeFileSync(path, html);
  return path;
}

describe('tranche probe', () => {
  it('prints the quote a saved page gives, as one JSON line, and exits 0', async () => {
    const outcome = await probe({
      url: 'https://www.binance.com/en/futures/BTCUSDT',
      html: join(FIXTURE_ROOT, 'binance-futures', 'normal.html'),
    });
    expect(outcome.exitCode).toBe(0);
    expect(outcome.output).not.toContain('\n');
    expect(JSON.parse(outcome.output)).toEqual({
      ok: true,
      adapter: 'binance-futures',
      symbol: 'BTCUSDT',
      price: '97080.1',
    });
  });

  it('prints why a page gives no quote, naming the adapter, and exits 1', async () => {
    const outcome = await probe({
      url: 'https://www.tradingview.com/chart/aBcD1234/?symbol=BINANCE%3AETHUSDT',
      html: join(FIXTURE_ROOT, 'tradingview', 'mid-switch.html'),
    });
    expect(outcome.exitCode).toBe(1);
    const line = JSON.parse(outcome.output) as { ok: boolean; reason: string };
    expect(line.ok).toBe(false);
    expect(line.reason).toMatch(/^tradingview: .*still loading the new symbol/);
  });

  it.each([
    {
      why: 'the title still names the previous pair',
      url: 'https://www.binance.com/ko/trade/BTC_USDT?type=spot',
      fixture: ['binance-spot', 'new-ko-mid-switch'],
      reason:
        'binance-spot: the title shows ORCA/USDC but the address is for BTCUSDT: the page is still loading the new pair',
    },
    {
      why: 'the title has no price and the order book ticker is missing',
      url: 'https://www.binance.com/en/trade/BTC_USDT?type=spot',
      fixture: ['binance-spot', 'background-no-ticker'],
      reason:
        'binance-spot: the title "Trade BTC/USDT Spot | Crypto, bStocks & tCommodities | Binance" has no price: the tab may have been in the background, or the page is still loading; the order book ticker (.orderbook-ticker .contractPrice) was not found either',
    },
    {
      why: 'the chart is a spread',
      url: 'https://www.tradingview.com/chart/aBcD1234/?symbol=BINANCE%3ABTCUSDT%2FBINANCE%3AETHUSDT',
      fixture: ['tradingview', 'spread'],
      reason:
        'tradingview: this chart shows BINANCE:BTCUSDT/BINANCE:ETHUSDT, a spread or ratio of several symbols, not one instrument: Tranche reads no price from it (open the chart of one symbol)',
    },
    {
      why: 'the page declares no language and its number reads two ways',
      url: 'https://app.hyperliquid.xyz/trade/HYPE',
      fixture: ['title', 'hyperliquid-no-lang'],
      reason:
        'title: the title\'s price cannot be read: "55.063" is ambiguous: it could be 55063 or 55.063, and neither the site nor the page\'s language says which',
    },
    {
      why: 'the page is plain http',
      url: 'http://www.binance.com/en/trade/BTC_USDT',
      fixture: ['binance-spot', 'normal'],
      reason:
        'http://www.binance.com is plain http: a page that is not encrypted could be altered on its way, so Tranche reads prices only from https pages (and http on this computer)',
    },
  ])('says in words a trader can act on why it read nothing: $why', async ({ url, fixture, reason }) => {
    const [adapter = '', name = ''] = fixture;
    const outcome = await probe({ url, html: join(FIXTURE_ROOT, adapter, `${name}.html`) });
    expect(outcome.exitCode).toBe(1);
    expect(JSON.parse(outcome.output)).toEqual({ ok: false, reason });
  });

  it("reads the order book ticker of a saved page whose title has no price, as the tab's script would", async () => {
    const outcome = await probe({
      url: 'https://www.binance.com/en/trade/BTC_USDT?type=spot',
      html: join(FIXTURE_ROOT, 'binance-spot', 'background.html'),
    });
    expect(JSON.parse(outcome.output)).toEqual({
      ok: true,
      adapter: 'binance-spot',
      symbol: 'BTC_USDT',
      price: '97123.45',
    });
  });

  it("never runs the saved page's scripts", async () => {
    const path = savedPage(
      'scripted.html',
      `<html><head><title>Loading</title><script>document.title = '97,123.45 | BTCUSDT | Binance Spot';</script></head><body></body></html>`,
    );
    const outcome = await probe({ url: 'https://www.binance.com/en/trade/BTC_USDT', html: path });
    expect(outcome.exitCode).toBe(1);
  });

  it('exits 2 naming the file it cannot read', async () => {
    const missing = join(scratch, 'no-such-page.html');
    const outcome = await probe({ url: 'https://www.binance.com/en/trade/BTC_USDT', html: missing });
    expect(outcome.exitCode).toBe(2);
    expect(outcome.output).toContain(missing);
  });

  it('exits 2 for a URL that is not one', async () => {
    const path = savedPage('empty.html', '<html></html>');
    const outcome = await probe({ url: 'binance trade page', html: path });
    expect(outcome.exitCode).toBe(2);
    expect(outcome.output).toContain('binance trade page');
  });
});
