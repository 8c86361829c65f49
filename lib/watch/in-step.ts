/**
 * How far apart in time two renders of one price change may land and still be one move:
 * the title and the legend are updated a frame or two apart, and the coalescer may read
 * the page between them (COALESCE_WINDOW_MILLIS each).
 */
export const IN_STEP_MILLIS = 250;

type Which = 'first' | 'second';

/**
 * Tells a chart legend that shows the last bar from one that shows the bar under the
 * mouse. The last bar's close moves with the price, so it and the title change together.
 * A legend on a hovered bar stays put while the title moves; one swept by the mouse moves
 * while the title stays. Either number moving alone — the other not moving within
 * IN_STEP_MILLIS — puts the two out of step, until they move together or agree again.
 */
export class InStepTracker {
  #previous: { readonly first: string; readonly second: string } | null = null;
  /** A move of one number that the other has not matched yet. */
  #unmatched: { readonly which: Which; readonly at: number } | null = null;
  #isOutOfStep = false;

  /** Record one read of both numbers; answers whether they are moving out of step. */
  observe(first: string, second: string, now: number): boolean {
    this.#expireUnmatched(now);
    const previous = this.#previous;
    this.#previous = { first, second };
    if (previous === null) return this.#isOutOfStep;
    const hasFirstMoved = previous.first !== first;
    const hasSecondMoved = previous.second !== second;
    if (hasFirstMoved && hasSecondMoved) {
      this.settle();
    } else if (hasFirstMoved || hasSecondMoved) {
      this.#noticeLoneMove(hasFirstMoved ? 'first' : 'second', now);
    }
    return this.#isOutOfStep;
  }

  /** When a move that the other number has not matched will put the two out of step, if one is pending. */
  get decidesAt(): number | null {
    return this.#unmatched === null ? null : this.#unmatched.at + IN_STEP_MILLIS + 1;
  }

  /** The two agree: whatever the legend showed before, it shows the price now. */
  settle(): void {
    this.#unmatched = null;
    this.#isOutOfStep = false;
  }

  /** Forget everything (a read without both numbers, another symbol). */
  reset(): void {
    this.#previous = null;
    this.settle();
  }

  #noticeLoneMove(which: Which, now: number): void {
    const pending = this.#unmatched;
    if (pending === null) {
      this.#unmatched = { which, at: now };
    } else if (pending.which !== which) {
      // The other number's move, arriving a render later: the two moved together.
      this.settle();
    }
  }

  #expireUnmatched(now: number): void {
    if (this.#unmatched !== null && now - this.#unmatched.at > IN_STEP_MILLIS) {
      this.#unmatched = null;
      this.#isOutOfStep = true;
    }
  }
}
