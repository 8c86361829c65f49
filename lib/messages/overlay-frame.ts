import * as z from 'zod/mini';

import { OVERLAY_CHANNEL } from './overlay-channel';

export { OVERLAY_CHANNEL, OVERLAY_PARAMS } from './overlay-channel';

/*
 * What the content script reads besides `watch-config`: the background's shortcut
 * message, and the window.postMessage conversation with the panel's frame (the extension
 * page overlay.html, framed into the page inside a closed shadow root). The content script
 * checks them with ./content-checks.ts, which its tests hold to these schemas.
 *
 * Frame → content script messages are accepted only from that frame's window and the
 * extension's origin. Content script → frame messages can be forged by the page (it
 * shares the content script's window), so they carry nothing but where the panel was put.
 */

/** The background, on the keyboard shortcut (commands API): show or hide the panel on this tab. */
export const OverlayToggleMessageSchema = z.strictObject({ type: z.literal('overlay-toggle') });
export type OverlayToggleMessage = z.infer<typeof OverlayToggleMessageSchema>;

/** CSS pixels, bounded: a page is never wider or taller than this. */
const PixelsSchema = z.number().check(z.int(), z.minimum(-100_000), z.maximum(100_000));
const SizeSchema = z.number().check(z.int(), z.minimum(0), z.maximum(100_000));

export const OverlayPositionSchema = z.strictObject({
  left: z.number().check(z.int(), z.minimum(0), z.maximum(100_000)),
  top: z.number().check(z.int(), z.minimum(0), z.maximum(100_000)),
});
export type OverlayPosition = z.infer<typeof OverlayPositionSchema>;

/** The frame's wish: shown or not, its size, and where the trader left it (null: the default corner). */
export const OverlayLayoutMessageSchema = z.strictObject({
  channel: z.literal(OVERLAY_CHANNEL),
  type: z.literal('layout'),
  /** A plan matches this page, or the trader shows the panel everywhere. */
  isWanted: z.boolean(),
  isCollapsed: z.boolean(),
  width: SizeSchema,
  height: SizeSchema,
  position: z.nullable(OverlayPositionSchema),
});
export type OverlayLayoutMessage = z.infer<typeof OverlayLayoutMessageSchema>;

/**
 * The trader drags the panel by its handle: where the pointer is, in screen pixels (the
 * same for the frame and the page, and stable while the frame moves under the pointer).
 * The content script follows the pointer on the page too, where the frame loses it.
 */
export const OverlayDragMessageSchema = z.strictObject({
  channel: z.literal(OVERLAY_CHANNEL),
  type: z.literal('drag'),
  phase: z.enum(['start', 'move', 'end']),
  screenX: PixelsSchema,
  screenY: PixelsSchema,
});
export type OverlayDragMessage = z.infer<typeof OverlayDragMessageSchema>;

export const FrameMessageSchema = z.discriminatedUnion('type', [
  OverlayLayoutMessageSchema,
  OverlayDragMessageSchema,
]);
export type FrameMessage = z.infer<typeof FrameMessageSchema>;

/** The content script tells the frame where a drag left the panel (clamped into the viewport), to remember. */
export const OverlayPlacedMessageSchema = z.strictObject({
  channel: z.literal(OVERLAY_CHANNEL),
  type: z.literal('placed'),
  position: OverlayPositionSchema,
});
export type OverlayPlacedMessage = z.infer<typeof OverlayPlacedMessageSchema>;
