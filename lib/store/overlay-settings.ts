import { z } from 'zod';

import { SITE_HOST_PATTERN } from '../messages/fields';
import type { RecordSpec } from './stored-record';

/** storage.local key of the on-page panel's settings. */
export const OVERLAY_SETTINGS_KEY = 'overlay-settings';

/** Sites remembered at most; the least recently changed is forgotten first. */
export const OVERLAY_SITES_LIMIT = 200;

/**
 * Where the trader left the panel on one site: its top-left corner in CSS pixels of the
 * page's viewport (shown clamped into the viewport, see `clampPlacement`), or null for
 * the default corner; and whether it is folded to the pill.
 */
export const OverlaySiteSchema = z.object({
  position: z
    .object({ left: z.number().int().min(0).max(100_000), top: z.number().int().min(0).max(100_000) })
    .nullable()
    .catch(null),
  isCollapsed: z.boolean().catch(false),
  updatedAt: z.number().int().nonnegative().catch(0),
});
export type OverlaySite = z.infer<typeof OverlaySiteSchema>;

/**
 * The panel's settings: per site, and whether it shows on supported pages whose symbol has
 * no plan (off: the panel appears only where there is a plan to act on). Each field falls
 * back to its default on its own; a site entry that cannot be read is dropped alone.
 */
export const OverlaySettingsSchema = z.object({
  version: z.literal(1),
  isShownWithoutPlan: z.boolean().catch(false),
  sites: z
    .record(z.string(), z.unknown())
    .catch({})
    .transform((sites) => {
      const read: Record<string, OverlaySite> = {};
      for (const [host, raw] of Object.entries(sites)) {
        const site = OverlaySiteSchema.safeParse(raw);
        if (SITE_HOST_PATTERN.test(host) && host.length <= 255 && site.success) read[host] = site.data;
      }
      return read;
    }),
});
export type OverlaySettings = z.infer<typeof OverlaySettingsSchema>;

export function defaultOverlaySettings(): OverlaySettings {
  return { version: 1, isShownWithoutPlan: false, sites: {} };
}

export const OVERLAY_SETTINGS: RecordSpec<OverlaySettings> = {
  key: OVERLAY_SETTINGS_KEY,
  schema: OverlaySettingsSchema,
  fallback: defaultOverlaySettings,
};

/** A site never seen: the default corner, expanded. */
export function defaultOverlaySite(): OverlaySite {
  return { position: null, isCollapsed: false, updatedAt: 0 };
}

export interface OverlayChange {
  readonly host?: string | undefined;
  readonly position?: { readonly left: number; readonly top: number } | undefined;
  readonly isCollapsed?: boolean | undefined;
  readonly isShownWithoutPlan?: boolean | undefined;
}

/** The settings after one change; the oldest sites beyond the limit are forgotten. */
export function applyOverlayChange(
  settings: OverlaySettings,
  change: OverlayChange,
  atMillis: number,
): OverlaySettings {
  let sites = settings.sites;
  if (change.host !== undefined && (change.position !== undefined || change.isCollapsed !== undefined)) {
    const before = sites[change.host] ?? defaultOverlaySite();
    sites = {
      ...sites,
      [change.host]: {
        position: change.position === undefined ? before.position : { ...change.position },
        isCollapsed: change.isCollapsed ?? before.isCollapsed,
        updatedAt: atMillis,
      },
    };
    const hosts = Object.keys(sites);
    if (hosts.length > OVERLAY_SITES_LIMIT) {
      const kept = hosts
        .sort((a, b) => (sites[b]?.updatedAt ?? 0) - (sites[a]?.updatedAt ?? 0))
        .slice(0, OVERLAY_SITES_LIMIT);
      sites = Object.fromEntries(kept.map((host) => [host, sites[host] ?? defaultOverlaySite()]));
    }
  }
  return {
    version: 1,
    isShownWithoutPlan: change.isShownWithoutPlan ?? settings.isShownWithoutPlan,
    sites,
  };
}
