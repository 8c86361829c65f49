import type { DivergedMessage, StaleMessage, TickMessage } from '../../lib/messages/requests';
import { normalizeSymbol } from '../../lib/sites/symbol';
import { applyDivergence, applyStale, applyTick } from '../../lib/store/quotes';
import type { Stores } from '../../lib/store/stores';
import type { HistoryTick } from '../../lib/store/tick-history';
import type { SerialQueue } from '../../lib/worker/serial-queue';

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
  readonly stores: Pick<Stores, 'quotes' | 'tickHistory'>;
  readonly queue: SerialQueue;
  readonly now: () => number;
}

/**
 * Where accepted ticks, stale and diverged reports land: the latest quote per venue and
 * symbol, the bounded tick history, and the listeners that react to prices (`onTick`:
 * where the plan service and the toolbar badge hook in).
 */
export class TickIntake {
  private readonly listeners = new Set<TickListener>();
  private readonly staleListeners = new Set<StaleListener>();
  private pendingHistory: HistoryTick[] = [];
  private flushTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly deps: TickIntakeDeps) {}

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
    const { quotes } = this.deps.stores;
    await this.deps.queue(async () => {
      await quotes.write(applyTick(await quotes.read(), tick, tick.receivedAt));
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
    const { quotes } = this.deps.stores;
    await this.deps.queue(async () => {
      await quotes.write(applyStale(await quotes.read(), stale));
    });
    for (const listener of this.staleListeners) {
      try {
        await listener(stale);
      } catch (error) {
        console.error('Tranche: a stale listener failed', error);
      }
    }
  }

  /**
   * A page whose two prices disagree: stored beside its quote for the popup and the panel
   * to show. It is no price: no plan steps on it and the tick history does not keep it.
   */
  async receiveDivergence(message: DivergedMessage): Promise<void> {
    const divergence = { ...message, symbol: normalizeSymbol(message.symbol) };
    const { quotes } = this.deps.stores;
    await this.deps.queue(async () => {
      await quotes.write(applyDivergence(await quotes.read(), divergence, this.deps.now()));
    });
  }

  /** Write the buffered ticks to the history now. */
  async flushHistory(): Promise<void> {
    if (this.flushTimer !== null) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    const ticks = this.pendingHistory;
    this.pendingHistory = [];
    if (ticks.length === 0) return;
    await this.deps.queue(() => this.deps.stores.tickHistory.append(ticks, this.deps.now()));
  }
}
