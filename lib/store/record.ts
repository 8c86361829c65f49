import type { z } from 'zod';

/**
 * What reading one stored record gave: the value to use, and whether the stored one was
 * missing or corrupt. A corrupt record is handed back raw so the caller can quarantine it
 * (keep it under a `quarantine/` key) before the default replaces it — never dropped.
 */
export type RecordRead<T> =
  | { readonly status: 'ok'; readonly value: T }
  | { readonly status: 'missing'; readonly value: T }
  | { readonly status: 'corrupt'; readonly value: T; readonly raw: unknown; readonly problem: string };

export function readRecord<T>(schema: z.ZodType<T>, raw: unknown, fallback: () => T): RecordRead<T> {
  if (raw === undefined) return { status: 'missing', value: fallback() };
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { status: 'ok', value: parsed.data };
  const first = parsed.error.issues[0];
  const problem = first === undefined ? 'invalid' : `${first.path.join('.') || '(record)'}: ${first.message}`;
  return { status: 'corrupt', value: fallback(), raw, problem };
}

/** Where a corrupt record is kept: one key per record and time, so nothing overwrites it. */
export function quarantineKey(key: string, atMillis: number): string {
  return `quarantine/${key}/${atMillis}`;
}
