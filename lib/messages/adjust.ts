import * as z from 'zod/mini';

import { ErrorTextSchema, PositivePriceStringSchema, PriceStringSchema } from './fields';
import { PlanIdSchema, RequestIdSchema } from './plan-ids';

/*
 * Adjusting a live trade (plan format, "Adjusting a live trade"), from the popup, the
 * on-page panel's frame and the planner only (./roles.ts): the preview of an adjustment,
 * the adjustment itself, the correction of a confirmed fill, and the account heat
 * setting. The adjustment crosses as a small flat JSON object, bounded here and read
 * field by field in the background by the plan format's own schema
 * (lib/plan/adjustment.ts), as a plan file is by checkPlan.
 */

/** Longer than any adjustment field but the override reason (500 characters). */
const MAX_FIELD_CHARS = 600;
/** An adjustment names its action and at most four fields besides. */
const MAX_FIELDS = 8;

const AdjustmentBodySchema = z
  .record(
    z.string().check(z.maxLength(32)),
    z.union([z.string().check(z.maxLength(MAX_FIELD_CHARS)), z.number(), z.boolean()]),
  )
  .check(z.refine((body) => Object.keys(body).length <= MAX_FIELDS, 'too many fields for an adjustment'));

export const PlanAdjustRequestSchema = z.strictObject({
  type: z.literal('plan-adjust'),
  id: PlanIdSchema,
  /** `preview`: what it would do, nothing written; `apply`: do it, once per request id. */
  mode: z.enum(['preview', 'apply']),
  adjustment: AdjustmentBodySchema,
  requestId: RequestIdSchema,
});

export const PlanCorrectRequestSchema = z.strictObject({
  type: z.literal('plan-correct'),
  id: PlanIdSchema,
  /** The request id of the confirmation to correct. */
  fill: RequestIdSchema,
  price: z.optional(PositivePriceStringSchema),
  qty: z.optional(PositivePriceStringSchema),
  requestId: RequestIdSchema,
});

/** The account heat setting: both, or neither (no cap). */
export const HeatSetRequestSchema = z
  .strictObject({
    type: z.literal('heat-set'),
    equity: z.nullable(PositivePriceStringSchema),
    capPercent: z.nullable(PositivePriceStringSchema),
  })
  .check(
    z.refine(
      (request) => (request.equity === null) === (request.capPercent === null),
      'give both the equity and the cap, or neither',
    ),
  );

// ---- replies -------------------------------------------------------------------------------

const Decimal = PriceStringSchema;
const DecimalOrNull = z.nullable(Decimal);

export const PositionViewSchema = z.strictObject({
  position: Decimal,
  averageEntry: DecimalOrNull,
  lots: z.array(z.strictObject({ lot: z.number(), qty: Decimal, fill: Decimal, stop: Decimal })),
  openRisk: Decimal,
  openRiskPercent: z.nullable(z.string()),
  openRiskR: z.nullable(z.string()),
  liquidation: DecimalOrNull,
  realizedPnl: Decimal,
});

export const AdjustOutcomeSchema = z.strictObject({
  status: z.enum(['allowed', 'needs-reason', 'refused', 'applied']),
  action: z.string(),
  refusal: z.nullable(z.string()),
  overrides: z.nullable(z.string()),
  fill: z.nullable(z.strictObject({ side: z.enum(['buy', 'sell']), price: Decimal, qty: Decimal })),
  before: PositionViewSchema,
  after: PositionViewSchema,
  changes: z.array(z.string()),
});
export type AdjustOutcomeView = z.infer<typeof AdjustOutcomeSchema>;

export const PlanAdjustReplySchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), outcome: AdjustOutcomeSchema }),
  z.strictObject({ ok: z.literal(false), error: ErrorTextSchema }),
]);
