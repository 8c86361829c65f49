import * as z from 'zod/mini';

import {
  DecimalMarkSchema,
  EpochMillisSchema,
  PositivePriceStringSchema,
  PriceStringSchema,
  SelectorSchema,
  SymbolSchema,
  TickSourceSchema,
  VenueSchema,
  WebOriginSchema,
} from './fields';
import {
  PlanActionRequestSchema,
  PlanExportRequestSchema,
  PlanFillRequestSchema,
  PlanImportRequestSchema,
  PlanSkipRequestSchema,
  PlansViewRequestSchema,
  QuietSetRequestSchema,
} from './plans';
import { OverlaySettingsGetRequestSchema, OverlaySettingsSetRequestSchema } from './overlay';
import { HeatSetRequestSchema, PlanAdjustRequestSchema, PlanCorrectRequestSchema } from './adjust';
import {
  AccountDefaultsGetRequestSchema,
  AccountDefaultsSetRequestSchema,
  PageQuoteRequestSchema,
  PlannerDraftGetRequestSchema,
  PlannerDraftSetRequestSchema,
  TemplateDeleteRequestSchema,
  TemplateSaveRequestSchema,
  TemplatesListRequestSchema,
  TickHistoryReadRequestSchema,
  TickHistorySpansRequestSchema,
} from './planner';

/*
 * Every request the background accepts, one schema each, a discriminated union on `type`.
 * Objects are strict: a field the schema does not name is a malformed message, not noise.
 * Who may send which type is in ./roles.ts; it is checked before these are parsed.
 */

// ---- from content scripts (web pages the extension reads) -------------------------------

/** One price the page showed, after coalescing and the jump guard (lib/watch). */
export const TickMessageSchema = z.strictObject({
  type: z.literal('tick'),
  venue: VenueSchema,
  symbol: SymbolSchema,
  /** Above 0: a page showing 0 or a negative number shows no price. */
  price: PositivePriceStringSchema,
  /** When the page showed it (content script clock). */
  time: EpochMillisSchema,
  source: TickSourceSchema,
});
export type TickMessage = z.infer<typeof TickMessageSchema>;

/** The page has not refreshed the price of this symbol since `since` (docs/page-reading.md#page-safety). */
export const StaleMessageSchema = z.strictObject({
  type: z.literal('stale'),
  venue: VenueSchema,
  symbol: SymbolSchema,
  since: EpochMillisSchema,
});
export type StaleMessage = z.infer<typeof StaleMessageSchema>;

/** Where a page shows its last price (lib/sites/types `PricePlace`). */
export const PricePlaceSchema = z.enum(['title', 'order book', 'chart legend']);

const PlacedPriceSchema = z.strictObject({ place: PricePlaceSchema, price: PositivePriceStringSchema });

/**
 * The page shows its last price in two places that have disagreed since `since` for
 * longer than a moment (lib/watch/cross-check): it sends no tick until they agree again.
 */
export const DivergedMessageSchema = z.strictObject({
  type: z.literal('diverged'),
  venue: VenueSchema,
  symbol: SymbolSchema,
  first: PlacedPriceSchema,
  second: PlacedPriceSchema,
  since: EpochMillisSchema,
  /** When the page showed these two numbers (content script clock). */
  time: EpochMillisSchema,
});
export type DivergedMessage = z.infer<typeof DivergedMessageSchema>;

/** A content script starting on a page asks how to watch it (settings and any picked element). */
export const WatchConfigRequestSchema = z.strictObject({ type: z.literal('watch-config') });
export type WatchConfigRequest = z.infer<typeof WatchConfigRequestSchema>;

/** The picker script: the trader clicked an element and confirmed the value it shows. */
export const PickerResultMessageSchema = z.strictObject({
  type: z.literal('picker-result'),
  selector: SelectorSchema,
  /** The value shown to the trader for confirmation. */
  price: PriceStringSchema,
  /** Symbol typed or confirmed by the trader; null when the page title names it. */
  symbol: z.nullable(SymbolSchema),
  /** The decimal mark the trader chose when the number alone was ambiguous; null: none needed. */
  decimalMark: z.nullable(DecimalMarkSchema),
});
export type PickerResultMessage = z.infer<typeof PickerResultMessageSchema>;

/** The picker script: the trader pressed Escape or Cancel. */
export const PickerCancelMessageSchema = z.strictObject({ type: z.literal('picker-cancel') });
export type PickerCancelMessage = z.infer<typeof PickerCancelMessageSchema>;

// ---- from extension pages (popup, planner) ------------------------------------------------

/** Start the element picker in a tab; the popup has already obtained the host permission. */
export const PickerStartMessageSchema = z.strictObject({
  type: z.literal('picker-start'),
  tabId: z.number().check(z.int(), z.nonnegative()),
});
export type PickerStartMessage = z.infer<typeof PickerStartMessageSchema>;

export const PickedSitesListMessageSchema = z.strictObject({ type: z.literal('picked-sites-list') });
export type PickedSitesListMessage = z.infer<typeof PickedSitesListMessageSchema>;

/** Forget a picked site: its selector, its registered content script and its host permission. */
export const PickedSiteRemoveMessageSchema = z.strictObject({
  type: z.literal('picked-site-remove'),
  origin: WebOriginSchema,
});
export type PickedSiteRemoveMessage = z.infer<typeof PickedSiteRemoveMessageSchema>;

export const RequestSchema = z.discriminatedUnion('type', [
  TickMessageSchema,
  StaleMessageSchema,
  DivergedMessageSchema,
  WatchConfigRequestSchema,
  PickerResultMessageSchema,
  PickerCancelMessageSchema,
  PickerStartMessageSchema,
  PickedSitesListMessageSchema,
  PickedSiteRemoveMessageSchema,
  PlansViewRequestSchema,
  PlanImportRequestSchema,
  PlanActionRequestSchema,
  PlanExportRequestSchema,
  PlanFillRequestSchema,
  PlanSkipRequestSchema,
  QuietSetRequestSchema,
  OverlaySettingsGetRequestSchema,
  OverlaySettingsSetRequestSchema,
  PlanAdjustRequestSchema,
  PlanCorrectRequestSchema,
  HeatSetRequestSchema,
  PlannerDraftGetRequestSchema,
  PlannerDraftSetRequestSchema,
  AccountDefaultsGetRequestSchema,
  AccountDefaultsSetRequestSchema,
  TemplatesListRequestSchema,
  TemplateSaveRequestSchema,
  TemplateDeleteRequestSchema,
  TickHistorySpansRequestSchema,
  TickHistoryReadRequestSchema,
  PageQuoteRequestSchema,
]);
export type Request = z.infer<typeof RequestSchema>;
export type RequestType = Request['type'];
/** The request of one type: `RequestOf<'tick'>` is `TickMessage`. */
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;
