/**
 * What the background's logic needs from the browser, as narrow interfaces: the entrypoint
 * passes storage.local and chrome.notifications; tests pass in-memory fakes.
 */
export interface KeyValueStore {
  get(keys: readonly string[]): Promise<Record<string, unknown>>;
  getAll(): Promise<Record<string, unknown>>;
  /** One call is one write: the browser commits every key of it together. */
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: readonly string[]): Promise<void>;
}

export interface NotificationSpec {
  /** Idempotent: showing the same id again replaces, never duplicates. */
  readonly id: string;
  readonly planId: string;
  readonly tranche: string;
  readonly kind: string;
  readonly title: string;
  readonly message: string;
  /** Confirm fill / Skip, for a tranche waiting for the trader. */
  readonly isConfirmable: boolean;
}

export interface Notifier {
  show(notification: NotificationSpec): Promise<void>;
  /** Ids of the notifications the browser shows now. */
  shown(): Promise<readonly string[]>;
  clear(id: string): Promise<void>;
}

export interface Clock {
  now(): number;
}
