import {
  NO_CHANGE,
  type MigrationContext,
  type StorageChange,
  type StorageMigration,
  type StoredItems,
} from './types';

/*
 * Storage version 1: `plans/index` lists every stored plan.
 *
 * The plan service finds plans through the index alone: a `plan/<id>` record the index
 * does not list is invisible and never sees a tick. Storage written before the index was
 * kept in step with the records (or whose index key was lost) is repaired once:
 * - a missing index is built from the `plan/<id>` records, oldest first (by `createdAt`,
 *   then id); an unreadable one (not a list of strings) is kept under `quarantine/` first;
 * - a readable index keeps its order and gets the unlisted records appended, oldest
 *   first — except a record whose plan is in the trash (`plans/trash`): that is a deletion
 *   stopped between its two writes, and the plan stays deleted (undo still restores it).
 * Ids listed without a record are left alone: the plan service drops them when it reads.
 */

/** The keys as version 0 wrote them. */
const INDEX_KEY = 'plans/index';
const TRASH_KEY = 'plans/trash';
const RECORD_PREFIX = 'plan/';

/** A plan record as version 0 stored it: only the field this migration reads. */
interface PlanRecordV0 {
  readonly createdAt?: unknown;
}

/** A `plans/trash` entry as version 0 stored it. */
interface TrashEntryV0 {
  readonly record?: { readonly id?: unknown } | null;
}

/** A quarantined value as storage version 1 writes it (frozen here, not imported). */
interface QuarantinedV1 {
  readonly key: string;
  readonly raw: unknown;
  readonly problem: string;
  readonly at: number;
}

function migrate(items: StoredItems, { atMillis }: MigrationContext): StorageChange {
  const recordIds = Object.keys(items)
    .filter((key) => key.startsWith(RECORD_PREFIX))
    .map((key) => key.slice(RECORD_PREFIX.length))
    .sort(
      (a, b) => createdAt(items[RECORD_PREFIX + a]) - createdAt(items[RECORD_PREFIX + b]) || compare(a, b),
    );
  const stored = items[INDEX_KEY];
  const writes: Record<string, unknown> = {};
  let index: string[];
  if (isIdList(stored)) {
    index = [...stored];
  } else {
    if (stored !== undefined) {
      const quarantined: QuarantinedV1 = {
        key: INDEX_KEY,
        raw: stored,
        problem: 'the plan index was not a list of plan ids; rebuilt from the plan records',
        at: atMillis,
      };
      writes[`quarantine/${INDEX_KEY}/${atMillis}`] = quarantined;
    }
    index = [];
  }
  const trashed = trashedIds(items[TRASH_KEY]);
  const unlisted = recordIds.filter((id) => !index.includes(id) && !trashed.has(id));
  const isUnchanged = isIdList(stored)
    ? unlisted.length === 0
    : stored === undefined && unlisted.length === 0;
  if (isUnchanged) return NO_CHANGE;
  writes[INDEX_KEY] = [...index, ...unlisted];
  return { writes, removals: [] };
}

function isIdList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((id) => typeof id === 'string');
}

function createdAt(record: unknown): number {
  const value = (record as PlanRecordV0 | null | undefined)?.createdAt;
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function trashedIds(trash: unknown): Set<string> {
  if (!Array.isArray(trash)) return new Set();
  return new Set(
    trash.flatMap((entry: TrashEntryV0 | null) => {
      const id = entry?.record?.id;
      return typeof id === 'string' ? [id] : [];
    }),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const planIndex: StorageMigration = { version: 1, name: 'plan-index', migrate };
