import * as z from 'zod/mini';

import {
  DecimalMarkSchema,
  EpochMillisSchema,
  ErrorTextSchema,
  SelectorSchema,
  SymbolSchema,
  WebOriginSchema,
} from './fields';
import { PlanAdjustReplySchema } from './adjust';
import { OverlaySettingsReplySchema } from './overlay';
import { PlanExportReplySchema, PlanImportReplySchema, PlansViewReplySchema } from './plans';
import {
  AccountDefaultsReplySchema,
  PageQuoteReplySchema,
  PlannerDraftReplySchema,
  TemplateSaveReplySchema,
  TemplatesListReplySchema,
  TickHistoryReadReplySchema,
  TickHistorySpansReplySchema,
} from './planner';
import type { RequestType } from './requests';
import { WatchConfigReplySchema } from './watch-config';

/*
 * One reply schema per request type: `{ ok: true, ... } | { ok: false, error }`. The
 * background validates what it is about to send, and receivers validate what they get,
 * so a refusal is a value to show, never an exception.
 */

export const ErrorReplySchema = z.strictObject({ ok: z.literal(false), error: ErrorTextSchema });
export type ErrorReply = z.infer<typeof ErrorReplySchema>;

function replyOf<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  return z.discriminatedUnion('ok', [z.strictObject({ ok: z.literal(true), ...shape }), ErrorReplySchema]);
}

export const AckReplySchema = replyOf({});

/** A picked site as the popup lists it. */
export const PickedSiteViewSchema = z.strictObject({
  origin: WebOriginSchema,
  selector: SelectorSchema,
  symbol: z.nullable(SymbolSchema),
  decimalMark: z.nullable(DecimalMarkSchema),
  pickedAt: EpochMillisSchema,
});
export type PickedSiteView = z.infer<typeof PickedSiteViewSchema>;

export const PickerStartReplySchema = replyOf({ origin: WebOriginSchema });
export const PickerResultReplySchema = replyOf({ origin: WebOriginSchema });
export const PickedSitesListReplySchema = replyOf({ sites: z.array(PickedSiteViewSchema) });

export const REPLY_SCHEMAS = {
  tick: AckReplySchema,
  stale: AckReplySchema,
  diverged: AckReplySchema,
  'watch-config': WatchConfigReplySchema,
  'picker-result': PickerResultReplySchema,
  'picker-cancel': AckReplySchema,
  'picker-start': PickerStartReplySchema,
  'picked-sites-list': PickedSitesListReplySchema,
  'picked-site-remove': AckReplySchema,
  'plans-view': PlansViewReplySchema,
  'plan-import': PlanImportReplySchema,
  'plan-action': AckReplySchema,
  'plan-export': PlanExportReplySchema,
  'plan-fill': AckReplySchema,
  'plan-skip': AckReplySchema,
  'quiet-set': AckReplySchema,
  'overlay-settings-get': OverlaySettingsReplySchema,
  'overlay-settings-set': AckReplySchema,
  'plan-adjust': PlanAdjustReplySchema,
  'plan-correct': AckReplySchema,
  'heat-set': AckReplySchema,
  'planner-draft-get': PlannerDraftReplySchema,
  'planner-draft-set': AckReplySchema,
  'account-defaults-get': AccountDefaultsReplySchema,
  'account-defaults-set': AckReplySchema,
  'templates-list': TemplatesListReplySchema,
  'template-save': TemplateSaveReplySchema,
  'template-delete': AckReplySchema,
  'tick-history-spans': TickHistorySpansReplySchema,
  'tick-history-read': TickHistoryReadReplySchema,
  'page-quote': PageQuoteReplySchema,
} as const satisfies Record<RequestType, z.ZodMiniType>;

/** The reply to a request of type T: `ReplyOf<'picker-start'>` is `{ ok: true, origin } | { ok: false, error }`. */
export type ReplyOf<T extends RequestType> = z.infer<(typeof REPLY_SCHEMAS)[T]>;
