import { beforeEach, describe, expect, it } from 'vitest';

import { normalizeSymbol } from '../../../lib/sites/symbol';
import {
  COALESCE_WINDOW_MILLIS,
  JUMP_RECHECK_MILLIS,
  PageWatch,
  type PageRead,
  type WatchMessage,
} from '../../../lib/watch/page-watch';
import { FakeClock } from './fake-clock';

/** A page whose shown quote the test sets, and the messages the watcher sent. */
class FakePage {
  venue = 'binance-futures';
  symbol = 'BTCUSDT';
  price: string | null = '97123.45';
  reads = 0;

  read = (): PageRead => {
    this.reads++;
    if (this.price === null) return { ok: false, reason: 'loading' };
    return { ok: true, venue: this.venue, symbol: this.symbol, price: this.price, source: this.venue };
  };
}

let clock: FakeClock;
let page: FakePage;
let sent: (WatchMessage & { at: number })[];
let watch: PageWatch;
let start: number;

function show(price: string | null): void {
  page.price = price;
  watch.noticeChange();
}

function ticks(): string[] {
  return sent.filter((m) => m.type === 'tick').map((m) => `${m.symbol} ${m.type === 'tick' ? m.price : ''}`);
}

beforeEach(() => {
  clock = new FakeClock();
  start = clock.now();
  page = new FakePage();
  sent = [];
  watch = new PageWatch({
    clock,
    read: page.read,
    send: (message) => sent.push({ ...message, at: clock.now() - start }),
    normalizeSymbol,
    staleAfterSeconds: 30,
    jumpHoldPercent: 20,
  });
});

