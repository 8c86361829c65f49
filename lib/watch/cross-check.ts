import type { PricePlace, SecondPrice } from '../sites/types';
import { InStepTracker } from './in-step';
import { isDisagreement } from './price-agreement';

/**
 * How long two places on a page may disagree before it counts as a divergence: longer
 * than one place taking a render or two (or a slow frame) to show a trade the other
 * already shows, short enough that a trader reads the warning before wondering why the
 * price stopped. docs/decisions.md ("Cross-check") gives the reasoning.
 */
export const DIVERGENCE_MOMENT_MILLIS = 1500;

/** A price and where on the page it was read. */
export interface PlacedPrice {
  readonly place: PricePlace;
  /** Canonical decimal string from lib/price. */
  readonly price: string;
}

/** One read's two prices: the one the read gives (from the title) and the second place's. */
export interface PricePair {
  readonly first: PlacedPrice;
  readonly second: SecondPrice;
}

export type CrossCheckVerdict =
  /** Nothing to hold: the prices agree, or only one place shows a price. */
  | { readonly kind: 'agree' }
  /**
   * They disagree: send nothing, and read again at `recheckAt` when set (the moment ends,
   * or a legend's lone move will have shown whether it follows the mouse).
   */
  | { readonly kind: 'hold'; readonly recheckAt: number | null }
  /** They have disagreed since `since` for longer than the moment, and these numbers are news: say so. */
  | {
      readonly kind: 'report';
      readonly since: number;
      readonly first: PlacedPrice;
      readonly second: PlacedPrice;
    };

const AGREE: CrossCheckVerdict = { kind: 'agree' };

/**
 * The cross-check of a page that shows its last price in two places (title and order
 * book, title and chart legend), fed every read of one symbol:
 * - a page with one price, or two that agree (lib/watch/price-agreement), is sent as read;
 * - two that disagree send nothing: for DIVERGENCE_MOMENT_MILLIS quietly (a render's lag
 *   is no alarm), after that as a divergence the trader is told about, with both numbers;
 * - a legend that moves out of step with the title shows the bar under the mouse, not the
 *   price (lib/watch/in-step): its disagreement is set aside and the title is read.
 * A divergence never sends a price, so it can never fill a tranche.
 */
export class CrossCheck {
  #disagreeingSince: number | null = null;
  /** The numbers last reported, so that a lasting divergence is told once per change. */
  #told: string | null = null;
  readonly #steps = new InStepTracker();

  judge(pair: PricePair | null, now: number): CrossCheckVerdict {
    if (pair === null) {
      this.reset();
      return AGREE;
    }
    const { first, second } = pair;
    const isOutOfStep = second.followsPointer && this.#steps.observe(first.price, second.price, now);
    const isApart = isDisagreement(first.price, second.price);
    if (!isApart) this.#steps.settle();
    if (!isApart || isOutOfStep) {
      this.#disagreeingSince = null;
      this.#told = null;
      return AGREE;
    }
    const since = (this.#disagreeingSince ??= now);
    const decidesAt = this.#steps.decidesAt;
    const momentEnd = since + DIVERGENCE_MOMENT_MILLIS;
    if (now < momentEnd) return { kind: 'hold', recheckAt: Math.min(momentEnd, decidesAt ?? momentEnd) };
    // Nothing is told while a legend's lone move has still to show whether it follows the mouse.
    const told = `${first.price} ${second.price}`;
    if (decidesAt !== null || told === this.#told) return { kind: 'hold', recheckAt: decidesAt };
    this.#told = told;
    return { kind: 'report', since, first, second: { place: second.place, price: second.price } };
  }

  /** Forget the page's history (another symbol, a read without both prices). */
  reset(): void {
    this.#disagreeingSince = null;
    this.#told = null;
    this.#steps.reset();
  }
}
