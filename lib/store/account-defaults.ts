import { z } from 'zod';

import { readLimitedNumber } from '../number-limits';
import type { RecordSpec } from './stored-record';

/** storage.local key of the trader's account defaults. */
export const ACCOUNT_DEFAULTS_KEY = 'account-defaults';

/** A positive decimal string within the plan's input limits, or null where the trader gave none. */
const AmountSchema = z
  .string()
  .nullable()
  .refine((value) => value === null || (readLimitedNumber(value, false).ok && !value.startsWith('-')))
  .catch(null);

/**
 * What a new plan risks unless the trader says otherwise: the account's equity and the
 * risk per trade in % of it (docs/plan-format.md#account). The quick plan on a page and a
 * pasted signal start from these. Each field falls back to "not set" on its own.
 */
export const AccountDefaultsSchema = z.object({
  version: z.literal(1),
  equity: AmountSchema,
  riskPercent: AmountSchema,
});
export type AccountDefaults = z.infer<typeof AccountDefaultsSchema>;

export function emptyAccountDefaults(): AccountDefaults {
  return { version: 1, equity: null, riskPercent: null };
}

export const ACCOUNT_DEFAULTS: RecordSpec<AccountDefaults> = {
  key: ACCOUNT_DEFAULTS_KEY,
  schema: AccountDefaultsSchema,
  fallback: emptyAccountDefaults,
};
