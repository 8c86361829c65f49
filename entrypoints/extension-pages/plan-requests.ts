import type { PlanActions } from '../../components/PlanCard';
import { ask } from './background-client';

/** The background's answer to an action: done, or refused with a reason to show. */
export type Ack = { ok: true } | { ok: false; error: string };

/**
 * The plan actions the popup and the on-page panel share, sent to the background. Each
 * answer goes to `settle`, which shows a refusal and reloads the plans. A confirmation
 * or an adjustment carries a fresh request id: a retried message is applied once.
 */
export function planRequests(
  settle: (reply: Promise<Ack>) => Promise<void>,
): Omit<PlanActions, 'onOpenPlanner'> {
  return {
    onConfirm: (id, tranche, price, qty) =>
      settle(
        ask<'plan-fill'>({ type: 'plan-fill', id, tranche, price, qty, requestId: crypto.randomUUID() }),
      ),
    onSkip: (id, tranche) =>
      settle(ask<'plan-skip'>({ type: 'plan-skip', id, tranche, requestId: crypto.randomUUID() })),
    onPause: (id) => void settle(ask<'plan-action'>({ type: 'plan-action', id, action: 'pause' })),
    onResume: (id) => void settle(ask<'plan-action'>({ type: 'plan-action', id, action: 'resume' })),
    onAdjust: adjustRequest(settle),
    onCorrect: correctRequest(settle),
  };
}

/** An adjustment's preview changes nothing; an adjustment applied (or refused, and journaled) reloads the plans. */
export function adjustRequest(
  settle: (reply: Promise<Ack>) => Promise<void>,
): NonNullable<PlanActions['onAdjust']> {
  return async (id, mode, adjustment, requestId) => {
    const reply = await ask<'plan-adjust'>({
      type: 'plan-adjust',
      id,
      mode,
      adjustment: { ...adjustment },
      requestId,
    });
    if (mode === 'apply' && reply.ok) await settle(Promise.resolve({ ok: true }));
    return reply;
  };
}

/** A confirmed fill corrected; the plans reload once the background has recomputed the trade. */
export function correctRequest(
  settle: (reply: Promise<Ack>) => Promise<void>,
): NonNullable<PlanActions['onCorrect']> {
  return async (id, fill, price, qty) => {
    const reply = await ask<'plan-correct'>({
      type: 'plan-correct',
      id,
      fill,
      price,
      qty,
      requestId: crypto.randomUUID(),
    });
    if (reply.ok) await settle(Promise.resolve(reply));
    return reply;
  };
}
