import { z } from 'zod';

import type { RecordSpec } from './stored-record';

/** storage.local key of the sites where the trader picked the price element. */
export const PICKED_SITES_KEY = 'picked-sites';
/** storage.session key of the picker the popup started and that has not answered yet. */
export const PICKER_PENDING_KEY = 'picker-pending';

/**
 * A picker left open this long is forgotten: its answer is refused afterwards, so a page
 * cannot keep a stale invitation to name its own selector.
 */
export const PICKER_PENDING_MILLIS = 10 * 60 * 1000;

const OriginSchema = z.string().regex(/^https?:\/\/[^/?#\s]+$/);

export const PickedSiteSchema = z.object({
  /** From lib/sites/picker's buildSelector, attribute-first. */
  selector: z.string().min(1).max(2000),
  /** The symbol the trader confirmed when the title does not name it; null: read it from the title. */
  symbol: z.string().min(1).max(64).nullable(),
  /** The decimal mark the trader chose for a number ambiguous without one ("1,234"); null: none needed. */
  decimalMark: z.enum(['.', ',']).nullable().catch(null),
  pickedAt: z.number().int().nonnegative(),
});
export type PickedSite = z.infer<typeof PickedSiteSchema>;

export const PickedSitesRecordSchema = z.object({
  version: z.literal(1),
  /** By origin ("http://127.0.0.1:8123"). */
  sites: z.record(OriginSchema, PickedSiteSchema),
});
export type PickedSitesRecord = z.infer<typeof PickedSitesRecordSchema>;

export function emptyPickedSites(): PickedSitesRecord {
  return { version: 1, sites: {} };
}

export function withPickedSite(
  record: PickedSitesRecord,
  origin: string,
  site: PickedSite,
): PickedSitesRecord {
  return { version: 1, sites: { ...record.sites, [origin]: site } };
}

export function withoutPickedSite(record: PickedSitesRecord, origin: string): PickedSitesRecord {
  const sites = { ...record.sites };
  delete sites[origin];
  return { version: 1, sites };
}

export const PICKED_SITES: RecordSpec<PickedSitesRecord> = {
  key: PICKED_SITES_KEY,
  schema: PickedSitesRecordSchema,
  fallback: emptyPickedSites,
};

/** Picked sites for the popup's list, oldest first. */
export function listPickedSites(record: PickedSitesRecord): ({ origin: string } & PickedSite)[] {
  return Object.entries(record.sites)
    .map(([origin, site]) => ({ origin, ...site }))
    .sort((a, b) => a.pickedAt - b.pickedAt || a.origin.localeCompare(b.origin));
}

export const PickerPendingSchema = z.object({
  version: z.literal(1),
  tabId: z.number().int().nonnegative(),
  origin: OriginSchema,
  startedAt: z.number().int().nonnegative(),
});
export type PickerPending = z.infer<typeof PickerPendingSchema>;

/** In storage.session: a browser restart forgets a picker left open. */
export const PICKER_PENDING: RecordSpec<PickerPending | null> = {
  key: PICKER_PENDING_KEY,
  schema: PickerPendingSchema.nullable(),
  fallback: () => null,
};

/** The pending picker, if it has not expired. */
export function livePickerPending(pending: PickerPending | null, nowMillis: number): PickerPending | null {
  if (pending === null || nowMillis - pending.startedAt > PICKER_PENDING_MILLIS) return null;
  return pending;
}

/** The id under which a picked origin's content script is registered (scripting.registerContentScripts). */
export function pickedScriptId(origin: string): string {
  return `picked:${origin}`;
}
