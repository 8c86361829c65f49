import type { NotificationSpec } from '../store/outbox';

export type { NotificationSpec } from '../store/outbox';

/**
 * What the background's logic needs from the browser besides storage (lib/store's
 * StorageArea), as narrow interfaces: the entrypoint passes chrome.notifications; tests
 * pass fakes.
 */
export interface Notifier {
  /** Idempotent: showing the same id again replaces, never duplicates. */
  show(notification: NotificationSpec): Promise<void>;
  /** Ids of the notifications the browser shows now. */
  shown(): Promise<readonly string[]>;
  clear(id: string): Promise<void>;
  /** Replace the text of a notification still on screen (its title and buttons stay). */
  explain(id: string, message: string): Promise<void>;
}

export interface Clock {
  now(): number;
}
