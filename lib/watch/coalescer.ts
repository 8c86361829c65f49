import type { Clock } from './clock';

/**
 * Runs `run` at most once per window however many times `request()` is called: at once
 * for the first request after a quiet window (a lone price change reaches the background
 * without delay), then once more at the window's end if requests came in meanwhile. The
 * trailing run reads the page again, so what is sent is always the latest value.
 */
export class Coalescer {
  readonly #clock: Clock;
  readonly #windowInMillis: number;
  readonly #run: () => void;
  #windowOpen = false;
  #hasPendingRun = false;
  #cancelTimer: (() => void) | null = null;

  constructor(clock: Clock, windowInMillis: number, run: () => void) {
    this.#clock = clock;
    this.#windowInMillis = windowInMillis;
    this.#run = run;
  }

  request(): void {
    if (this.#windowOpen) {
      this.#hasPendingRun = true;
      return;
    }
    this.#openWindow();
    this.#run();
  }

  /** Forget any pending run (navigation, teardown). */
  cancel(): void {
    this.#cancelTimer?.();
    this.#cancelTimer = null;
    this.#windowOpen = false;
    this.#hasPendingRun = false;
  }

  #openWindow(): void {
    this.#windowOpen = true;
    this.#cancelTimer = this.#clock.setTimer(() => this.#closeWindow(), this.#windowInMillis);
  }

  #closeWindow(): void {
    this.#cancelTimer = null;
    this.#windowOpen = false;
    if (!this.#hasPendingRun) return;
    this.#hasPendingRun = false;
    // A trailing run opens the next window, so a steady stream of changes still runs at
    // most once per window.
    this.#openWindow();
    this.#run();
  }
}
