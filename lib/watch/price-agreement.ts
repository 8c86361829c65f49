/**
 * How far apart two places on one page may show its last price and still agree. A
 * relative part covers fast markets, where the title and the order book render the same
 * trade a frame or two apart; the steps part covers cheap coins, whose one tick is a
 * large share of the price (0.0123 → 0.0124 is 0.8 %), and a legend one tick behind the
 * title. docs/decisions.md ("Cross-check") gives the reasoning.
 */
export const AGREEMENT_PERCENT = 0.25;

/** Display steps (one unit of the last digit either number prints) that always count as agreeing. */
export const AGREEMENT_STEPS = 3;

/**
 * Whether two canonical decimal strings of one page's last price disagree by more than
 * the tolerance: AGREEMENT_PERCENT of the larger, or AGREEMENT_STEPS display steps,
 * whichever is wider. In floating point, like the jump guard: this is a sanity check of
 * what the page shows, never money arithmetic, and a difference exactly at the bound may
 * fall either way.
 */
export function isDisagreement(first: string, second: string): boolean {
  const a = Number(first);
  const b = Number(second);
  const relative = (Math.max(Math.abs(a), Math.abs(b)) * AGREEMENT_PERCENT) / 100;
  const steps = AGREEMENT_STEPS * displayStep(first, second);
  return Math.abs(a - b) > Math.max(relative, steps);
}

/**
 * One unit of the last digit the finer of the two numbers prints: "61293.4" → 0.1. A
 * canonical string drops trailing zeros ("61020.0" is "61020"), so the finer one is the
 * better guess of the page's precision.
 */
function displayStep(first: string, second: string): number {
  return 10 ** -Math.max(decimalPlaces(first), decimalPlaces(second));
}

function decimalPlaces(canonical: string): number {
  const point = canonical.indexOf('.');
  return point < 0 ? 0 : canonical.length - point - 1;
}
