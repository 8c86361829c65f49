import { step } from '../engine/step';
import type { Effect, EngineEvent, EngineState } from '../engine/types';
import type { JournalEntry } from '../store/journal';
import { withStatus, type PlanRecord, type PlanStatus } from '../store/plans';
import type { WriteBatch } from '../store/storage-area';
import { journalEffects } from './journal-effects';
import { notificationFor } from './notifications';
import type { PlanContext } from './plan-context';
import type { NotificationSpec } from './ports';

/*
 * Exactly once: everything an event changes for a plan — its engine state, the engine event
 * in its event log, its journal entry (the tick or confirmation that caused it, with its
 * effects) and the notifications it owes — goes into one write, before anything is shown;
 * the outbox is flushed after.
 */

export interface EventResult {
  readonly record: PlanRecord;
  readonly effects: readonly Effect[];
  /** The engine event that changed the state, and the state before it: what the event log keeps. */
  readonly change?: { readonly before: EngineState; readonly event: EngineEvent };
}

/** Step a plan's engine and carry its phase into the plan's status. Throws what the engine throws. */
export function applyEvent(record: PlanRecord, event: EngineEvent, now: number): EventResult {
  if (record.engine === null) return { record, effects: [] };
  const result = step(record.engine, event);
  if (result.state === record.engine) return { record, effects: result.effects };
  const status: PlanStatus = result.state.phase;
  return {
    record: withStatus({ ...record, engine: result.state, updatedAt: now }, status, now),
    effects: result.effects,
    change: { before: record.engine, event },
  };
}

/**
 * Put the plan's record in `batch`, and the engine event that changed it in its event log
 * (`requestId`: the trader's confirmation, by which a correction names it).
 */
export async function putRecord(
  ctx: PlanContext,
  batch: WriteBatch,
  result: EventResult,
  requestId?: string,
): Promise<void> {
  ctx.stores.plans.put(batch, result.record);
  const { change } = result;
  if (change !== undefined) {
    await ctx.stores.eventLogs.append(batch, result.record.id, change.before, change.event, requestId);
  }
}

/**
 * Put one event's record, journal entry and owed notifications in `batch`. Each alert is
 * numbered from the plan's counter in the same write, so it is numbered once.
 */
export async function stageEvent(
  ctx: PlanContext,
  batch: WriteBatch,
  result: EventResult,
  entry: Omit<JournalEntry, 'at' | 'effects'>,
  now: number,
  requestId?: string,
): Promise<PlanRecord> {
  let record = result.record;
  // The quiet switch matters only for alerts, which are rare: read it only then.
  const hasAlert = result.effects.some((effect) => effect.type === 'alert');
  const isQuiet = hasAlert && (await ctx.stores.alertSettings.read()).isQuiet;
  const engine = record.engine;
  const owed: NotificationSpec[] = [];
  for (const effect of result.effects) {
    if (effect.type !== 'alert' || engine === null) continue;
    const number = { epoch: record.alertEpoch, seq: record.alertSeq };
    record = { ...record, alertSeq: number.seq + 1 };
    if (!record.isMuted && !isQuiet) owed.push(notificationFor(record.id, number, effect, engine));
  }
  await putRecord(ctx, batch, { ...result, record }, requestId);
  await ctx.stores.journals.append(batch, record.id, {
    ...entry,
    at: now,
    effects: journalEffects(record.plan, result.effects),
  });
  await ctx.stores.outbox.owe(batch, owed);
  return record;
}
