/**
 * A page can show a wrong number for a moment (a half-rendered DOM, another instrument's
 * price during a switch, a glitching feed). One read that far from the last confirmed
 * price is held, not sent; a second read near it confirms the move, a read back near the
 * confirmed price discards it (docs/page-reading.md#page-safety).
 */
export interface JumpGuardState {
  /** The last price accepted for the current symbol; null before the first read. */
  readonly confirmed: string | null;
  /** A read held as an implausible jump, waiting for a second read. */
  readonly held: string | null;
}

export const INITIAL_JUMP_GUARD: JumpGuardState = { confirmed: null, held: null };

export type JumpJudgement =
  | { readonly verdict: 'accept'; readonly state: JumpGuardState }
  | { readonly verdict: 'hold'; readonly state: JumpGuardState };

/** Judge one read (a canonical decimal string) against the guard's state. */
export function judgePrice(state: JumpGuardState, price: string, jumpHoldPercent: number): JumpJudgement {
  const accept = (): JumpJudgement => ({ verdict: 'accept', state: { confirmed: price, held: null } });
  // The first price of a symbol has nothing to be compared with.
  if (state.confirmed === null) return accept();
  if (!isJump(state.confirmed, price, jumpHoldPercent)) return accept();
  if (state.held !== null && !isJump(state.held, price, jumpHoldPercent)) return accept();
  return { verdict: 'hold', state: { confirmed: state.confirmed, held: price } };
}

/**
 * Whether `price` lies more than `percent` % of |reference| away from `reference`. In
 * floating point, like the engine's quiet band: a plausibility bound of tens of percent
 * loses nothing to a rounding error of 1e-16 (a read exactly at the bound is held or not,
 * either is right), and the content script stays free of a decimal library.
 */
export function isJump(reference: string, price: string, percent: number): boolean {
  const referenceValue = Number(reference);
  return Math.abs(Number(price) - referenceValue) > (Math.abs(referenceValue) * percent) / 100;
}
