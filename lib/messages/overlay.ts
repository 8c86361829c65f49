import * as z from 'zod/mini';

import { ErrorTextSchema, SiteHostSchema } from './fields';
import { OverlayPositionSchema } from './overlay-frame';

/*
 * The on-page panel's settings, asked and changed by extension pages only: the panel's
 * own frame (overlay.html, keyed by the host of the page it is framed into) and the
 * planner (the "show without a plan" switch). The background owns the record
 * (lib/store/overlay-settings).
 */

export const OverlaySettingsGetRequestSchema = z.strictObject({
  type: z.literal('overlay-settings-get'),
  /** The site whose panel position is wanted; absent: only the global switch. */
  host: z.optional(SiteHostSchema),
});

export const OverlaySettingsSetRequestSchema = z
  .strictObject({
    type: z.literal('overlay-settings-set'),
    host: z.optional(SiteHostSchema),
    position: z.optional(OverlayPositionSchema),
    isCollapsed: z.optional(z.boolean()),
    isShownWithoutPlan: z.optional(z.boolean()),
  })
  .check(
    z.refine(
      (request) =>
        request.host !== undefined || (request.position === undefined && request.isCollapsed === undefined),
      { message: 'a position or a collapsed state needs the site host' },
    ),
  );

export const OverlaySettingsReplySchema = z.discriminatedUnion('ok', [
  z.strictObject({
    ok: z.literal(true),
    isShownWithoutPlan: z.boolean(),
    site: z.strictObject({ position: z.nullable(OverlayPositionSchema), isCollapsed: z.boolean() }),
  }),
  z.strictObject({ ok: z.literal(false), error: ErrorTextSchema }),
]);
export type OverlaySettingsReply = z.infer<typeof OverlaySettingsReplySchema>;
