import { z } from 'zod';

import type { RecordSpec } from './stored-record';

/** storage.local key of the page-watching settings. */
export const WATCH_SETTINGS_KEY = 'watch-settings';

export const DEFAULT_STALE_AFTER_SECONDS = 30;
/**
 * 20 %: no liquid market moves that far between two page updates, while a page showing
 * another instrument's price, or a number with a lost decimal mark, is almost always off
 * by more.
 */
export const DEFAULT_JUMP_HOLD_PERCENT = 20;

/**
 * How pages are watched (docs/page-reading.md#page-safety). Each field falls back to its default on
 * its own, so a bad value in one does not reset the other (field-by-field repair).
 */
export const WatchSettingsSchema = z.object({
  version: z.literal(1),
  staleAfterSeconds: z.number().int().min(1).max(86_400).catch(DEFAULT_STALE_AFTER_SECONDS),
  jumpHoldPercent: z.number().positive().max(1000).catch(DEFAULT_JUMP_HOLD_PERCENT),
});
export type WatchSettings = z.infer<typeof WatchSettingsSchema>;

export function defaultWatchSettings(): WatchSettings {
  return {
    version: 1,
    staleAfterSeconds: DEFAULT_STALE_AFTER_SECONDS,
    jumpHoldPercent: DEFAULT_JUMP_HOLD_PERCENT,
  };
}

export const WATCH_SETTINGS: RecordSpec<WatchSettings> = {
  key: WATCH_SETTINGS_KEY,
  schema: WatchSettingsSchema,
  fallback: defaultWatchSettings,
};
