import * as z from 'zod/mini';

import { TRANCHE_ID_PATTERN } from '../plan/tranche-id';
import { EpochMillisSchema, ErrorTextSchema, PriceStringSchema, SymbolSchema, VenueSchema } from './fields';
import { PlanIdSchema, RequestIdSchema } from './plan-ids';

/*
 * Requests about plans: from the popup, the planner and the overlay (an extension page
 * framed into the exchange page), never from content scripts (./roles.ts). Plan files
 * cross as parsed JSON and are validated by the background's checkPlan.
 */

const TrancheIdSchema = z.string().check(z.regex(TRANCHE_ID_PATTERN));

/** Plan views for the popup (all armed and active plans) or the overlay (one page's symbol). */
export const PlansViewRequestSchema = z.strictObject({
  type: z.literal('plans-view'),
  /** Only plans listening to this page's venue and symbol. */
  page: z.optional(z.strictObject({ venue: VenueSchema, symbol: SymbolSchema })),
  /** Include drafts and closed plans (the planner's list). */
  isAll: z.optional(z.boolean()),
});

export const PlanImportRequestSchema = z.strictObject({
  type: z.literal('plan-import'),
  /** The plan file as parsed JSON: checked field by field in the background. */
  plan: z.unknown(),
});

export const PLAN_ACTIONS = [
  'arm',
  'pause',
  'resume',
  'close',
  'delete',
  'restore',
  'mute',
  'unmute',
] as const;
export const PlanActionRequestSchema = z.strictObject({
  type: z.literal('plan-action'),
  id: PlanIdSchema,
  action: z.enum(PLAN_ACTIONS),
});

export const PlanExportRequestSchema = z.strictObject({ type: z.literal('plan-export'), id: PlanIdSchema });

export const PlanFillRequestSchema = z.strictObject({
  type: z.literal('plan-fill'),
  id: PlanIdSchema,
  tranche: TrancheIdSchema,
  /** Absent: the suggested price and quantity. */
  price: z.optional(PriceStringSchema),
  qty: z.optional(PriceStringSchema),
  requestId: RequestIdSchema,
});

export const PlanSkipRequestSchema = z.strictObject({
  type: z.literal('plan-skip'),
  id: PlanIdSchema,
  tranche: TrancheIdSchema,
  requestId: RequestIdSchema,
});

export const QuietSetRequestSchema = z.strictObject({ type: z.literal('quiet-set'), isQuiet: z.boolean() });

// ---- replies -------------------------------------------------------------------------------

const Nullable = <T extends z.ZodMiniType>(schema: T) => z.nullable(schema);
const DecimalOrNull = Nullable(z.string().check(z.maxLength(64)));

const LevelViewSchema = z.strictObject({
  tranche: z.string(),
  label: z.string(),
  kind: z.enum(['entry', 'add', 'target', 'stop']),
  level: z.string(),
  distancePercent: DecimalOrNull,
  distanceAtr: DecimalOrNull,
});

const PlacedPriceViewSchema = z.strictObject({
  place: z.string().check(z.maxLength(32)),
  price: z.string().check(z.maxLength(64)),
});

