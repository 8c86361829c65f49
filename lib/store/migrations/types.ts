/**
 * Storage migrations (STYLE "Storage: versioned, repaired, never lost"). Each one is a pure
 * function over every item of `storage.local`, numbered by the storage version it
 * produces, in its own file that declares the shapes it reads as they were when it was
 * written — it never imports today's schemas, so a later change to a schema cannot change
 * what an old migration does. Each must be idempotent: the background writes the new
 * version only after the migration's writes, so a worker stopped in between runs it again.
 */

/** Every item of `storage.local`, as `storage.local.get(null)` gives it. */
export type StoredItems = Readonly<Record<string, unknown>>;

/** What a migration changes: keys to write (whole values) and keys to remove. */
export interface StorageChange {
  readonly writes: Readonly<Record<string, unknown>>;
  readonly removals: readonly string[];
}

/** What a migration may know besides the items: the time, for quarantine keys. */
export interface MigrationContext {
  readonly atMillis: number;
}

export interface StorageMigration {
  /** The storage version this migration produces: its file's number. */
  readonly version: number;
  /** Its file's name without the number: what it does, in a few words. */
  readonly name: string;
  readonly migrate: (items: StoredItems, context: MigrationContext) => StorageChange;
}

export const NO_CHANGE: StorageChange = Object.freeze({
  writes: Object.freeze({}),
  removals: Object.freeze([]),
});
