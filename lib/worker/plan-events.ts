import type { AccountHeat, EngineEvent } from '../engine/types';
import type { HeatSettings } from '../store/heat-settings';
import type { PlanRecord } from '../store/plans';
import { WriteBatch } from '../store/storage-area';
import { heatFor } from './account-heat';
import { applyEvent, putRecord, stageEvent } from './event-write';
import { isolated } from './isolation';
import { armedAt, isListening } from './listening';
import type { PlanContext } from './plan-context';

export interface IncomingTick {
  readonly venue: string;
  readonly symbol: string;
  readonly price: string;
  readonly time: number;
  readonly source: string;
  /**
   * When the background received it. A plan armed after that never sees it: a price
   * replayed from the stored quotes at the worker's start may predate the plan.
   */
  readonly receivedAt?: number;
}

/**
 * A price from a page: every armed or active, unpaused plan for its symbol and venue
 * steps, each on its own (./isolation.ts). A plan that may add on it is given the account
 * heat of the others, as this tick left them (./account-heat.ts). Returns how many plans
 * heard it and every plan as the tick left it.
 */
export async function stepOnTick(
  ctx: PlanContext,
  tick: IncomingTick,
): Promise<{ readonly routed: number; readonly after: readonly PlanRecord[] }> {
  const { records } = await ctx.stores.plans.readAll();
  const now = ctx.clock.now();
  const batch = new WriteBatch();
  const after: PlanRecord[] = [];
  let routed = 0;
  // Read only when a plan may add: a tick that can add nothing needs no heat.
  let settings: HeatSettings | null = null;
  for (const [place, record] of records.entries()) {
    const isLate = tick.receivedAt !== undefined && tick.receivedAt < armedAt(record);
    if (!isListening(record, tick) || isLate) {
      after.push(record);
      continue;
    }
    routed += 1;
    let heat: AccountHeat | undefined;
    if (mayAdd(record)) {
      settings ??= await ctx.stores.heatSettings.read();
      heat = heatFor([...after, ...records.slice(place)], record.id, settings);
    }
    const event: EngineEvent = {
      type: 'tick',
      price: tick.price,
      time: tick.time,
      source: tick.source,
      ...(heat === undefined ? {} : { heat }),
    };
    const doing = `stepping it on the price ${tick.price} (${tick.source})`;
    const outcome = await isolated(ctx, batch, record, doing, async (own) => {
      const result = applyEvent(record, event, now);
      if (result.effects.length > 0) {
        const input = { price: tick.price, time: tick.time, source: tick.source, venue: tick.venue };
        return stageEvent(ctx, own, result, { event: 'tick', input }, now);
      }
      // A quiet tick returns the same state: nothing to write. One that moved the path
      // (a trailing stop, a re-armed approach, the first price) is written.
      if (result.record !== record) await putRecord(ctx, own, result);
      return result.record;
    });
    if (outcome.ok) after.push(outcome.value);
  }
  await batch.commit(ctx.stores.local);
  return { routed, after };
}

/** An active plan with an add still pending: the one kind of plan a price can make add. */
function mayAdd(record: PlanRecord): boolean {
  const engine = record.engine;
  return (
    engine !== null &&
    engine.phase === 'active' &&
    engine.tranches.some((tranche) => tranche.kind === 'add' && tranche.status === 'pending')
  );
}

/** The page stopped refreshing the price: a `stale` alert, once, for each plan on that symbol. */
export async function stepOnStale(
  ctx: PlanContext,
  stale: { readonly venue: string; readonly symbol: string; readonly since: number },
): Promise<void> {
  const { records } = await ctx.stores.plans.readAll();
  const now = ctx.clock.now();
  const batch = new WriteBatch();
  for (const record of records) {
    if (!isListening(record, stale)) continue;
    await isolated(ctx, batch, record, 'marking its price stale', async (own) => {
      const result = applyEvent(record, { type: 'stale', time: now }, now);
      if (result.effects.length === 0) return;
      await stageEvent(
        ctx,
        own,
        result,
        { event: 'stale', input: { venue: stale.venue, since: stale.since } },
        now,
      );
    });
  }
  await batch.commit(ctx.stores.local);
}
