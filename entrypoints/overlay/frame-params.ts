import * as z from 'zod/mini';

import { SiteHostSchema, SymbolSchema, VenueSchema, WebOriginSchema } from '../../lib/messages/fields';
import { OVERLAY_PARAMS } from '../../lib/messages/overlay-frame';

const FrameParamsSchema = z.strictObject({
  venue: VenueSchema,
  symbol: SymbolSchema,
  host: SiteHostSchema,
  origin: WebOriginSchema,
});
/** The page the panel is framed into, as the content script put it in the frame's address. */
export type FrameParams = z.infer<typeof FrameParamsSchema>;

/**
 * The frame's address parameters, checked. The page can navigate this frame too, so they
 * choose only which plans are shown (the trader sees the symbol) and which site's place
 * is remembered; every plan action still goes through the background's checks.
 */
export function readFrameParams(search: string): FrameParams | null {
  const params = new URLSearchParams(search);
  const parsed = z.safeParse(FrameParamsSchema, {
    venue: params.get(OVERLAY_PARAMS.venue),
    symbol: params.get(OVERLAY_PARAMS.symbol),
    host: params.get(OVERLAY_PARAMS.host),
    origin: params.get(OVERLAY_PARAMS.origin),
  });
  return parsed.success ? parsed.data : null;
}
