import * as z from 'zod/mini';

import { ErrorTextSchema, SymbolSchema, VenueSchema } from './fields';
import { PlansViewSchema, type PlansViewRequestSchema } from './plans';

/*
 * The port each surface (popup, planner, the panel's frame) opens to the background
 * (`runtime.connect({ name: VIEW_PORT_NAME })`): the surface says once which plans it shows
 * and whenever it is hidden or shown again; the background pushes a fresh view after each
 * change that alters it. Only extension pages may open it (the background checks the
 * port's sender as for messages); every message either way is parsed with these schemas.
 */

export const VIEW_PORT_NAME = 'tranche-views';

/** Which plans a surface shows. */
export const ViewScopeSchema = z.discriminatedUnion('kind', [
  /** The popup: every armed and active plan. */
  z.strictObject({ kind: z.literal('active') }),
  /** The planner: every plan (drafts and closed ones too), the records kept aside, the tick history's size. */
  z.strictObject({ kind: z.literal('all') }),
  /** The panel on an exchange page: the plans (drafts aside) listening to that page's venue and symbol. */
  z.strictObject({ kind: z.literal('page'), venue: VenueSchema, symbol: SymbolSchema }),
]);
export type ViewScope = z.infer<typeof ViewScopeSchema>;

/** The scope a one-off `plans-view` request asks for: a page's plans, all of them, or the active ones. */
export function scopeOfRequest(request: z.infer<typeof PlansViewRequestSchema>): ViewScope {
  if (request.page !== undefined) return { kind: 'page', ...request.page };
  return request.isAll === true ? { kind: 'all' } : { kind: 'active' };
}

/** Surface → background, first: what to show, and whether the surface is on screen now. */
export const ViewSubscribeSchema = z.strictObject({
  type: z.literal('subscribe'),
  scope: ViewScopeSchema,
  isVisible: z.boolean(),
});

/** Surface → background: hidden (a background tab, a closed popup window) or shown again. */
export const ViewVisibilitySchema = z.strictObject({ type: z.literal('visibility'), isVisible: z.boolean() });

export const ViewPortRequestSchema = z.discriminatedUnion('type', [
  ViewSubscribeSchema,
  ViewVisibilitySchema,
]);
export type ViewPortRequest = z.infer<typeof ViewPortRequestSchema>;

/** Background → surface: the view, or why it could not be made (the last view stays on screen). */
export const ViewPushSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('view'), view: PlansViewSchema }),
  z.strictObject({ type: z.literal('error'), error: ErrorTextSchema }),
]);
export type ViewPush = z.infer<typeof ViewPushSchema>;
