import { z } from 'zod';

import type { EngineState } from '../engine/types';
import { TRANCHE_STATUSES } from '../engine/types';
import { PlanSchema } from '../plan/schema';

/**
 * The engine's state as stored: checked field by field when read back, so that a record
 * damaged on disk is found (and quarantined) instead of crashing the reducer.
 */
const DecimalText = z.string().regex(/^-?\d+(\.\d+)?$/, 'must be a canonical decimal string');

const TrancheStateSchema = z.object({
  id: z.string(),
  kind: z.enum(['entry', 'add', 'target']),
  index: z.number().int().nonnegative(),
  status: z.enum(TRANCHE_STATUSES),
  level: DecimalText.nullable(),
  qty: DecimalText.nullable(),
  price: DecimalText.nullable(),
  time: z.number().nullable(),
  reason: z.string().nullable(),
});

const LotSchema = z.object({
  tranche: z.string(),
  fill: DecimalText,
  qty: DecimalText,
  stop: DecimalText,
  time: z.number(),
});

const DerivedSchema = z.object({
  entryPrice: DecimalText,
  initialStop: DecimalText,
  r: DecimalText,
  budget: DecimalText,
  entryQty: DecimalText,
  initialRisk: DecimalText,
  atr: DecimalText.nullable(),
  targets: z.array(DecimalText),
  activations: z.array(DecimalText.nullable()),
});

/** Bounds are floats that may be ±Infinity or NaN, which JSON stores as null. */
const BoundSchema = z
  .number()
  .nullable()
  .transform((value) => value ?? Number.NaN);

export const EngineStateSchema = z.object({
  version: z.literal(1),
  plan: PlanSchema,
  options: z.object({ mode: z.enum(['auto', 'confirm']), fill: z.enum(['level', 'observed']) }),
  phase: z.enum(['armed', 'active', 'closed']),
  derived: DerivedSchema.nullable(),
  entryDirection: z.enum(['up', 'down']).nullable(),
  tranches: z.array(TrancheStateSchema).min(1),
  lots: z.array(LotSchema),
  stepFrom: DecimalText.nullable(),
  lastEntryFill: DecimalText.nullable(),
  peak: DecimalText,
  realizedPnl: DecimalText,
  maxOpenRisk: DecimalText,
  fills: z.number().int().nonnegative(),
  tickRules: z.array(z.object({ active: z.boolean(), best: DecimalText.nullable() })),
  approached: z.array(z.string()),
  stopTrigger: z.object({ price: DecimalText, qty: DecimalText, time: z.number() }).nullable(),
  isStale: z.boolean(),
  lastPrice: DecimalText.nullable(),
  lastTime: z.number().nullable(),
  upBound: BoundSchema,
  downBound: BoundSchema,
}) satisfies z.ZodType<EngineState, unknown>;

/**
 * JSON turns ±Infinity and NaN into null; storage.local does the same. Bounds are
 * recomputed on the next event anyway, so a stored state keeps them as null and reads
 * them back as NaN (never quiet: the next tick recomputes them).
 */
export function toStoredEngineState(state: EngineState): unknown {
  return {
    ...state,
    upBound: Number.isFinite(state.upBound) ? state.upBound : null,
    downBound: Number.isFinite(state.downBound) ? state.downBound : null,
  };
}
