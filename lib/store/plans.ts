import { z } from 'zod';

import { PlanSchema } from '../plan/schema';
import { EngineStateSchema } from './engine-state';

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
export const PLAN_TRASH_KEY = 'plans/trash';

export function planKey(id: string): string {
  return `${PLAN_RECORD_PREFIX}${id}`;
}

export const LifecycleEntrySchema = z.object({ status: z.enum(PLAN_STATUSES), at: z.number() });

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
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type PlanRecord = z.infer<typeof PlanRecordSchema>;

/** The index of plan ids, in the order the trader added them. */
export const PlanIndexSchema = z.array(z.string());

/** How many confirmation ids a record remembers; far more than can be in flight. */
export const PROCESSED_LIMIT = 64;

/** Move a record to a status, recording when (a no-op when it is already there). */
export function withStatus(record: PlanRecord, status: PlanStatus, at: number): PlanRecord {
  if (record.status === status) return record;
  return { ...record, status, lifecycle: [...record.lifecycle, { status, at }], updatedAt: at };
}
