import type { z } from 'zod';

/** The version every stored record of this build carries (`version: 1`). */
export const RECORD_VERSION = 1;

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
  return { status: 'corrupt', value: fallback(), raw, problem: describeProblem(raw, parsed.error) };
}

/** The record's `version` when it is a whole number other than this build's, else null. */
export function otherVersionOf(raw: unknown): number | null {
  if (typeof raw !== 'object' || raw === null || !('version' in raw)) return null;
  const { version } = raw;
  return typeof version === 'number' && Number.isInteger(version) && version !== RECORD_VERSION
    ? version
    : null;
}

/** Why a stored value cannot be read, in one line: its version, else the first field that fails. */
export function describeProblem(raw: unknown, error: z.ZodError): string {
  const version = otherVersionOf(raw);
  if (version !== null && version > RECORD_VERSION)
    return `written by a newer Tranche (record version ${version})`;
  if (version !== null) {
    return `record version ${version} is not one this Tranche reads (it reads version ${RECORD_VERSION})`;
  }
  const first = error.issues[0];
  if (first === undefined) return 'unreadable';
  const message = first.message.replace(/^Invalid input: /, '');
  return first.path.length === 0 ? `unreadable: ${message}` : `${first.path.join('.')}: ${message}`;
}
