import { NO_CHANGE, type StorageChange, type StorageMigration, type StoredItems } from './types';

/*
 * Storage version 4: every plan record names its alert counter's epoch.
 *
 * Notification ids were `<plan>/<seq>/<tranche>`, `seq` the record's alert counter. A
 * repair that reset an unreadable counter to 0 gave the next alerts the ids of alerts
 * still on screen (never shown) and of confirmations already applied (ignored). From
 * version 4 the id is `<plan>/<epoch>.<seq>/<tranche>`: a record starts in epoch "0" and a
 * repair of its counter moves it to a fresh random epoch. Records written before get epoch
 * "0": their old ids had no epoch, so no new id can equal one of them. Plans in the trash
 * get it too, for their undo.
 */

const RECORD_PREFIX = 'plan/';
const TRASH_KEY = 'plans/trash';
const FIRST_EPOCH = '0';

/** A plan record as version 3 stored it: an object without `alertEpoch`. */
type PlanRecordV3 = Readonly<Record<string, unknown>>;

/** A `plans/trash` entry as version 3 stored it. */
interface TrashEntryV3 {
  readonly record?: unknown;
}

function migrate(items: StoredItems): StorageChange {
  const writes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(items)) {
    if (key.startsWith(RECORD_PREFIX) && needsEpoch(value)) writes[key] = withEpoch(value);
  }
  const trash = items[TRASH_KEY];
  if (Array.isArray(trash) && trash.some((entry: TrashEntryV3 | null) => needsEpoch(entry?.record))) {
    writes[TRASH_KEY] = trash.map((entry: TrashEntryV3 | null) =>
      entry !== null && needsEpoch(entry.record) ? { ...entry, record: withEpoch(entry.record) } : entry,
    );
  }
  return Object.keys(writes).length === 0 ? NO_CHANGE : { writes, removals: [] };
}

/** A record object that has no epoch yet (anything else is left for the plan service to judge). */
function needsEpoch(record: unknown): record is PlanRecordV3 {
  return typeof record === 'object' && record !== null && !Array.isArray(record) && !('alertEpoch' in record);
}

function withEpoch(record: PlanRecordV3): PlanRecordV3 {
  return { ...record, alertEpoch: FIRST_EPOCH };
}

export const alertEpoch: StorageMigration = { version: 4, name: 'alert-epoch', migrate };
