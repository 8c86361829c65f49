import type { Decimal } from '../decimal';
import type { Side } from '../plan/schema';
import type { Zone } from './side';

/**
 * The single entry price for an entry range (docs/plan-format.md#tranche-signal): the edge
 * the last price reaches first, coming from where it is — the upper edge when it is above
 * the range, the lower when below; inside the range, the nearer edge (the limit edge on a
 * tie). Without a last price, the edge a limit order would wait at: the upper one for a
 * long, the lower one for a short. Several entry prices (`Entry 1 / 2 / 3`) are read as
 * the range they span.
 */
export function entryEdge(zone: Zone, side: Side, lastPrice: Decimal | undefined): Decimal {
  const limitEdge = side === 'long' ? zone.high : zone.low;
  if (lastPrice === undefined || zone.low.eq(zone.high)) return limitEdge;
  if (lastPrice.gte(zone.high)) return zone.high;
  if (lastPrice.lte(zone.low)) return zone.low;
  const toHigh = zone.high.minus(lastPrice);
  const toLow = lastPrice.minus(zone.low);
  if (toHigh.eq(toLow)) return limitEdge;
  return toHigh.lt(toLow) ? zone.high : zone.low;
}
