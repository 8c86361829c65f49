import { z } from 'zod';

import type { RecordSpec } from './stored-record';

/** storage.local key of the refused-message counters. */
export const SECURITY_KEY = 'security';

/**
 * Messages the background refused (wrong sender, malformed, unknown type): counted so a
 * misbehaving page or a bug is visible, never acted on.
 */
export const SecurityRecordSchema = z.object({
  version: z.literal(1),
  refused: z.number().int().nonnegative(),
  /** Per reason ("origin-not-allowed", "malformed", …). */
  refusedByReason: z.record(z.string(), z.number().int().nonnegative()),
  lastRefused: z
    .object({ reason: z.string(), type: z.string().nullable(), at: z.number().int().nonnegative() })
    .nullable(),
});
export type SecurityRecord = z.infer<typeof SecurityRecordSchema>;

export function emptySecurityRecord(): SecurityRecord {
  return { version: 1, refused: 0, refusedByReason: {}, lastRefused: null };
}

export const SECURITY: RecordSpec<SecurityRecord> = {
  key: SECURITY_KEY,
  schema: SecurityRecordSchema,
  fallback: emptySecurityRecord,
};

export function countRefusal(
  record: SecurityRecord,
  refusal: { reason: string; type: string | null },
  atMillis: number,
): SecurityRecord {
  return {
    version: 1,
    refused: record.refused + 1,
    refusedByReason: {
      ...record.refusedByReason,
      [refusal.reason]: (record.refusedByReason[refusal.reason] ?? 0) + 1,
    },
    lastRefused: { reason: refusal.reason, type: refusal.type, at: atMillis },
  };
}
