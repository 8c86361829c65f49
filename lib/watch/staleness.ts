import type { Clock } from './clock';

/**
 * Notices that a price has not been refreshed for `afterInMillis`. It keeps one timer
 * aimed at the deadline and moves it only when it fires early, instead of re-arming a
 * timer on every refresh (pages refresh many times a second).
 */
export class Staleness {
  readonly #clock: Clock;
  readonly #afterInMillis: number;
  /** Called once the deadline passes with no refresh; the caller may re-read, then `markStale()`. */
  readonly #onDeadline: () => void;
  #lastRefreshAt: number | null = null;
  #cancelTimer: (() => void) | null = null;
  #isStaleNow = false;

  constructor(clock: Clock, afterInMillis: number, onDeadline: () => void) {
    this.#clock = clock;
    this.#afterInMillis = afterInMillis;
    this.#onDeadline = onDeadline;
  }

  get isStale(): boolean {
    return this.#isStaleNow;
  }

  /** When the price was last refreshed, or null before the first refresh. */
  get refreshedAt(): number | null {
    return this.#lastRefreshAt;
  }

  /** The price was refreshed at `atMillis` (the time the tick carries, so a stale report's `since` matches it). */
  refreshed(atMillis: number = this.#clock.now()): void {
    this.#lastRefreshAt = atMillis;
    this.#isStaleNow = false;
    if (this.#cancelTimer === null) this.#arm(this.#afterInMillis);
  }

  markStale(): void {
    this.#isStaleNow = true;
  }

  /** Forget everything (a new symbol, teardown). */
  reset(): void {
    this.#cancelTimer?.();
    this.#cancelTimer = null;
    this.#lastRefreshAt = null;
    this.#isStaleNow = false;
  }

  #arm(delayInMillis: number): void {
    this.#cancelTimer = this.#clock.setTimer(() => this.#fire(), delayInMillis);
  }

  #fire(): void {
    this.#cancelTimer = null;
    if (this.#lastRefreshAt === null || this.#isStaleNow) return;
    const remaining = this.#lastRefreshAt + this.#afterInMillis - this.#clock.now();
    if (remaining > 0) {
      this.#arm(remaining);
      return;
    }
    this.#onDeadline();
  }
}
