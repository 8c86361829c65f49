import type { z } from 'zod';

import type { Quarantine } from './quarantine';
import { readRecord } from './read-record';
import type { StorageArea } from './storage-area';

/** One stored thing under one key: its schema and the value a missing or unreadable one gives. */
export interface RecordSpec<T> {
  readonly key: string;
  readonly schema: z.ZodType<T>;
  readonly fallback: () => T;
}

/**
 * The repository of a record stored under one key, read through its schema. A field with
 * a safe default is repaired by the schema itself (`.catch`); a record that cannot be
 * read (corrupt, or of another version) is quarantined and replaced by its default in one
 * write: kept for inspection, never silently dropped, and the rest keeps working.
 */
export class StoredRecord<T> {
  readonly key: string;

  constructor(
    private readonly area: StorageArea,
    private readonly spec: RecordSpec<T>,
    private readonly quarantine: Quarantine,
  ) {
    this.key = spec.key;
  }

  async read(): Promise<T> {
    const raw = (await this.area.get(this.key))[this.key];
    const read = readRecord(this.spec.schema, raw, this.spec.fallback);
    if (read.status === 'corrupt') {
      const unreadable = { found: read.raw, kept: read.raw, problem: read.problem };
      await this.quarantine.replace(this.area, this.key, unreadable, (batch) =>
        batch.put(this.key, read.value),
      );
    }
    return read.value;
  }

  async write(value: T): Promise<void> {
    await this.area.set({ [this.key]: value });
  }

  async clear(): Promise<void> {
    await this.area.remove(this.key);
  }
}
