import type { Quarantine } from './quarantine';
import { readRecord } from './read-record';
import { WriteBatch, type StorageArea } from './storage-area';
import { StoredRecord } from './stored-record';
import {
  appendTicks,
  BucketSchema,
  bucketKeysFor,
  historyBytes,
  TICK_HISTORY_INDEX,
  type Bucket,
  type HistoryTick,
  type TickHistoryIndex,
} from './tick-history';

/** The repository of the tick history: its index and its buckets (./tick-history.ts). */
export class TickHistoryStore {
  private readonly index: StoredRecord<TickHistoryIndex>;

  constructor(
    private readonly area: StorageArea,
    private readonly quarantine: Quarantine,
  ) {
    this.index = new StoredRecord(area, TICK_HISTORY_INDEX, quarantine);
  }

  /** Add ticks to their buckets and drop what expired or is over the cap: one write, then the removals. */
  async append(ticks: readonly HistoryTick[], nowMillis: number): Promise<void> {
    if (ticks.length === 0) return;
    const keys = bucketKeysFor(ticks);
    const stored = await this.area.get(keys);
    const batch = new WriteBatch();
    const buckets = new Map<string, Bucket>();
    for (const key of keys) {
      const read = readRecord<Bucket | null>(BucketSchema, stored[key], () => null);
      if (read.status === 'ok' && read.value !== null) buckets.set(key, read.value);
      // The hour or day starts afresh; what was there is kept aside.
      if (read.status === 'corrupt') this.quarantine.keep(batch, key, read.raw, read.problem);
    }
    const change = appendTicks(await this.index.read(), buckets, ticks, nowMillis);
    batch.put(this.index.key, change.index);
    batch.putAll(Object.fromEntries(change.writes));
    for (const key of change.removals) batch.remove(key);
    await batch.commit(this.area);
  }

  /** Total size of the stored history, shown against its cap. */
  async bytes(): Promise<number> {
    return historyBytes(await this.index.read());
  }
}
