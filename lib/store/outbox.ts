import { z } from 'zod';

import type { Quarantine } from './quarantine';
import type { StorageArea, WriteBatch } from './storage-area';
import { StoredList } from './stored-list';

/** storage.local key of the notifications owed: written with the event that caused them. */
export const OUTBOX_KEY = 'notifications/outbox';

export const NotificationSpecSchema = z.object({
  /** Unique for the life of the install (lib/worker/notification-id): showing it again replaces it. */
  id: z.string(),
  planId: z.string(),
  tranche: z.string(),
  kind: z.string(),
  title: z.string(),
  message: z.string(),
  /** Confirm fill (and Skip, except on a stop), for a tranche waiting for the trader. */
  isConfirmable: z.boolean(),
});
export type NotificationSpec = z.infer<typeof NotificationSpecSchema>;

export const OwedNotificationSchema = NotificationSpecSchema.extend({
  /** Times the browser refused to show it; entries written before this was counted have 0. */
  attempts: z.number().int().nonnegative().catch(0),
});
export type OwedNotification = z.infer<typeof OwedNotificationSchema>;

/** The repository of the outbox: owed notifications, in the order they were owed. */
export class Outbox {
  private readonly list: StoredList<OwedNotification>;

  constructor(area: StorageArea, quarantine: Quarantine) {
    this.list = new StoredList(
      area,
      { key: OUTBOX_KEY, entry: OwedNotificationSchema, noun: 'owed notifications' },
      quarantine,
    );
  }

  read(): Promise<OwedNotification[]> {
    return this.list.read();
  }

  /** Owe `notifications` in `batch`: the write of the event that caused them. */
  async owe(batch: WriteBatch, notifications: readonly NotificationSpec[]): Promise<void> {
    if (notifications.length === 0) return;
    const current = await this.list.current(batch);
    batch.put(OUTBOX_KEY, [
      ...current,
      ...notifications.map((notification) => ({ ...notification, attempts: 0 })),
    ]);
  }

  /** The outbox as it will be: `remaining`, in `batch`. */
  replace(batch: WriteBatch, remaining: readonly OwedNotification[]): void {
    batch.put(OUTBOX_KEY, remaining);
  }
}
