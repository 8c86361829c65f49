import { NO_CHANGE, type StorageChange, type StorageMigration, type StoredItems } from './types';

/*
 * Storage version 3: the engine keeps why a tranche was skipped as data.
 *
 * Engine state version 1 stored each tranche's `reason` as the sentence the engine had
 * made ("too small: quantity 4 is below the minimum 5"); from engine state version 2 the
 * words are made by lib/words from data (`{ code: 'too-small', tooSmall: { … } }`). A
 * sentence cannot be read back into numbers reliably, so each stored one is kept as it
 * was, marked as noted words (`{ code: 'noted', text }`), except the trader's own skip,
 * which is known exactly. This runs on every plan record and on the plans kept in the
 * trash for undo. A record that is not an object is left for the plan service to
 * quarantine.
 */

const RECORD_PREFIX = 'plan/';
const TRASH_KEY = 'plans/trash';
/** The one reason version 1 wrote that is not about numbers. */
const TRADER_SKIP = 'skipped by the trader';

/** An engine state as version 1 stored it: only the fields this migration reads. */
interface EngineV1 {
  readonly version: 1;
  readonly tranches: readonly { readonly reason?: unknown }[];
}

/** A skip reason as engine state version 2 stores it, for the two kinds this writes. */
type ReasonV2 = { readonly code: 'trader' } | { readonly code: 'noted'; readonly text: string };

function migrate(items: StoredItems): StorageChange {
  const writes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(items)) {
    if (!key.startsWith(RECORD_PREFIX)) continue;
    const lifted = liftRecord(value);
    if (lifted !== value) writes[key] = lifted;
  }
  const trash = items[TRASH_KEY];
  if (Array.isArray(trash)) {
    const lifted = trash.map((entry: unknown) => {
      if (!isObject(entry)) return entry;
      const record = liftRecord(entry.record);
      return record === entry.record ? entry : { ...entry, record };
    });
    if (lifted.some((entry, index) => entry !== trash[index])) writes[TRASH_KEY] = lifted;
  }
  return Object.keys(writes).length === 0 ? NO_CHANGE : { writes, removals: [] };
}

/** The record with its engine state lifted to version 2, or the same value when there is nothing to lift. */
function liftRecord(record: unknown): unknown {
  if (!isObject(record) || !isEngineV1(record.engine)) return record;
  const engine = record.engine;
  return {
    ...record,
    engine: {
      ...engine,
      version: 2,
      tranches: engine.tranches.map((tranche) =>
        typeof tranche.reason === 'string' ? { ...tranche, reason: reasonOf(tranche.reason) } : tranche,
      ),
    },
  };
}

function reasonOf(text: string): ReasonV2 {
  return text === TRADER_SKIP ? { code: 'trader' } : { code: 'noted', text };
}

function isEngineV1(value: unknown): value is EngineV1 {
  return (
    isObject(value) && value.version === 1 && Array.isArray(value.tranches) && value.tranches.every(isObject)
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const skipReasonsAsData: StorageMigration = { version: 3, name: 'skip-reasons-as-data', migrate };
