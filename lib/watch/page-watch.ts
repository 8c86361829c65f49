import type { DivergedMessage, StaleMessage, TickMessage } from '../messages/requests';
import type { Clock } from './clock';
import { Coalescer } from './coalescer';
import { CrossCheck, type PricePair } from './cross-check';
import { INITIAL_JUMP_GUARD, judgePrice, type JumpGuardState } from './jump-guard';
import { Staleness } from './staleness';

/**
 * At most one read of the page per window: about three animation frames, so a burst of
 * DOM mutations (a title and a price node re-rendered for the same tick) costs one read,
 * and a price that changes every 100 ms is still sent every time.
 */
export const COALESCE_WINDOW_MILLIS = 50;

/**
 * A held jump that no mutation confirms or refutes is read again after this long. Longer
 * than a glitch lasts (one or two renders), short enough that a real crash is sent within
 * a second.
 */
export const JUMP_RECHECK_MILLIS = 1000;

/** What one read of the page gives: an adapter's quote, already turned into message fields. */
export type PageRead =
  | {
      readonly ok: true;
      readonly venue: string;
      readonly symbol: string;
      /** Canonical decimal string from lib/price. */
      readonly price: string;
      /** The adapter id, or 'picker'. */
      readonly source: string;
      /** Both prices, when the page shows its last price in two places (lib/watch/cross-check). */
      readonly pair?: PricePair | undefined;
    }
  | { readonly ok: false; readonly reason: string };

export type WatchMessage = TickMessage | StaleMessage | DivergedMessage;

export interface PageWatchOptions {
  readonly clock: Clock;
  /** Reads the page now (adapter, generic title reader or picked element). */
  readonly read: () => PageRead;
  readonly send: (message: WatchMessage) => void;
  /** Symbols are compared normalized (docs/page-reading.md#symbols): BINANCE:BTCUSDT and BTC-USDT are one. */
  readonly normalizeSymbol: (symbol: string) => string;
  readonly staleAfterSeconds: number;
  readonly jumpHoldPercent: number;
}

/** Why a read happens: observed changes count as a refresh; timer reads only if the price moved. */
type ReadCause = 'change' | 'navigation' | 'recheck' | 'deadline';

interface Instrument {
  readonly key: string;
  readonly venue: string;
  readonly symbol: string;
}

/**
 * The page watcher's decisions, free of DOM and extension APIs: the content script tells
 * it that something changed and gives it a way to read the page; it decides what to send.
 *
 * - bursts of changes are coalesced (Coalescer), the latest value always sent;
 * - a price is sent when it differs from the last one sent, or to end a stale period;
 * - a page that shows its price in two places sends nothing while they disagree, and says
 *   so once they have disagreed for longer than a moment (cross-check);
 * - an implausible jump is held until a second read confirms it (jump-guard);
 * - a price not refreshed for `staleAfterSeconds` is reported stale, once;
 * - a read naming another symbol or venue starts afresh, so the new symbol's first price
 *   is not mistaken for a jump; the previous symbol is reported stale at its own deadline.
 */
export class PageWatch {
  readonly #options: PageWatchOptions;
  readonly #coalescer: Coalescer;
  readonly #staleness: Staleness;
  #instrument: Instrument | null = null;
  #guard: JumpGuardState = INITIAL_JUMP_GUARD;
  #lastSentPrice: string | null = null;
  /**
   * The background was told the current symbol is stale or diverged: the next accepted read
   * ends that with a tick, even at the price last sent.
   */
  #isTickOwed = false;
  readonly #crossCheck = new CrossCheck();
  /** The one timed re-read, for a held jump or a disagreement that a change may never end. */
  #recheck: { readonly at: number; readonly cancel: () => void } | null = null;
  /** Symbols this page showed before a switch, each with the timer that reports it stale. */
  readonly #retired = new Map<string, () => void>();
  #isStopped = false;

