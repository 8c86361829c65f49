import { z } from 'zod';

import type { RecordSpec } from './stored-record';

/** storage.local key of the alert settings. */
export const ALERT_SETTINGS_KEY = 'alerts/settings';

export const AlertSettingsSchema = z.object({
  version: z.literal(1),
  /** The global "quiet" switch: alerts are journaled and shown in the popup, not notified. */
  isQuiet: z.boolean().catch(false),
});
export type AlertSettings = z.infer<typeof AlertSettingsSchema>;

export const ALERT_SETTINGS: RecordSpec<AlertSettings> = {
  key: ALERT_SETTINGS_KEY,
  schema: AlertSettingsSchema,
  fallback: () => ({ version: 1, isQuiet: false }),
};
