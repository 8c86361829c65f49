import { findAdapter } from '../sites/registry';
import { titleAdapter } from '../sites/title';
import { PICKER_SOURCE, type ContentRead } from './read-page';

/** The page the on-page panel is for: the venue and normalized symbol its plans listen to. */
export interface OverlayPage {
  readonly venue: string;
  readonly symbol: string;
}

/**
 * Whether a read page gets the panel, and for which instrument: only the top frame of a
 * page a site adapter reads (the panel's frame is web-accessible on the supported sites
 * alone, and an exchange's embedded chart must not get a second panel); never a page read
 * through the generic title reader or a picked element.
 */
export function overlayPageOf(
  read: ContentRead,
  context: { readonly isTopFrame: boolean; readonly normalizeSymbol: (symbol: string) => string },
): OverlayPage | null {
  if (!context.isTopFrame || !read.ok) return null;
  if (read.source === titleAdapter.id || read.source === PICKER_SOURCE) return null;
  const symbol = context.normalizeSymbol(read.symbol);
  return symbol === '' ? null : { venue: read.venue, symbol };
}

/**
 * Whether a site adapter reads pages at this address: where it does not (the trader went
 * from a trade page to the site's home in the same tab), the panel goes.
 */
export function isTradePage(url: URL): boolean {
  const adapter = findAdapter(url);
  return adapter !== undefined && adapter.id !== titleAdapter.id;
}

/** Space kept between the panel and the viewport's edges. */
export const OVERLAY_MARGIN = 8;
/** Where the panel sits on a site the trader has not moved it on: the top-right corner, below a page's header. */
export const DEFAULT_OVERLAY_OFFSET = { right: 16, top: 72 } as const;

export interface Box {
  readonly width: number;
  readonly height: number;
}

/**
 * Where the panel is drawn: the remembered position (or the default corner), moved just
 * enough to keep the whole panel inside the viewport; a panel taller or wider than the
 * viewport is pinned to its top-left margin.
 */
export function clampPlacement(
  position: { readonly left: number; readonly top: number } | null,
  panel: Box,
  viewport: Box,
): { left: number; top: number } {
  const wanted = position ?? {
    left: viewport.width - panel.width - DEFAULT_OVERLAY_OFFSET.right,
    top: DEFAULT_OVERLAY_OFFSET.top,
  };
  const clamp = (value: number, size: number, room: number) =>
    Math.round(Math.max(OVERLAY_MARGIN, Math.min(value, room - size - OVERLAY_MARGIN)));
  return {
    left: clamp(wanted.left, panel.width, viewport.width),
    top: clamp(wanted.top, panel.height, viewport.height),
  };
}
