import type { PlanRecord } from '../store/plans';
import type { WriteBatch } from '../store/storage-area';
import type { PlanContext } from './plan-context';

export type Isolated<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: string; readonly problem: string };

/**
 * Run one plan's part of an event on a batch of its own. A plan whose part throws (a
 * record its schema accepts but the engine cannot step) is set aside with the error —
 * quarantined, listed in the planner, journaled — and nothing of its part is written: the
 * event goes on for every other plan. `doing` says what failed: "stepping it on …".
 */
export async function isolated<T>(
  ctx: PlanContext,
  batch: WriteBatch,
  record: PlanRecord,
  doing: string,
  run: (own: WriteBatch) => Promise<T>,
): Promise<Isolated<T>> {
  const own = batch.child();
  try {
    const value = await run(own);
    batch.merge(own);
    return { ok: true, value };
  } catch (thrown) {
    const error = thrown instanceof Error ? thrown.message : String(thrown);
    const problem = `stopped: ${doing} failed: ${error}`;
    ctx.log(`plan ${record.id} ${problem}`);
    await ctx.stores.plans.setAside(batch, record, problem);
    await ctx.stores.journals.append(batch, record.id, {
      at: ctx.clock.now(),
      event: 'quarantined',
      input: { problem },
      effects: [],
    });
    return { ok: false, error, problem };
  }
}
