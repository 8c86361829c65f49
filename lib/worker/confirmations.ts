import type { EngineEvent } from '../engine/types';
import { PROCESSED_LIMIT } from '../store/plans';
import { rejectionWords } from '../words/effect-words';
import { WriteBatch } from '../store/storage-area';
import { applyEvent, stageEvent } from './event-write';
import { isolated } from './isolation';
import type { ActionResult, PlanContext } from './plan-context';

export interface Confirmation {
  readonly id: string;
  readonly tranche: string;
  /** The sender's own id: a message sent again (the worker stopped before answering) is applied once. */
  readonly requestId: string;
  /** `fill` or `skip`: the journal's event. */
  readonly name: 'fill' | 'skip';
  /** The confirmation as received, for the journal. */
  readonly input: Readonly<Record<string, string | null>>;
  readonly event: (time: number) => EngineEvent;
}

/** The trader's confirmation (or skip) of a waiting tranche: applied once, journaled, with what it owes. */
export async function applyConfirmation(ctx: PlanContext, confirmation: Confirmation): Promise<ActionResult> {
  const { id, requestId } = confirmation;
  const record = await ctx.stores.plans.read(id);
  if (record === null) return { ok: false, error: `no plan "${id}"` };
  if (record.processed.includes(requestId)) return { ok: true };
  if (record.engine === null) return { ok: false, error: 'the plan is not armed' };
  const now = ctx.clock.now();
  const batch = new WriteBatch();
  const doing = `applying the ${confirmation.name} of ${confirmation.tranche}`;
  const outcome = await isolated(ctx, batch, record, doing, async (own): Promise<ActionResult> => {
    const applied = applyEvent(record, confirmation.event(now), now);
    const refused = applied.effects.find((effect) => effect.type === 'rejected');
    if (refused?.type === 'rejected') {
      return { ok: false, error: rejectionWords(refused.tranche, refused.rejection) };
    }
    const processed = [...applied.record.processed, requestId].slice(-PROCESSED_LIMIT);
    await stageEvent(
      ctx,
      own,
      { ...applied, record: { ...applied.record, processed } },
      { event: confirmation.name, input: { ...confirmation.input, requestId } },
      now,
      requestId,
    );
    return { ok: true };
  });
  await batch.commit(ctx.stores.local);
  if (!outcome.ok) {
    return {
      ok: false,
      error: `the plan could not be run and was set aside (see the planner): ${outcome.error}`,
    };
  }
  return outcome.value;
}
