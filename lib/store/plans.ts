import { z } from 'zod';

import { PlanSchema } from '../plan/schema';
import { EngineStateSchema, toStoredEngineState } from './engine-state';

/**
 * A stored plan: the plan file, where it is in its life, and the engine's state.
 * Lifecycle: draft → armed (waiting for the entry) → active (a position is open) →
 * closed; every change is kept with its time. Pausing stops routing ticks to it without
 * changing its state; muting keeps it running without notifications.
 */
export const PLAN_STATUSES = ['draft', 'armed', 'active', 'closed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const PLAN_RECORD_PREFIX = 'plan/';
export const PLAN_INDEX_KEY = 'plans/index';

export function planKey(id: string): string {
  return `${PLAN_RECORD_PREFIX}${id}`;
}

export const LifecycleEntrySchema = z.object({ status: z.enum(PLAN_STATUSES), at: z.number() });

/** The epoch a plan's alert counter starts in. */
export const FIRST_ALERT_EPOCH = '0';
export const AlertEpochSchema = z.string().regex(/^[A-Za-z0-9]{1,32}$/);

export const PlanRecordSchema = z.object({
  version: z.literal(1),
  id: z.string().min(1),
  plan: PlanSchema,
  status: z.enum(PLAN_STATUSES),
  isPaused: z.boolean(),
  isMuted: z.boolean(),
  engine: EngineStateSchema.nullable(),
  lifecycle: z.array(LifecycleEntrySchema),
  /** Ids of confirmations already applied, newest last: a retried message is applied once. */
  processed: z.array(z.string()),
  /** Alerts given so far: the sequence number of the next notification id. */
  alertSeq: z.number().int().nonnegative(),
  /**
   * The alert counter's epoch: "0" for the counter a plan starts with, a fresh random one
   * whenever a repair resets `alertSeq`, so that a notification id is never given twice
   * (lib/worker/notification-id).
   */
  alertEpoch: AlertEpochSchema,
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type PlanRecord = z.infer<typeof PlanRecordSchema>;

/** A record as storage keeps it: JSON-safe (the engine's bounds may be infinite). */
export function storablePlanRecord(record: PlanRecord): unknown {
  return { ...record, engine: record.engine === null ? null : toStoredEngineState(record.engine) };
}

/** The index of plan ids, in the order the trader added them. */
export const PlanIndexSchema = z.array(z.string());

/** How many confirmation ids a record remembers; far more than can be in flight. */
export const PROCESSED_LIMIT = 64;

/** Move a record to a status, recording when (a no-op when it is already there). */
export function withStatus(record: PlanRecord, status: PlanStatus, at: number): PlanRecord {
  if (record.status === status) return record;
  return { ...record, status, lifecycle: [...record.lifecycle, { status, at }], updatedAt: at };
}
