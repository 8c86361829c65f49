import type { z } from 'zod';

import { quarantineWrite, readRecord } from '../../lib/store/record';

export { createSerialQueue, type SerialQueue } from '../../lib/worker/serial-queue';

/** The part of a `storage.StorageArea` the background uses (fakeBrowser's and the real one fit). */
export interface KeyValueArea {
  /** `null`: every key. */
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/**
 * One versioned record under one key, read through its schema. A corrupt record is copied
 * under `quarantine/<key>/<time>` and replaced by its default: kept for inspection, never
 * silently dropped, and the rest of the extension keeps working.
 */
export class StoredRecord<T> {
  constructor(
    private readonly area: KeyValueArea,
    readonly key: string,
    private readonly schema: z.ZodType<T>,
    private readonly fallback: () => T,
    private readonly now: () => number,
  ) {}

  async read(): Promise<T> {
    const raw = (await this.area.get(this.key))[this.key];
    const read = readRecord(this.schema, raw, this.fallback);
    if (read.status === 'corrupt') {
      console.warn(`Tranche: the stored ${this.key} was corrupt (${read.problem}); quarantined and reset`);
      await this.area.set({
        ...quarantineWrite(this.key, read.raw, read.problem, this.now()),
        [this.key]: read.value,
      });
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
