/**
 * A notification's id names its plan, its place in the plan's alerts and its tranche, so
 * that a button click needs no lookup and showing it again replaces it.
 */
export function notificationId(planId: string, seq: number, tranche: string): string {
  return `${planId}/${seq}/${tranche}`;
}

export function parseNotificationId(id: string): { planId: string; seq: number; tranche: string } | null {
  const match = /^([A-Za-z0-9_-]+)\/(\d+)\/(entry|stop|price|add-\d+|target-\d+)$/.exec(id);
  if (!match) return null;
  return { planId: match[1] ?? '', seq: Number(match[2]), tranche: match[3] ?? '' };
}
