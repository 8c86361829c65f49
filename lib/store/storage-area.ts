/**
 * The one storage interface of the background: the part of a `storage.StorageArea` it
 * uses. The browser's `storage.local` and `storage.session`, WXT's fakeBrowser and the
 * tests' in-memory area all fit it; every repository in lib/store reads and writes
 * through it, and nothing else touches storage.
 */
export interface StorageArea {
  /** `null`: every key. */
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  /** One call is one write: the browser commits every key of it together. */
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
  /**
   * Every stored key, without reading the values (Chrome ≥ 130; absent in Firefox ESR): lets
   * a listing by key prefix skip the megabytes of tick history.
   */
  getKeys?(): Promise<string[]>;
  /** Every change to the area, whoever made it: what lets a worker keep some of it in memory (./cached-area). */
  readonly onChanged?: { addListener(listener: (changes: StorageChanges) => void): void };
}

/** What `storage.onChanged` reports, per key: the new value, absent when the key was removed. */
export type StorageChanges = Readonly<Record<string, { readonly newValue?: unknown }>>;

/**
 * Changes to several keys, gathered so that what one event changes lands in one `set`
 * (then any removals): a worker stopped in between has written all of it or none.
 */
export class WriteBatch {
  private readonly items: Record<string, unknown> = {};
  private readonly removals = new Set<string>();

  /** `parent`: a batch whose pending writes this one builds on (./child). */
  constructor(private readonly parent: WriteBatch | null = null) {}

  /**
   * A batch for one part of a bigger change (one plan's part of a tick): it sees what the
   * bigger one already holds (the outbox so far) and joins it only by `merge`.
   */
  child(): WriteBatch {
    return new WriteBatch(this);
  }

  put(key: string, value: unknown): void {
    this.items[key] = value;
    this.removals.delete(key);
  }

  putAll(items: Readonly<Record<string, unknown>>): void {
    for (const [key, value] of Object.entries(items)) this.put(key, value);
  }

  remove(key: string): void {
    delete this.items[key];
    this.removals.add(key);
  }

  /** What this batch (or its parent) writes under `key`, if anything: a later change builds on it. */
  pending(key: string): unknown {
    if (Object.hasOwn(this.items, key)) return this.items[key];
    return this.removals.has(key) ? undefined : this.parent?.pending(key);
  }

  has(key: string): boolean {
    if (Object.hasOwn(this.items, key)) return true;
    return !this.removals.has(key) && this.parent !== null && this.parent.has(key);
  }

  get isEmpty(): boolean {
    return Object.keys(this.items).length === 0 && this.removals.size === 0;
  }

  /** Everything of `other`, after this batch's own changes. */
  merge(other: WriteBatch): void {
    this.putAll(other.items);
    for (const key of other.removals) this.remove(key);
  }

  async commit(area: StorageArea): Promise<void> {
    if (Object.keys(this.items).length > 0) await area.set({ ...this.items });
    if (this.removals.size > 0) await area.remove([...this.removals]);
  }
}
