import * as z from 'zod/mini';

import {
  EpochMillisSchema,
  ErrorTextSchema,
  PriceStringSchema,
  SymbolSchema,
  VenueSchema,
  WebOriginSchema,
} from './fields';

/*
 * Requests of the planner, the popup and the on-page panel's frame that are not about one
 * stored plan: the designer's draft, the trader's account defaults, their own plan
 * templates, the tick history for a replay, and the page a quick plan starts from. Only
 * extension pages send them (./roles.ts); the background owns what they read and write.
 */

/** Far above any real plan (a few kB), as lib/plan/plan-text's MAX_PLAN_TEXT_CHARS. */
const PlanTextSchema = z.string().check(z.maxLength(256 * 1024));
/** A positive amount as the trader typed it, without separators: the background checks its limits. */
const AmountTextSchema = z.string().check(z.maxLength(40), z.regex(/^\d+(\.\d+)?$/));
const TemplateIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/));
const TemplateLabelSchema = z.string().check(z.minLength(1), z.maxLength(80));

export const PlannerDraftGetRequestSchema = z.strictObject({ type: z.literal('planner-draft-get') });
export const PlannerDraftSetRequestSchema = z.strictObject({
  type: z.literal('planner-draft-set'),
  text: PlanTextSchema,
});

export const AccountDefaultsGetRequestSchema = z.strictObject({ type: z.literal('account-defaults-get') });
export const AccountDefaultsSetRequestSchema = z.strictObject({
  type: z.literal('account-defaults-set'),
  equity: z.nullable(AmountTextSchema),
  riskPercent: z.nullable(AmountTextSchema),
});

export const TemplatesListRequestSchema = z.strictObject({ type: z.literal('templates-list') });
export const TemplateSaveRequestSchema = z.strictObject({
  type: z.literal('template-save'),
  label: TemplateLabelSchema,
  /** The plan file as parsed JSON: checked by the background's checkPlan before it is kept. */
  plan: z.unknown(),
});
export const TemplateDeleteRequestSchema = z.strictObject({
  type: z.literal('template-delete'),
  id: TemplateIdSchema,
});

export const TickHistorySpansRequestSchema = z.strictObject({ type: z.literal('tick-history-spans') });
export const TickHistoryReadRequestSchema = z
  .strictObject({
    type: z.literal('tick-history-read'),
    symbol: SymbolSchema,
    fromMillis: EpochMillisSchema,
    toMillis: EpochMillisSchema,
  })
  .check(z.refine((request) => request.fromMillis < request.toMillis, { message: 'from must be before to' }));

/**
 * The page a quick plan starts from: the popup names its tab (and the origin it shows, so
 * a tab that has since left the page gets nothing), the panel's frame its page's venue
 * and symbol.
 */
export const PageQuoteRequestSchema = z.strictObject({
  type: z.literal('page-quote'),
  page: z.union([
    z.strictObject({
      tabId: z.number().check(z.int(), z.nonnegative()),
      origin: WebOriginSchema,
    }),
    z.strictObject({ venue: VenueSchema, symbol: SymbolSchema }),
  ]),
});

// ---- replies -------------------------------------------------------------------------------

const ErrorReply = z.strictObject({ ok: z.literal(false), error: ErrorTextSchema });
function replyOf<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  return z.discriminatedUnion('ok', [z.strictObject({ ok: z.literal(true), ...shape }), ErrorReply]);
}

export const PlannerDraftReplySchema = replyOf({ text: z.nullable(PlanTextSchema) });

export const AccountDefaultsReplySchema = replyOf({
  equity: z.nullable(z.string()),
  riskPercent: z.nullable(z.string()),
});

export const PlanTemplateViewSchema = z.strictObject({
  id: TemplateIdSchema,
  label: TemplateLabelSchema,
  plan: z.record(z.string(), z.unknown()),
  savedAt: EpochMillisSchema,
});
export type PlanTemplateView = z.infer<typeof PlanTemplateViewSchema>;

export const TemplatesListReplySchema = replyOf({ templates: z.array(PlanTemplateViewSchema) });

export const TemplateSaveReplySchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), id: TemplateIdSchema }),
  z.strictObject({ ok: z.literal(false), error: ErrorTextSchema, problems: z.optional(z.array(z.string())) }),
]);

export const HistorySpanSchema = z.strictObject({
  symbol: z.string(),
  fromMillis: EpochMillisSchema,
  toMillis: EpochMillisSchema,
});
export type HistorySpanView = z.infer<typeof HistorySpanSchema>;

export const TickHistorySpansReplySchema = replyOf({ spans: z.array(HistorySpanSchema) });

/** Canonical decimal strings as the history keeps them. */
const HistoryPriceSchema = z.string().check(z.maxLength(64), z.regex(/^-?\d+(\.\d+)?$/));
export const HistoryRowsSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('ticks'),
    ticks: z.array(z.strictObject({ time: EpochMillisSchema, price: HistoryPriceSchema })),
  }),
  z.strictObject({
    kind: z.literal('candles'),
    candles: z.array(
      z.strictObject({
        time: EpochMillisSchema,
        open: HistoryPriceSchema,
        high: HistoryPriceSchema,
        low: HistoryPriceSchema,
        close: HistoryPriceSchema,
      }),
    ),
  }),
]);
export const TickHistoryReadReplySchema = replyOf({ rows: HistoryRowsSchema });

export const PageQuoteViewSchema = z.strictObject({
  venue: VenueSchema,
  symbol: SymbolSchema,
  /** The latest price the background has for it; null before the first. */
  price: z.nullable(PriceStringSchema),
  ageSeconds: z.nullable(z.number()),
  isStale: z.boolean(),
});
export type PageQuoteView = z.infer<typeof PageQuoteViewSchema>;

/** `page: null`: the tab shows no page Tranche reads (or has not sent a price yet). */
export const PageQuoteReplySchema = replyOf({ page: z.nullable(PageQuoteViewSchema) });
