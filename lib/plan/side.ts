import type { Decimal } from '../decimal';
import type { Side } from './schema';

export type { Side } from './schema';

/** +1 for a long, −1 for a short: multiplies a distance in the trade's favour. */
export function direction(side: Side): 1 | -1 {
  return side === 'long' ? 1 : -1;
}

/** `a` is better for the trade than `b`: higher for a long, lower for a short. */
export function isBetter(side: Side, a: Decimal, b: Decimal): boolean {
  return side === 'long' ? a.gt(b) : a.lt(b);
}
