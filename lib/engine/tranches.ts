import type { Plan } from '../plan/schema';
import type { TrancheKind } from '../plan/tranche-id';
import { parseTrancheId, trancheId } from '../plan/tranche-id';
import type { SkipReason } from './effects';
import type { TrancheState } from './types';
import type { Working } from './working';

/**
 * The plan's tranches in the state, in plan order: the entry, then every add, then every
 * target; so a tranche's place follows from its id.
 */
export function initialTranches(plan: Plan, entryLevel: string): TrancheState[] {
  const blank = { status: 'pending' as const, qty: null, price: null, time: null, reason: null };
  const tranche = (kind: TrancheKind, index: number): TrancheState => ({
    id: trancheId(kind, index),
    kind,
    index,
    level: kind === 'entry' ? entryLevel : null,
    ...blank,
  });
  return [
    tranche('entry', 0),
    ...plan.scaleIn.map((_, position) => tranche('add', position + 1)),
    ...plan.scaleOut.map((_, position) => tranche('target', position + 1)),
  ];
}

/** The tranche an id names, or undefined when the plan has none by that id. */
export function findTranche(work: Working, id: string): TrancheState | undefined {
  const ref = parseTrancheId(id);
  if (ref === null || ref.kind === 'stop') return undefined;
  const place =
    ref.kind === 'entry' ? 0 : ref.kind === 'add' ? ref.index : work.plan.scaleIn.length + ref.index;
  const tranche = work.state.tranches[place];
  return tranche?.id === id ? tranche : undefined;
}

/** The tranche an id names; the engine only ever names its own. */
export function trancheOf(work: Working, id: string): TrancheState {
  const tranche = findTranche(work, id);
  if (tranche === undefined) throw new Error(`unknown tranche "${id}"`);
  return tranche;
}

/** Whether a tranche can still fill: pending, or triggered and waiting for the trader. */
export function isOpen(tranche: TrancheState): boolean {
  return tranche.status === 'pending' || tranche.status === 'triggered';
}

/** The next add or target still to come, in plan order. */
export function nextOpen(work: Working, kind: 'add' | 'target'): TrancheState | undefined {
  const { tranches } = work.state;
  const first = kind === 'add' ? 1 : 1 + work.plan.scaleIn.length;
  const end = kind === 'add' ? first + work.plan.scaleIn.length : tranches.length;
  for (let place = first; place < end; place += 1) {
    const tranche = tranches[place];
    if (tranche !== undefined && isOpen(tranche)) return tranche;
  }
  return undefined;
}

/** A tranche that will not fill, with the reason (as data, for lib/words). */
export function skipTranche(
  work: Working,
  id: string,
  reason: SkipReason,
  time: number,
  status: 'skipped' | 'too-small' = 'skipped',
): void {
  const tranche = trancheOf(work, id);
  tranche.status = status;
  tranche.reason = reason;
  tranche.time = time;
  work.effects.push({ type: 'skip', tranche: id, reason, time });
}

/** No lot left (or the trader cancelled): every pending tranche is cancelled and the plan closes. */
export function closeTrade(work: Working, time: number): void {
  for (const tranche of work.state.tranches) {
    if (isOpen(tranche)) {
      tranche.status = 'cancelled';
      tranche.time = time;
    }
  }
  work.state.stopTrigger = null;
  work.state.phase = 'closed';
  work.effects.push({ type: 'phase', phase: 'closed', time });
}
