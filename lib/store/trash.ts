import { z } from 'zod';

import type { Quarantine } from './quarantine';
import type { StorageArea, WriteBatch } from './storage-area';
import { StoredList } from './stored-list';

/** storage.local key of the deleted plans kept for undo. */
export const PLAN_TRASH_KEY = 'plans/trash';

/** Deleted plans kept for undo. */
export const TRASH_LIMIT = 20;

/**
 * A deleted plan as it was stored: its record and journal as found (the plan repository
 * reads, repairs or quarantines them again when the plan is restored).
 */
export const TrashEntrySchema = z.object({
  record: z.looseObject({ id: z.string().min(1) }),
  journal: z.unknown(),
  deletedAt: z.number(),
});
export type TrashEntry = z.infer<typeof TrashEntrySchema>;

/** The repository of the trash, read entry by entry: one corrupt entry never costs the others their undo. */
export class Trash {
  private readonly list: StoredList<TrashEntry>;

  constructor(area: StorageArea, quarantine: Quarantine) {
    this.list = new StoredList(
      area,
      { key: PLAN_TRASH_KEY, entry: TrashEntrySchema, noun: 'deleted plans' },
      quarantine,
    );
  }

  read(): Promise<TrashEntry[]> {
    return this.list.read();
  }

  /** Keep `entry` in `batch`, the oldest beyond the limit forgotten. */
  async add(batch: WriteBatch, entry: TrashEntry): Promise<void> {
    batch.put(PLAN_TRASH_KEY, [...(await this.list.current(batch)), entry].slice(-TRASH_LIMIT));
  }

  /** The trash as it will be: `remaining`, in `batch`. */
  replace(batch: WriteBatch, remaining: readonly TrashEntry[]): void {
    batch.put(PLAN_TRASH_KEY, remaining);
  }
}
