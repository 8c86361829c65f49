import type { TrancheView } from '../../lib/worker/view';

/** The pending adds or targets of a plan, each with the number an adjustment names it by (`add-2` is 2). */
export function pendingTranches(
  tranches: readonly TrancheView[],
  kind: 'add' | 'target',
): { index: number; tranche: TrancheView }[] {
  return tranches
    .filter((tranche) => tranche.status === 'pending' && tranche.id.startsWith(`${kind}-`))
    .map((tranche) => ({ index: Number(tranche.id.slice(kind.length + 1)), tranche }));
}
