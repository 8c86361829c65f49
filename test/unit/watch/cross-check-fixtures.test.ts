import { beforeEach, describe, expect, it } from 'vitest';

import { normalizeSymbol } from '../../../lib/sites/symbol';
import { DIVERGENCE_MOMENT_MILLIS } from '../../../lib/watch/cross-check';
import { IN_STEP_MILLIS } from '../../../lib/watch/in-step';
import { PageWatch, type WatchMessage } from '../../../lib/watch/page-watch';
import { readPage } from '../../../lib/watch/read-page';
import { loadFixtures, parseDocument } from '../sites/fixtures';
import { FakeClock } from './fake-clock';

/*
 * The saved pages that show their last price in two places, read as the content script
 * reads them (lib/watch/read-page) and watched for longer than the cross-check's moment.
 */

let clock: FakeClock;

/** A saved page under watch: its document (which the test may change), and what was sent. */
function watchFixture(adapterId: string, name: string) {
  const fixture = loadFixtures(adapterId).find((candidate) => candidate.name === name);
  if (fixture === undefined) throw new Error(`no fixture ${adapterId}/${name}`);
  const doc = parseDocument(fixture.html);
  const url = new URL(fixture.url);
  const sent: WatchMessage[] = [];
  const watch = new PageWatch({
    clock,
    read: () => readPage(doc, url, null),
    send: (message) => sent.push(message),
    normalizeSymbol,
    staleAfterSeconds: 30,
    jumpHoldPercent: 20,
  });
  watch.noticeChange();
  clock.advance(DIVERGENCE_MOMENT_MILLIS);
  const told = () =>
    sent.map((message) =>
      message.type === 'diverged'
        ? `diverged ${message.first.place} ${message.first.price} vs ${message.second.place} ${message.second.price}`
        : message.type === 'tick'
          ? `tick ${message.price}`
          : message.type,
    );
  const change = (update: () => void) => {
    update();
    watch.noticeChange();
  };
  return { doc, told, change };
}

beforeEach(() => {
  clock = new FakeClock();
});

describe('cross-checking saved pages', () => {
  it.each([
    ['binance-spot', 'title-and-ticker', ['tick 97123.45']],
    ['binance-spot', 'title-and-ticker-dash', ['tick 97123.45']],
    ['binance-spot', 'title-and-ticker-apart', ['diverged title 61293.4 vs order book 61020']],
    ['binance-futures', 'title-and-ticker-apart', ['diverged title 61293.4 vs order book 61020']],
    ['tradingview', 'title-and-legend', ['tick 97123.45']],
  ])('%s/%s: %j', (adapterId, name, expected) => {
    expect(watchFixture(adapterId, name).told()).toEqual(expected);
  });

  it('resumes on the Binance page once its order book shows the title’s price again', () => {
    const page = watchFixture('binance-spot', 'title-and-ticker-apart');
    page.change(() => {
      const ticker = page.doc.querySelector('.orderbook-ticker .contractPrice span');
      if (ticker !== null) ticker.textContent = '61,293.4';
    });
    expect(page.told()).toEqual(['diverged title 61293.4 vs order book 61020', 'tick 61293.4']);
  });

  it('reads the TradingView title while the legend stays on the bar under the mouse and the price moves', () => {
    const page = watchFixture('tradingview', 'title-and-legend-hovered');
    expect(page.told(), 'a static page cannot tell a hovered bar from a wrong legend').toEqual([
      'diverged title 97123.45 vs chart legend 95010',
    ]);
    page.change(() => (page.doc.title = 'BTCUSDT 97,125.00 ▲ +1.23% Unnamed'));
    clock.advance(IN_STEP_MILLIS + 1);
    page.change(() => (page.doc.title = 'BTCUSDT 97,126.50 ▲ +1.23% Unnamed'));
    expect(page.told()).toEqual([
      'diverged title 97123.45 vs chart legend 95010',
      'tick 97125',
      'tick 97126.5',
    ]);
  });
});