describe('PageWatch', () => {
  it('sends each new price as a tick with venue, normalized symbol, time and source', () => {
    page.symbol = 'BTC_USDT';
    watch.noticeChange();
    expect(sent).toEqual([
      {
        type: 'tick',
        venue: 'binance-futures',
        symbol: 'BTCUSDT',
        price: '97123.45',
        time: start,
        source: 'binance-futures',
        at: 0,
      },
    ]);
  });

  it('sends a scripted sequence changing every 100-250 ms in full and in order', () => {
    const sequence = ['97123.45', '97124', '97122.5', '97130.1', '97129.9'];
    for (const [i, price] of sequence.entries()) {
      show(price);
      clock.advance([100, 250, 150, 200, 120][i] ?? 100);
    }
    expect(ticks()).toEqual(sequence.map((price) => `BTCUSDT ${price}`));
  });

  it('coalesces a burst of mutations into the first and the latest value', () => {
    show('100');
    show('101');
    show('102');
    show('103');
    expect(ticks()).toEqual(['BTCUSDT 100']);
    clock.advance(COALESCE_WINDOW_MILLIS);
    expect(ticks(), 'the trailing read sends the latest value').toEqual(['BTCUSDT 100', 'BTCUSDT 103']);
    expect(page.reads, 'two reads for four mutations').toBe(2);
  });

  it('does not send the same price twice', () => {
    show('100');
    clock.advance(100);
    show('100');
    clock.advance(100);
    expect(ticks()).toEqual(['BTCUSDT 100']);
  });

  it('holds a read 50 % off and never sends it when the next read is back', () => {
    show('100');
    clock.advance(200);
    show('150');
    clock.advance(150);
    show('100.5');
    clock.advance(5000);
    expect(ticks()).toEqual(['BTCUSDT 100', 'BTCUSDT 100.5']);
  });

  it('sends a jump that the re-read after JUMP_RECHECK_MILLIS still shows', () => {
    show('100');
    clock.advance(200);
    show('60');
    clock.advance(JUMP_RECHECK_MILLIS - 1);
    expect(ticks(), 'held until the re-read').toEqual(['BTCUSDT 100']);
    clock.advance(1);
    expect(ticks()).toEqual(['BTCUSDT 100', 'BTCUSDT 60']);
  });

  it('sends a jump at once when the next change confirms it', () => {
    show('100');
    clock.advance(200);
    show('60');
    clock.advance(200);
    show('60.5');
    expect(ticks()).toEqual(['BTCUSDT 100', 'BTCUSDT 60.5']);
  });

  it('treats the first price after a symbol switch as the new symbol, not as a jump', () => {
    show('97123.45');
    clock.advance(200);
    page.symbol = 'ETHUSDT';
    page.price = '3456.7';
    watch.noticeNavigation();
    expect(ticks()).toEqual(['BTCUSDT 97123.45', 'ETHUSDT 3456.7']);
  });

  it('switches when the venue changes too (spot and futures pages of one symbol)', () => {
    show('97123.45');
    clock.advance(200);
    page.venue = 'binance-spot';
    show('97000');
    expect(sent.map((m) => m.venue)).toEqual(['binance-futures', 'binance-spot']);
  });

  it('reports stale once when the price is not refreshed for N seconds, with the last refresh time', () => {
    show('100');
    clock.advance(1000);
    show('101');
    clock.advance(60_000);
    const stale = sent.filter((m) => m.type === 'stale');
    expect(stale).toEqual([
      { type: 'stale', venue: 'binance-futures', symbol: 'BTCUSDT', since: start + 1000, at: 31_000 },
    ]);
  });

  it('reports stale `since` the very time its last tick carries, so the background can match them', () => {
    // A real clock moves between two calls; this one moves 1 ms on every call.
    const ticking = new FakeClock();
    const now = ticking.now.bind(ticking);
    ticking.now = () => {
      ticking.advance(1);
      return now();
    };
    const messages: WatchMessage[] = [];
    const ticky = new PageWatch({
      clock: ticking,
      read: page.read,
      send: (message) => messages.push(message),
      normalizeSymbol,
      staleAfterSeconds: 30,
      jumpHoldPercent: 20,
    });
    ticky.noticeChange();
    ticking.advance(31_000);
    const [tick, stale] = messages;
    expect(tick?.type === 'tick' && stale?.type === 'stale' && stale.since).toBe(
      tick?.type === 'tick' && tick.time,
    );
  });

  it('counts a re-render of the same price as a refresh', () => {
    show('100');
    for (let i = 0; i < 10; i++) {
      clock.advance(10_000);
      show('100');
    }
    expect(sent.filter((m) => m.type === 'stale')).toEqual([]);
  });

  it('re-reads at the deadline and sends a change the observer missed instead of going stale', () => {
    show('100');
    page.price = '101';
    clock.advance(30_000);
    expect(ticks()).toEqual(['BTCUSDT 100', 'BTCUSDT 101']);
    expect(sent.filter((m) => m.type === 'stale')).toEqual([]);
  });

  it('ends a stale period with a tick even when the price is unchanged', () => {
    show('100');
    clock.advance(31_000);
    show('100');
    expect(sent.map((m) => m.type)).toEqual(['tick', 'stale', 'tick']);
  });

  it('reports a symbol left by a switch stale at its own deadline', () => {
    show('97123.45');
    clock.advance(5000);
    page.symbol = 'ETHUSDT';
    page.price = '3456.7';
    watch.noticeNavigation();
    for (let i = 0; i < 40; i++) {
      clock.advance(1000);
      show(`3456.${i + 1}`);
    }
    const stale = sent.filter((m) => m.type === 'stale');
    expect(stale).toEqual([
      { type: 'stale', venue: 'binance-futures', symbol: 'BTCUSDT', since: start, at: 30_000 },
    ]);
  });

  it('sends nothing while the page shows no price (loading)', () => {
    page.price = null;
    watch.noticeChange();
    clock.advance(100_000);
    expect(sent).toEqual([]);
  });

  it('stops every timer when stopped', () => {
    show('100');
    show('150');
    watch.stop();
    watch.noticeChange();
    clock.advance(100_000);
    expect(ticks()).toEqual(['BTCUSDT 100']);
    expect(clock.pendingTimers).toBe(0);
  });
});