  constructor(options: PageWatchOptions) {
    this.#options = options;
    this.#coalescer = new Coalescer(options.clock, COALESCE_WINDOW_MILLIS, () => this.#readPage('change'));
    this.#staleness = new Staleness(options.clock, options.staleAfterSeconds * 1000, () =>
      this.#onDeadline(),
    );
  }

  /** The observed nodes changed. */
  noticeChange(): void {
    if (!this.#isStopped) this.#coalescer.request();
  }

  /** In-app navigation happened: read at once, the symbol may have changed. */
  noticeNavigation(): void {
    if (this.#isStopped) return;
    this.#coalescer.cancel();
    this.#readPage('navigation');
  }

  stop(): void {
    this.#isStopped = true;
    this.#coalescer.cancel();
    this.#staleness.reset();
    this.#stopRecheck();
    for (const cancel of this.#retired.values()) cancel();
    this.#retired.clear();
  }

  #readPage(cause: ReadCause): boolean {
    const read = this.#options.read();
    if (!read.ok) return false;
    const symbol = this.#options.normalizeSymbol(read.symbol);
    if (symbol === '') return false;
    const key = `${read.venue}|${symbol}`;
    if (this.#instrument?.key !== key) this.#switchTo({ key, venue: read.venue, symbol });

    const now = this.#options.clock.now();
    // Two places on the page that disagree send nothing: either price could be the wrong one.
    // The staleness clock is not refreshed either: no price is accepted.
    const verdict = this.#crossCheck.judge(read.pair ?? null, now);
    if (verdict.kind === 'hold') {
      if (verdict.recheckAt !== null) this.#recheckAt(verdict.recheckAt);
      return false;
    }
    if (verdict.kind === 'report') {
      const { first, second, since } = verdict;
      this.#isTickOwed = true;
      this.#options.send({ type: 'diverged', venue: read.venue, symbol, first, second, since, time: now });
      return false;
    }

    const isTimerRead = cause === 'recheck' || cause === 'deadline';
    const isNews = read.price !== this.#guard.confirmed || this.#guard.held !== null || this.#isTickOwed;
    if (isTimerRead && !isNews) return false;

    this.#staleness.refreshed(now);
    const judgement = judgePrice(this.#guard, read.price, this.#options.jumpHoldPercent);
    this.#guard = judgement.state;
    if (judgement.verdict === 'hold') {
      this.#recheckAt(now + JUMP_RECHECK_MILLIS);
      return true;
    }
    this.#stopRecheck();
    if (read.price !== this.#lastSentPrice || this.#isTickOwed) {
      this.#lastSentPrice = read.price;
      this.#isTickOwed = false;
      this.#options.send({
        type: 'tick',
        venue: read.venue,
        symbol,
        price: read.price,
        time: now,
        source: read.source,
      });
    }
    return true;
  }

  #switchTo(next: Instrument): void {
    const previous = this.#instrument;
    const previousRefreshAt = this.#staleness.refreshedAt;
    if (previous !== null && previousRefreshAt !== null && !this.#staleness.isStale) {
      this.#retire(previous, previousRefreshAt);
    }
    this.#retired.get(next.key)?.();
    this.#retired.delete(next.key);
    this.#instrument = next;
    this.#guard = INITIAL_JUMP_GUARD;
    this.#lastSentPrice = null;
    this.#isTickOwed = false;
    this.#crossCheck.reset();
    this.#staleness.reset();
    this.#stopRecheck();
  }

  #retire(instrument: Instrument, refreshedAt: number): void {
    this.#retired.get(instrument.key)?.();
    const delay = Math.max(
      0,
      refreshedAt + this.#options.staleAfterSeconds * 1000 - this.#options.clock.now(),
    );
    const cancel = this.#options.clock.setTimer(() => {
      this.#retired.delete(instrument.key);
      this.#sendStale(instrument, refreshedAt);
    }, delay);
    this.#retired.set(instrument.key, cancel);
  }

  #onDeadline(): void {
    // Read once more before calling the price stale: a re-rendered node that the observer
    // no longer sees must not pass for a frozen price.
    if (this.#readPage('deadline')) return;
    const instrument = this.#instrument;
    const refreshedAt = this.#staleness.refreshedAt;
    if (instrument === null || refreshedAt === null) return;
    this.#staleness.markStale();
    this.#isTickOwed = true;
    this.#sendStale(instrument, refreshedAt);
  }

  #sendStale(instrument: Instrument, since: number): void {
    this.#options.send({ type: 'stale', venue: instrument.venue, symbol: instrument.symbol, since });
  }

  /** Read the page again at `at`, unless a re-read is due sooner (it asks again if it must). */
  #recheckAt(at: number): void {
    if (this.#recheck !== null && this.#recheck.at <= at) return;
    this.#stopRecheck();
    const cancel = this.#options.clock.setTimer(() => {
      this.#recheck = null;
      this.#readPage('recheck');
    }, at - this.#options.clock.now());
    this.#recheck = { at, cancel };
  }

  #stopRecheck(): void {
    this.#recheck?.cancel();
    this.#recheck = null;
  }
}
