import { NO_CHANGE, type StorageChange, type StorageMigration, type StoredItems } from './types';

/*
 * Storage version 2: every quarantined value carries where it came from and why.
 *
 * Version 1 quarantined corrupt records two ways: the plan service wrote an envelope
 * `{ key, raw, problem, at }`, while the other stored records (quotes, settings, the
 * refusal counter, tick-history buckets) were copied bare under `quarantine/<key>/<time>`,
 * so the popup had to guess which was which (a bare record with a `key` field looked like
 * an envelope). From version 2 every writer uses the envelope; this wraps the bare ones,
 * taking the key and time from the storage key. Envelopes are left as they are.
 */

const PREFIX = 'quarantine/';

/** A quarantined value as version 1 wrote it: an envelope, or the corrupt record itself. */
interface EnvelopeV1 {
  readonly key: string;
  readonly raw: unknown;
  readonly problem: string;
  readonly at: number;
}

/** The problem recorded for a value quarantined before the reason was kept with it. */
export const UNRECORDED_PROBLEM = 'unreadable when found (quarantined before the reason was recorded)';

function migrate(items: StoredItems): StorageChange {
  const writes: Record<string, EnvelopeV1> = {};
  for (const [storageKey, value] of Object.entries(items)) {
    if (!storageKey.startsWith(PREFIX) || isEnvelope(value)) continue;
    const match = /^quarantine\/(.+)\/(\d+)$/.exec(storageKey);
    writes[storageKey] = {
      key: match?.[1] ?? storageKey.slice(PREFIX.length),
      raw: value,
      problem: UNRECORDED_PROBLEM,
      at: match ? Number(match[2]) : 0,
    };
  }
  return Object.keys(writes).length === 0 ? NO_CHANGE : { writes, removals: [] };
}

function isEnvelope(value: unknown): value is EnvelopeV1 {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const candidate = value as Partial<EnvelopeV1>;
  return (
    'raw' in candidate &&
    typeof candidate.key === 'string' &&
    typeof candidate.problem === 'string' &&
    typeof candidate.at === 'number' &&
    Object.keys(candidate).length === 4
  );
}

export const quarantineEnvelope: StorageMigration = { version: 2, name: 'quarantine-envelope', migrate };
