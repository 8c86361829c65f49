import type { StaleMessage, TickMessage } from '../../lib/messages/requests';
import { normalizeSymbol } from '../../lib/sites/symbol';
import {
  applyStale,
  applyTick,
  emptyQuotesRecord,
  QUOTES_KEY,
  QuotesRecordSchema,
  type QuotesRecord,
} from '../../lib/store/quotes';
import { quarantineWrite } from '../../lib/store/record';
import {
  appendTicks,
  BucketSchema,
  bucketKeysFor,
  emptyTickHistoryIndex,
  TICK_HISTORY_INDEX_KEY,
  TickHistoryIndexSchema,
  type Bucket,
  type HistoryTick,
} from '../../lib/store/tick-history';
import { StoredRecord, type KeyValueArea, type SerialQueue } from './storage';

/** A tick the background accepted: its symbol normalized, with the time it arrived. */
export type AcceptedTick = TickMessage & { readonly receivedAt: number; readonly tabId: number | null };
export type StaleListener = (stale: StaleMessage) => void | Promise<void>;
export type TickListener = (tick: AcceptedTick) => void | Promise<void>;

/**
 * Ticks are written to the history at most this often: the history keeps one price per
 * second anyway, and a worker stopped in between loses at most this much of it (the
 * quotes, which the engine reads, are written on every tick).
 */
export const HISTORY_FLUSH_MILLIS = 1000;

export interface TickIntakeDeps {
  readonly local: KeyValueArea;
  readonly queue: SerialQueue;
  readonly now: () => number;
}

/**
 * Where accepted ticks and stale reports land: the latest quote per venue and symbol, the
 * bounded tick history, and the listeners that react to prices (`onTick`: where the plan
 * service and the toolbar badge hook in).
 */
export class TickIntake {
  private readonly listeners = new Set<TickListener>();
  private readonly staleListeners = new Set<StaleListener>();
  private readonly quotes: StoredRecord<QuotesRecord>;
  private pendingHistory: HistoryTick[] = [];
  private flushTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly deps: TickIntakeDeps) {
    this.quotes = new StoredRecord(deps.local, QUOTES_KEY, QuotesRecordSchema, emptyQuotesRecord, deps.now);
  }

  /** Call `listener` with every accepted tick, after its quote is stored. Returns the unsubscribe. */
  onTick(listener: TickListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async receiveTick(message: TickMessage, tabId: number | null = null): Promise<void> {
    const tick: AcceptedTick = {
      tabId,
      ...message,
      symbol: normalizeSymbol(message.symbol),
      receivedAt: this.deps.now(),
    };
    await this.deps.queue(async () => {
      await this.quotes.write(applyTick(await this.quotes.read(), tick, tick.receivedAt));
    });
    this.pendingHistory.push({ symbol: tick.symbol, price: tick.price, time: tick.time });
    this.flushTimer ??= setTimeout(() => {
      this.flushHistory().catch((error: unknown) =>
        console.error('Tranche: writing the tick history failed', error),
      );
    }, HISTORY_FLUSH_MILLIS);
    for (const listener of this.listeners) {
      try {
        await listener(tick);
      } catch (error) {
        // One listener's failure must not cost the others their tick.
        console.error('Tranche: a tick listener failed', error);
      }
    }
  }

  /** Call `listener` with every stale report, after the quote is marked. */
  onStale(listener: StaleListener): () => void {
    this.staleListeners.add(listener);
    return () => this.staleListeners.delete(listener);
  }

  async receiveStale(message: StaleMessage): Promise<void> {
    const stale = { ...message, symbol: normalizeSymbol(message.symbol) };
    await this.deps.queue(async () => {
      await this.quotes.write(applyStale(await this.quotes.read(), stale));
    });
    for (const listener of this.staleListeners) {
      try {
        await listener(stale);
      } catch (error) {
        console.error('Tranche: a stale listener failed', error);
      }
    }
  }

  /** Write the buffered ticks to the history now. */
  async flushHistory(): Promise<void> {
    if (this.flushTimer !== null) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    const ticks = this.pendingHistory;
    this.pendingHistory = [];
    if (ticks.length === 0) return;
    await this.deps.queue(async () => {
      const { local, now } = this.deps;
      const index = new StoredRecord(
        local,
        TICK_HISTORY_INDEX_KEY,
        TickHistoryIndexSchema,
        emptyTickHistoryIndex,
        now,
      );
      const keys = bucketKeysFor(ticks);
      const stored = await local.get(keys);
      const buckets = new Map<string, Bucket>();
      for (const key of keys) {
        const bucket = BucketSchema.safeParse(stored[key]);
        // A corrupt bucket is kept aside like any corrupt record, and the hour starts afresh.
        if (bucket.success) buckets.set(key, bucket.data);
        else if (stored[key] !== undefined) {
          await local.set(quarantineWrite(key, stored[key], 'unreadable tick-history bucket', now()));
        }
      }
      const change = appendTicks(await index.read(), buckets, ticks, now());
      await local.set({ [TICK_HISTORY_INDEX_KEY]: change.index, ...Object.fromEntries(change.writes) });
      if (change.removals.length > 0) await local.remove([...change.removals]);
    });
  }
}
