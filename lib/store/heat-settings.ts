import { z } from 'zod';

import { decimal } from '../plan/schema';
import type { RecordSpec } from './stored-record';

/** storage.local key of the account heat setting. */
export const HEAT_SETTINGS_KEY = 'account/heat';

/**
 * The account heat setting (plan format, "Account heat"): the account's equity and the cap
 * on the open risk of all armed and active plans together, as a % of it. Both or neither:
 * without them there is no cap. Each field falls back on its own (field-by-field repair).
 */
export const HeatSettingsSchema = z.object({
  version: z.literal(1),
  equity: decimal().nullable().catch(null),
  capPercent: decimal().nullable().catch(null),
});
export type HeatSettings = z.infer<typeof HeatSettingsSchema>;

export const HEAT_SETTINGS: RecordSpec<HeatSettings> = {
  key: HEAT_SETTINGS_KEY,
  schema: HeatSettingsSchema,
  fallback: () => ({ version: 1, equity: null, capPercent: null }),
};
