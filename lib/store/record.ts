import { z } from 'zod';

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

export const QUARANTINE_PREFIX = 'quarantine/';

/** Where a corrupt record is kept: one key per record and time, so nothing overwrites it. */
export function quarantineKey(key: string, atMillis: number): string {
  return `${QUARANTINE_PREFIX}${key}/${atMillis}`;
}

/**
 * A quarantined record as stored under its `quarantine/<key>/<time>` key: the record as it
 * was found (`raw`), where it was (`key`), what was wrong with it and when. The popup lists
 * these and exports them; nothing reads `raw` back as data.
 */
export const QuarantineEntrySchema = z.object({
  key: z.string(),
  raw: z.unknown(),
  problem: z.string(),
  at: z.number(),
});
export type QuarantineEntry = z.infer<typeof QuarantineEntrySchema>;

/** The storage write that quarantines `raw`, found under `key`, at `atMillis`. */
export function quarantineWrite(
  key: string,
  raw: unknown,
  problem: string,
  atMillis: number,
): Record<string, QuarantineEntry> {
  return { [quarantineKey(key, atMillis)]: { key, raw, problem, at: atMillis } };
}

/** Where `quarantine/<key>/<time>` came from; null for a key of another shape. */
export function parseQuarantineKey(storageKey: string): { key: string; at: number } | null {
  const match = /^quarantine\/(.+)\/(\d+)$/.exec(storageKey);
  if (match === null) return null;
  return { key: match[1] ?? '', at: Number(match[2]) };
}

/**
 * A stored quarantine entry as the popup lists it. Entries are written whole
 * (`quarantineWrite`); anything else under the prefix is shown as found, its key and
 * time read from the storage key, rather than hidden.
 */
export function readQuarantineEntry(storageKey: string, value: unknown): QuarantineEntry {
  const parsed = QuarantineEntrySchema.safeParse(value);
  if (parsed.success && 'raw' in (value as object)) return parsed.data;
  const origin = parseQuarantineKey(storageKey);
  return {
    key: origin?.key ?? storageKey,
    raw: value,
    problem: 'unreadable (kept as found)',
    at: origin?.at ?? 0,
  };
}
