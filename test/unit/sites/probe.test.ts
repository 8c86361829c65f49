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
