import type { OwedNotification } from '../store/outbox';
import { WriteBatch } from '../store/storage-area';
import type { PlanContext } from './plan-context';

/**
 * How many times a notification the browser refuses is tried (one flush each: after
 * every event, and on the stale-check alarm) before it is given up with a journal entry.
 */
export const SHOW_ATTEMPTS = 3;

/**
 * Show every owed notification, then forget it. Safe to run again at any time. One that
 * the browser already shows was shown by a worker stopped before it could forget it:
 * showing it again would alert the trader twice, so it is only forgotten. One the browser
 * refuses stays owed for the next flush, and never holds back the ones after it.
 */
export async function flushOutbox(ctx: PlanContext): Promise<void> {
  const owed = await ctx.stores.outbox.read();
  if (owed.length === 0) return;
  const displayed = new Set(await ctx.notifier.shown());
  const remaining: OwedNotification[] = [];
  const given: { notification: OwedNotification; error: string }[] = [];
  for (const notification of owed) {
    if (displayed.has(notification.id)) continue;
    try {
      await ctx.notifier.show(notification);
    } catch (thrown) {
      const error = thrown instanceof Error ? thrown.message : String(thrown);
      const tried = { ...notification, attempts: notification.attempts + 1 };
      if (tried.attempts < SHOW_ATTEMPTS) remaining.push(tried);
      else given.push({ notification: tried, error });
    }
  }
  const batch = new WriteBatch();
  ctx.stores.outbox.replace(batch, remaining);
  const planIds = given.length > 0 ? await ctx.stores.plans.index() : [];
  for (const { notification, error } of given) {
    ctx.log(`notification ${notification.id} given up after ${notification.attempts} tries: ${error}`);
    // The alert itself is in the journal already; this says the trader was not notified.
    if (!planIds.includes(notification.planId)) continue;
    await ctx.stores.journals.append(batch, notification.planId, {
      at: ctx.clock.now(),
      event: 'notification-dropped',
      input: {
        notification: notification.id,
        kind: notification.kind,
        tranche: notification.tranche,
        attempts: notification.attempts,
        error: error.slice(0, 300),
      },
      effects: [],
    });
  }
  await batch.commit(ctx.stores.local);
}