export const PlanViewSchema = z.strictObject({
  id: PlanIdSchema,
  name: z.string(),
  symbol: z.string(),
  venue: z.string(),
  side: z.enum(['long', 'short']),
  status: z.enum(['draft', 'armed', 'active', 'closed']),
  isPaused: z.boolean(),
  isMuted: z.boolean(),
  tickSize: z.string(),
  lotStep: z.string(),
  quote: Nullable(
    z.strictObject({
      price: z.string(),
      source: z.string(),
      /** When the background received it: surfaces print the time, which needs no refresh. */
      receivedAt: EpochMillisSchema,
      isStale: z.boolean(),
    }),
  ),
  divergence: Nullable(z.strictObject({ first: PlacedPriceViewSchema, second: PlacedPriceViewSchema })),
  position: z.string(),
  averageEntry: DecimalOrNull,
  openRisk: z.string(),
  openRiskPercent: DecimalOrNull,
  openRiskR: DecimalOrNull,
  unrealizedR: DecimalOrNull,
  realizedPnl: z.string(),
  stop: DecimalOrNull,
  atr: DecimalOrNull,
  next: Nullable(LevelViewSchema),
  nextAdd: Nullable(LevelViewSchema),
  nextTarget: Nullable(LevelViewSchema),
  nextStop: Nullable(LevelViewSchema),
  entry: Nullable(LevelViewSchema),
  tranches: z.array(
    z.strictObject({
      id: z.string(),
      label: z.string(),
      level: DecimalOrNull,
      qty: DecimalOrNull,
      status: z.enum(['pending', 'triggered', 'filled', 'skipped', 'too-small', 'cancelled']),
      fillPrice: DecimalOrNull,
      reason: Nullable(z.string()),
    }),
  ),
  waiting: z.array(
    z.strictObject({
      tranche: z.string(),
      label: z.string(),
      price: z.string(),
      qty: z.string(),
      side: z.enum(['buy', 'sell']),
    }),
  ),
  alerts: z.array(z.strictObject({ at: EpochMillisSchema, kind: z.string(), text: z.string() })),
  lots: z.array(z.strictObject({ lot: z.number(), qty: z.string(), fill: z.string(), stop: z.string() })),
  liquidation: DecimalOrNull,
  revision: z.number(),
  levels: z.array(
    z.strictObject({
      index: z.number(),
      price: z.string(),
      label: z.string(),
      distancePercent: DecimalOrNull,
    }),
  ),
  confirmedFills: z.array(
    z.strictObject({
      fill: z.string(),
      tranche: z.string(),
      label: z.string(),
      price: z.string(),
      qty: z.string(),
      at: EpochMillisSchema,
    }),
  ),
});

export const QuarantinedViewSchema = z.strictObject({
  /** The storage key it was found under. */
  key: z.string(),
  /** What it is, as a trader knows it: `Plan “BTC breakout” · BTCUSDT long`, `Latest prices`. */
  label: z.string(),
  /** Why it was kept aside. */
  problem: z.string(),
  /** What that means for the trader: "This plan is not running." */
  effect: z.string(),
  /** The record as it was found, as JSON text, for export. */
  raw: z.string(),
  at: z.number(),
});
export type QuarantinedView = z.infer<typeof QuarantinedViewSchema>;

const ErrorReply = z.strictObject({ ok: z.literal(false), error: ErrorTextSchema });

/** What the popup, the planner and the panel show: pushed to their ports, or one reply to `plans-view`. */
const PLANS_VIEW_SHAPE = {
  plans: z.array(PlanViewSchema),
  /** Records kept aside: listed for the planner only (finding them reads every stored key). */
  quarantined: z.array(QuarantinedViewSchema),
  isQuiet: z.boolean(),
  /** The planner's switch: the on-page panel shows on supported pages even without a plan. */
  isShownWithoutPlan: z.boolean(),
  /** Size of the tick history in bytes, and its cap: for the planner only (null elsewhere). */
  history: z.nullable(z.strictObject({ bytes: z.number(), maxBytes: z.number() })),
  /**
   * When a fresh price shown here turns stale by time alone (epoch ms), the first such
   * moment; null when none will. The view changes then without any write.
   */
  staleAt: z.nullable(z.number()),
  /** The open risk of every armed and active plan against the account heat cap; null without one. */
  heat: z.nullable(
    z.strictObject({
      openRisk: z.string(),
      cap: z.string(),
      capPercent: z.string(),
      equity: z.string(),
      usedPercent: z.string(),
    }),
  ),
};
export const PlansViewSchema = z.strictObject(PLANS_VIEW_SHAPE);
export type PlansView = z.infer<typeof PlansViewSchema>;

export const PlansViewReplySchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), ...PLANS_VIEW_SHAPE }),
  ErrorReply,
]);

export const PlanImportReplySchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), id: PlanIdSchema, warnings: z.array(z.string()) }),
  z.strictObject({ ok: z.literal(false), error: ErrorTextSchema, problems: z.optional(z.array(z.string())) }),
]);

export const PlanExportReplySchema = z.discriminatedUnion('ok', [
  z.strictObject({
    ok: z.literal(true),
    plan: z.unknown(),
    journal: z.array(z.unknown()),
    journalCsv: z.string(),
  }),
  ErrorReply,
]);
