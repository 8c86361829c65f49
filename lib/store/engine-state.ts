import { z } from 'zod';

import type { EngineState } from '../engine/types';
import { TRANCHE_STATUSES } from '../engine/types';
import { PlanSchema } from '../plan/schema';
import { TRANCHE_ID_PATTERN } from '../plan/tranche-id';

/**
 * The engine's state as stored: checked field by field when read back, so that a record
 * damaged on disk is found (and quarantined) instead of crashing the reducer.
 */
const DecimalText = z.string().regex(/^-?\d+(\.\d+)?$/, 'must be a canonical decimal string');

const AddLimitSchema = z.discriminatedUnion('limit', [
  z.object({ limit: z.literal('max-qty'), maxQty: DecimalText }),
  z.object({ limit: z.literal('max-open-risk'), percent: DecimalText, cap: DecimalText }),
  z.object({ limit: z.literal('account-heat'), percent: DecimalText, cap: DecimalText }),
]);

const TooSmallSchema = z.discriminatedUnion('why', [
  z.object({ why: z.literal('zero'), lotStep: DecimalText }),
  z.object({ why: z.literal('min-qty'), qty: DecimalText, minQty: DecimalText }),
  z.object({
    why: z.literal('min-notional'),
    qty: DecimalText,
    price: DecimalText,
    notional: DecimalText,
    minNotional: DecimalText,
  }),
]);

/** Why a tranche was skipped, as data (storage version 3, migration 003-skip-reasons-as-data). */
const SkipReasonSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('trader') }),
  z.object({ code: z.literal('too-small'), tooSmall: TooSmallSchema }),
  z.object({ code: z.literal('limits'), limits: z.array(AddLimitSchema).readonly() }),
  z.object({
    code: z.literal('liquidation'),
    stop: DecimalText,
    liquidation: DecimalText,
    leverage: DecimalText,
    safeLeverage: z.number(),
  }),
  z.object({ code: z.literal('noted'), text: z.string() }),
]);

const TrancheStateSchema = z.object({
  id: z.string().regex(TRANCHE_ID_PATTERN),
  kind: z.enum(['entry', 'add', 'target']),
  index: z.number().int().nonnegative(),
  status: z.enum(TRANCHE_STATUSES),
  level: DecimalText.nullable(),
  qty: DecimalText.nullable(),
  price: DecimalText.nullable(),
  time: z.number().nullable(),
  reason: SkipReasonSchema.nullable(),
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
  version: z.literal(2),
  plan: PlanSchema,
  /** Adjustments applied to the live plan (storage migration 005 gave older states 0). */
  revision: z.number().int().nonnegative(),
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
