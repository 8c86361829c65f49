import { Decimal, toCanonical } from '../decimal';
import { approachAlerts } from './approach';
import type { Trigger } from './levels';
import { isPast, pendingLevels, SAME_PRICE_ORDER } from './levels';
import { meetLevel } from './meet-level';
import { applyTickTrail } from './tick-trail';
import { trancheOf } from './tranches';
import type { Working } from './working';

/**
 * The price path (plan format, "Fills and gaps" and "The tick trail"). Prices form a continuous
 * path: from the previous price to this one the path visits, in order, each level it meets
 * in its direction of movement. At each one the tick trail first moves to that price, the
 * level fills, the trail applies again, and any level the price is then at or past (a stop
 * the rules just moved there) fills at that price; at the segment's end the same happens at
 * the end price. A jump (a candle's open after the previous close, the first price of the
 * data, or every move with `--fill observed`) goes to its price at once: every level it
 * passed fills there, in the order the path would have met them.
 */
export function onPrice(
  work: Working,
  price: Decimal,
  time: number,
  isJump: boolean,
  atr: string | null,
): void {
  const { state, plan } = work;
  if (state.phase === 'closed') return;
  const isFirst = state.lastPrice === null;
  if (isFirst && state.phase === 'armed' && plan.entry.when === undefined) {
    // Without `when` the entry waits for the price to come from whichever side the data starts.
    const entry = new Decimal(trancheOf(work, 'entry').level ?? '0');
    state.entryDirection = price.gt(entry) ? 'down' : 'up';
  }
  const from = isFirst ? price : new Decimal(state.lastPrice ?? '0');
  if (isFirst || isJump || state.options.fill === 'observed') jumpTo(work, from, price, time, atr);
  else moveTo(work, from, price, time, atr);
  approachAlerts(work, price, time);
  state.lastPrice = toCanonical(price);
  state.lastTime = time;
}

/**
 * How many turns a segment can take. Every turn at a level fills or settles a tranche, or
 * closes at least one lot (a stop), and at most one move comes between two of them:
 * tranches and lots (at most one per entry or add) bound it.
 */
function turnLimit(work: Working): number {
  return 4 * work.state.tranches.length + 4;
}

/** Resting orders along a continuous move from `from` to `to`: each level fills at its own price. */
function moveTo(work: Working, from: Decimal, to: Decimal, time: number, atr: string | null): void {
  let at = from;
  for (let turn = 0; turn < turnLimit(work); turn += 1) {
    const due = firstLevelPast(work, at);
    if (due !== null) {
      if (!meetLevel(work, due, at, time, atr)) return;
      continue;
    }
    if (at.eq(to)) return;
    at = nearestLevelOnTheWay(work, at, to) ?? to;
    applyTickTrail(work, at);
  }
}

/** A pending level the price is at or past, the first by the same-price order (stops first). */
function firstLevelPast(work: Working, price: Decimal): Trigger | null {
  let first: Trigger | null = null;
  for (const trigger of pendingLevels(work)) {
    if (!isPast(trigger, price)) continue;
    if (first === null || SAME_PRICE_ORDER[trigger.kind] < SAME_PRICE_ORDER[first.kind]) first = trigger;
  }
  return first;
}

/** The nearest level strictly between `at` and `to` (or at `to`) that the move toward `to` meets. */
function nearestLevelOnTheWay(work: Working, at: Decimal, to: Decimal): Decimal | null {
  const way = to.gt(at) ? 'up' : 'down';
  let nearest: Decimal | null = null;
  for (const trigger of pendingLevels(work)) {
    if (trigger.way !== way || !isPast(trigger, to)) continue;
    if (nearest === null || trigger.level.minus(at).abs().lt(nearest.minus(at).abs()))
      nearest = trigger.level;
  }
  return nearest;
}

/**
 * A jump to `to`: the trail moves there first, then every level `to` is at or past fills at
 * `to`, in the order a continuous path from `from` would have met them (stops first at the
 * same place), the trail applying again after each.
 */
function jumpTo(work: Working, from: Decimal, to: Decimal, time: number, atr: string | null): void {
  applyTickTrail(work, to);
  let reached = from;
  for (let turn = 0; turn < turnLimit(work); turn += 1) {
    const met = firstMetOnTheJump(work, reached, to);
    if (met === null) return;
    reached = met.at;
    if (!meetLevel(work, met.trigger, to, time, atr)) return;
  }
}

interface Meeting {
  readonly trigger: Trigger;
  /** Where the continuous path from `reached` would have met it. */
  readonly at: Decimal;
  readonly distance: Decimal;
}

function firstMetOnTheJump(work: Working, reached: Decimal, to: Decimal): Meeting | null {
  let first: Meeting | null = null;
  const way = to.gt(reached) ? 'up' : to.lt(reached) ? 'down' : null;
  for (const trigger of pendingLevels(work)) {
    if (!isPast(trigger, to)) continue;
    const at = isPast(trigger, reached) ? reached : trigger.way === way ? trigger.level : to;
    const meeting = { trigger, at, distance: at.minus(reached).abs() };
    if (
      first === null ||
      meeting.distance.lt(first.distance) ||
      (meeting.distance.eq(first.distance) &&
        SAME_PRICE_ORDER[trigger.kind] < SAME_PRICE_ORDER[first.trigger.kind])
    ) {
      first = meeting;
    }
  }
  return first;
}
