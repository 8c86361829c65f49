import { beforeEach, describe, expect, it } from 'vitest';

import { normalizeSymbol } from '../../../lib/sites/symbol';
import { DIVERGENCE_MOMENT_MILLIS } from '../../../lib/watch/cross-check';
import { PageWatch, type PageRead, type WatchMessage } from '../../../lib/watch/page-watch';
import { FakeClock } from './fake-clock';

/** A Binance futures page showing its last price in the title and in the order book's ticker. */
class TwoPlacePage {
  title: string | null = '61020';
  orderBook: string | null = '61020';

  read = (): PageRead => {
    const price = this.title ?? this.orderBook;
    if (price === null) return { ok: false, reason: 'loading' };
    const base = {
      ok: true,
      venue: 'binance-futures',
      symbol: 'BTCUSDT',
      price,
      source: 'binance-futures',
    } as const;
    if (this.title === null || this.orderBook === null) return base;
    return {
      ...base,
      pair: {
        first: { place: 'title', price: this.title },
        second: { place: 'order book', price: this.orderBook, followsPointer: false },
      },
    };
  };
}

let clock: FakeClock;
let page: TwoPlacePage;
let sent: WatchMessage[];
let watch: PageWatch;
let start: number;

function show(title: string | null, orderBook: string | null): void {
  page.title = title;
  page.orderBook = orderBook;
  watch.noticeChange();
}

/** What the background was told, one line a message. */
function told(): string[] {
  return sent.map((message) => {
    if (message.type === 'tick') return `tick ${message.price}`;
    if (message.type === 'stale') return 'stale';
    const { first, second } = message;
    return `diverged ${first.place} ${first.price} vs ${second.place} ${second.price}`;
  });
}

beforeEach(() => {
  clock = new FakeClock();
  start = clock.now();
  page = new TwoPlacePage();
  sent = [];
  watch = new PageWatch({
    clock,
    read: page.read,
    send: (message) => sent.push(message),
    normalizeSymbol,
    staleAfterSeconds: 30,
    jumpHoldPercent: 20,
  });
});

describe('PageWatch on a page that shows its price in two places', () => {
  it('sends the title’s price while the two agree within the tolerance', () => {
    show('61020', '61020');
    clock.advance(200);
    show('61025.5', '61020');
    expect(told()).toEqual(['tick 61020', 'tick 61025.5']);
  });

  it('sends no tick while they disagree, and both numbers once the disagreement outlasts the moment', () => {
    show('61020', '61020');
    clock.advance(200);
    show('61293.4', '61020');
    clock.advance(DIVERGENCE_MOMENT_MILLIS - 1);
    expect(told(), 'held quietly for the moment').toEqual(['tick 61020']);
    clock.advance(1);
    expect(told()).toEqual(['tick 61020', 'diverged title 61293.4 vs order book 61020']);
    expect(sent[1]).toEqual({
      type: 'diverged',
      venue: 'binance-futures',
      symbol: 'BTCUSDT',
      first: { place: 'title', price: '61293.4' },
      second: { place: 'order book', price: '61020' },
      since: start + 200,
      time: start + 200 + DIVERGENCE_MOMENT_MILLIS,
    });
  });

  it('says nothing of a disagreement shorter than the moment, and sends the price both agree on', () => {
    show('61020', '61020');
    clock.advance(200);
    show('61293.4', '61020');
    clock.advance(60);
    show('61293.4', '61293.4');
    clock.advance(10_000);
    expect(told()).toEqual(['tick 61020', 'tick 61293.4']);
  });

  it('tells the new numbers of a lasting divergence, once each', () => {
    show('61293.4', '61020');
    clock.advance(DIVERGENCE_MOMENT_MILLIS);
    show('61293.4', '61020');
    clock.advance(300);
    show('61301', '61020');
    expect(told()).toEqual([
      'diverged title 61293.4 vs order book 61020',
      'diverged title 61301 vs order book 61020',
    ]);
  });

  it('resumes with a tick when they agree again, even at the price last sent', () => {
    show('61020', '61020');
    clock.advance(200);
    show('61293.4', '61020');
    clock.advance(DIVERGENCE_MOMENT_MILLIS);
    show('61020', '61020');
    clock.advance(200);
    show('61021', '61021');
    expect(told()).toEqual([
      'tick 61020',
      'diverged title 61293.4 vs order book 61020',
      'tick 61020',
      'tick 61021',
    ]);
  });

  it('reads the one price there is when the title loses its own (a background tab)', () => {
    show('61293.4', '61020');
    clock.advance(DIVERGENCE_MOMENT_MILLIS);
    show(null, '61020');
    expect(told()).toEqual(['diverged title 61293.4 vs order book 61020', 'tick 61020']);
  });

  it('calls the price stale at the deadline when no price was accepted since, and ends that with a tick', () => {
    show('61020', '61020');
    clock.advance(1000);
    show('61293.4', '61020');
    clock.advance(29_000);
    expect(told()).toEqual(['tick 61020', 'diverged title 61293.4 vs order book 61020', 'stale']);
    show('61020.5', '61020');
    expect(told().at(-1)).toBe('tick 61020.5');
  });

  it('sends nothing for a page whose two prices disagree from its first read until they agree', () => {
    show('61293.4', '61020');
    clock.advance(100);
    show('61293.4', '61020');
    expect(told()).toEqual([]);
    clock.advance(DIVERGENCE_MOMENT_MILLIS);
    expect(told()).toEqual(['diverged title 61293.4 vs order book 61020']);
  });

  it('stops its re-read timer when stopped', () => {
    show('61293.4', '61020');
    watch.stop();
    clock.advance(100_000);
    expect(told()).toEqual([]);
    expect(clock.pendingTimers).toBe(0);
  });
});
