import { NO_CHANGE, type StorageChange, type StorageMigration, type StoredItems } from './types';

/*
 * Storage version 5: every engine state counts the adjustments of its live plan.
 *
 * From version 5 a trader adjusts a live trade (move the stop, a target, an add; add or
 * exit now; key levels), and the engine state keeps the live plan's `revision`: how many
 * adjustments it has had, shown and journaled as "plan v3 → v4". A state written before
 * had none: revision 0. Plans in the trash get it too, for their undo.
 */

const RECORD_PREFIX = 'plan/';
const TRASH_KEY = 'plans/trash';

/** A plan record as version 4 stored it: its `engine` an object without `revision`, or null. */
type PlanRecordV4 = Readonly<Record<string, unknown>> & { readonly engine?: unknown };

interface TrashEntryV4 {
  readonly record?: unknown;
}

function migrate(items: StoredItems): StorageChange {
  const writes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(items)) {
    if (key.startsWith(RECORD_PREFIX) && needsRevision(value)) writes[key] = withRevision(value);
  }
  const trash = items[TRASH_KEY];
  if (Array.isArray(trash) && trash.some((entry: TrashEntryV4 | null) => needsRevision(entry?.record))) {
    writes[TRASH_KEY] = trash.map((entry: TrashEntryV4 | null) =>
      entry !== null && needsRevision(entry.record)
        ? { ...entry, record: withRevision(entry.record) }
        : entry,
    );
  }
  return Object.keys(writes).length === 0 ? NO_CHANGE : { writes, removals: [] };
}

/** A record whose engine state is an object without a revision (anything else is the plan service's to judge). */
function needsRevision(record: unknown): record is PlanRecordV4 {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return false;
  const { engine } = record as PlanRecordV4;
  return typeof engine === 'object' && engine !== null && !Array.isArray(engine) && !('revision' in engine);
}

function withRevision(record: PlanRecordV4): PlanRecordV4 {
  return { ...record, engine: { ...(record.engine as object), revision: 0 } };
}

export const planRevision: StorageMigration = { version: 5, name: 'plan-revision', migrate };
