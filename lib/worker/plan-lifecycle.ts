import { checkPlan } from '../checks/check-plan';
import { createEngine } from '../engine/create';
import type { Effect } from '../engine/types';
import type { Problem } from '../plan/problems';
import { FIRST_ALERT_EPOCH, withStatus, type PlanRecord } from '../store/plans';
import { WriteBatch } from '../store/storage-area';
import { applyEvent, stageEvent, type EventResult } from './event-write';
import { isolated } from './isolation';
import type { ActionResult, PlanContext } from './plan-context';

/*
 * A plan's life: imported as a draft, armed (waiting for the entry), active, closed;
 * paused, muted, deleted to the trash and restored from it. Each change is journaled.
 */

type Change = (
  record: PlanRecord,
  now: number,
) => { record: PlanRecord; effects: readonly Effect[]; change?: EventResult['change'] } | { error: string };

/** Store a plan file as a draft; an invalid one stores nothing and says why, field by field. */
export async function importPlan(
  ctx: PlanContext,
  json: unknown,
): Promise<{ ok: true; id: string; warnings: Problem[] } | { ok: false; problems: Problem[] }> {
  const check = checkPlan(json);
  if (!check.ok) return { ok: false, problems: check.problems };
  const now = ctx.clock.now();
  const id = ctx.newId();
  const record: PlanRecord = {
    version: 1,
    id,
    plan: check.plan,
    status: 'draft',
    isPaused: false,
    isMuted: false,
    engine: null,
    lifecycle: [{ status: 'draft', at: now }],
    processed: [],
    alertSeq: 0,
    alertEpoch: FIRST_ALERT_EPOCH,
    createdAt: now,
    updatedAt: now,
  };
  const batch = new WriteBatch();
  await ctx.stores.plans.add(batch, record);
  await ctx.stores.journals.append(batch, id, {
    at: now,
    event: 'import',
    input: { name: check.plan.name },
    effects: [],
  });
  await batch.commit(ctx.stores.local);
  return { ok: true, id, warnings: check.warnings };
}

/**
 * Arm a draft (or re-arm a closed plan): the engine starts waiting for the entry, and its
 * event log starts from it (a re-armed plan is a new trade).
 */
export function arm(ctx: PlanContext, id: string): Promise<ActionResult> {
  return changePlan(
    ctx,
    id,
    'arm',
    (record, now) => {
      if (record.status === 'armed' || record.status === 'active')
        return { error: `the plan is already ${record.status}` };
      const engine = createEngine(record.plan, { mode: 'confirm', fill: 'level' });
      return { record: withStatus({ ...record, engine, isPaused: false }, 'armed', now), effects: [] };
    },
    (batch, record) => {
      if (record.engine !== null) ctx.stores.eventLogs.start(batch, record.id, record.engine);
    },
  );
}

export function setPaused(ctx: PlanContext, id: string, isPaused: boolean): Promise<ActionResult> {
  return changePlan(ctx, id, isPaused ? 'pause' : 'resume', (record) => ({
    record: { ...record, isPaused },
    effects: [],
  }));
}

export function setMuted(ctx: PlanContext, id: string, isMuted: boolean): Promise<ActionResult> {
  return changePlan(ctx, id, isMuted ? 'mute' : 'unmute', (record) => ({
    record: { ...record, isMuted },
    effects: [],
  }));
}

/** Close a plan: pending tranches are cancelled; the journal stays. */
export function close(ctx: PlanContext, id: string): Promise<ActionResult> {
  return changePlan(ctx, id, 'cancel', (record, now) => {
    if (record.status === 'closed') return { error: 'the plan is already closed' };
    if (record.engine === null) return { record: withStatus(record, 'closed', now), effects: [] };
    return applyEvent(record, { type: 'cancel', time: now }, now);
  });
}

/** Delete a plan to the trash (its record and journal as stored), from where `restore` brings it back. */
export async function remove(ctx: PlanContext, id: string): Promise<ActionResult> {
  const { plans, journals, trash } = ctx.stores;
  if (!(await plans.index()).includes(id)) return { ok: false, error: `no plan "${id}"` };
  const record = await plans.stored(id);
  if (typeof record !== 'object' || record === null) return { ok: false, error: `no plan "${id}"` };
  const batch = new WriteBatch();
  await trash.add(batch, {
    record: { ...record, id },
    journal: (await journals.stored(id)) ?? [],
    deletedAt: ctx.clock.now(),
  });
  await plans.drop(batch, id);
  journals.drop(batch, id);
  ctx.stores.eventLogs.drop(batch, id);
  await batch.commit(ctx.stores.local);
  return { ok: true };
}

/** Undo a deletion: the plan and its journal are back, last in the list. */
export async function restore(ctx: PlanContext, id: string): Promise<ActionResult> {
  const { plans, journals, trash } = ctx.stores;
  const entries = await trash.read();
  const position = entries.findIndex((entry) => entry.record.id === id);
  const entry = entries[position];
  if (entry === undefined) return { ok: false, error: `no deleted plan "${id}" to restore` };
  const batch = new WriteBatch();
  await plans.restore(batch, id, entry.record);
  journals.restore(batch, id, entry.journal);
  trash.replace(
    batch,
    entries.filter((_, index) => index !== position),
  );
  await batch.commit(ctx.stores.local);
  return { ok: true };
}

/** One lifecycle change of one plan, journaled under `name`; `staged` adds to the same write. */
async function changePlan(
  ctx: PlanContext,
  id: string,
  name: string,
  change: Change,
  staged?: (batch: WriteBatch, record: PlanRecord) => void,
): Promise<ActionResult> {
  const record = await ctx.stores.plans.read(id);
  if (record === null) return { ok: false, error: `no plan "${id}"` };
  const now = ctx.clock.now();
  const batch = new WriteBatch();
  const outcome = await isolated(ctx, batch, record, name, async (own): Promise<ActionResult> => {
    const changed = change(record, now);
    if ('error' in changed) return { ok: false, error: changed.error };
    const result = { ...changed, record: { ...changed.record, updatedAt: now } };
    const written = await stageEvent(ctx, own, result, { event: name, input: {} }, now);
    staged?.(own, written);
    return { ok: true };
  });
  await batch.commit(ctx.stores.local);
  return outcome.ok
    ? outcome.value
    : { ok: false, error: `the plan could not be run and was set aside: ${outcome.error}` };
}
