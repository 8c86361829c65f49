import { Decimal, isDecimalString, toCanonical } from '../decimal';
import { roundStop } from './round';
import type { Side } from '../plan/schema';

/**
 * A stop placed beyond a key level (plan format, "Key levels"): a long's stop *below* a
 * support, a short's *above* a resistance, by one tick or by a fraction of the ATR. The
 * price is then rounded toward safety on the tick grid, as the engine rounds every stop,
 * so what the preview shows is what the engine will keep.
 */
export type StopDistance = { readonly by: 'tick' } | { readonly by: 'atr'; readonly fraction: string };

export type StopBeyondLevel = { ok: true; price: string } | { ok: false; message: string };

export function stopBeyondLevel(
  side: Side,
  level: string,
  tickSize: string,
  distance: StopDistance,
  atr: string | null,
): StopBeyondLevel {
  const tick = new Decimal(tickSize);
  let gap = tick;
  if (distance.by === 'atr') {
    if (atr === null) return { ok: false, message: 'This plan has no ATR yet: use a tick instead' };
    const fraction = distance.fraction.trim();
    if (!isDecimalString(fraction) || !new Decimal(fraction).gt(0)) {
      return { ok: false, message: `ATR fraction "${distance.fraction}" is not a number above 0, like 0.25` };
    }
    gap = new Decimal(atr).mul(fraction);
  }
  const beyond = side === 'long' ? new Decimal(level).minus(gap) : new Decimal(level).plus(gap);
  const price = roundStop(beyond, tick, side);
  if (!price.gt(0)) return { ok: false, message: 'That stop would be at or below zero' };
  return { ok: true, price: toCanonical(price) };
}
