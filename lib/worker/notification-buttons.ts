import type { NotificationSpec } from '../store/outbox';
import { parseNotificationId } from './notification-id';
import type { ActionResult } from './plan-context';
import type { Notifier } from './ports';

/** The buttons a confirmable notification carries, in order: the click reports the index. */
export const NotificationButton = { confirm: 'confirm', skip: 'skip' } as const;
export type NotificationButton = (typeof NotificationButton)[keyof typeof NotificationButton];

/** A stop cannot be skipped (docs/decisions.md, confirm mode): the trader's stop order may have filled elsewhere. */
export function isSkippable(tranche: string): boolean {
  return tranche !== 'stop';
}

export function buttonsOf(
  notification: Pick<NotificationSpec, 'isConfirmable' | 'tranche'>,
): NotificationButton[] {
  if (!notification.isConfirmable) return [];
  return isSkippable(notification.tranche)
    ? [NotificationButton.confirm, NotificationButton.skip]
    : [NotificationButton.confirm];
}

export interface ButtonDeps {
  readonly confirm: (request: { id: string; tranche: string; requestId: string }) => Promise<ActionResult>;
  readonly skip: (request: { id: string; tranche: string; requestId: string }) => Promise<ActionResult>;
  readonly notifier: Notifier;
}

/**
 * A click on a notification's button. Confirm fill takes the suggested price and
 * quantity. Done, the notification goes; not done, it stays and says why. The request id
 * is the notification's own (unique for the life of the install) and the button, so a
 * click the worker did not finish is applied once when clicked again.
 */
export async function answerButton(deps: ButtonDeps, id: string, index: number): Promise<void> {
  const parsed = parseNotificationId(id);
  if (parsed === null) return;
  const button = index === 0 ? NotificationButton.confirm : NotificationButton.skip;
  if (button === NotificationButton.skip && !isSkippable(parsed.tranche)) {
    await deps.notifier.explain(
      id,
      'Not done: a stop cannot be skipped. Confirm the fill where your stop order filled.',
    );
    return;
  }
  const request = { id: parsed.planId, tranche: parsed.tranche, requestId: `${id}/${index}` };
  const result = await (button === NotificationButton.confirm ? deps.confirm(request) : deps.skip(request));
  if (result.ok) await deps.notifier.clear(id);
  else await deps.notifier.explain(id, `Not done: ${result.error}`);
}
