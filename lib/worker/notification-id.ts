/**
 * A notification's id names its plan, its alert's number and its tranche, so that a
 * button click needs no lookup and showing it again replaces it. The number is the plan's
 * alert counter in its epoch (lib/store/plans `alertEpoch`): ids are unique for the life of
 * the install, even after a repair set the counter back to 0.
 */
export function notificationId(planId: string, epoch: string, seq: number, tranche: string): string {
  return `${planId}/${epoch}.${seq}/${tranche}`;
}

export interface ParsedNotificationId {
  readonly planId: string;
  readonly tranche: string;
}

/** Also reads `<plan>/<seq>/<tranche>`, the ids before epochs: a notification shown before an update. */
export function parseNotificationId(id: string): ParsedNotificationId | null {
  const match = /^([A-Za-z0-9_-]+)\/(?:[A-Za-z0-9]{1,32}\.)?\d+\/(entry|stop|price|add-\d+|target-\d+)$/.exec(
    id,
  );
  if (!match) return null;
  return { planId: match[1] ?? '', tranche: match[2] ?? '' };
}
