import { replayEvents } from '../engine/replay';
import type { EngineEvent } from '../engine/types';
import type { EventLog } from '../store/event-log';
import { PROCESSED_LIMIT, withStatus } from '../store/plans';
import { WriteBatch } from '../store/storage-area';
import { effectWords } from '../words/effect-words';
import { versionChanges } from '../words/version-diff';
import type { ActionResult, PlanContext } from './plan-context';

/**
 * Correcting a confirmation: the trader's exchange filled at another price or quantity than
 * the one confirmed. The plan's event log (lib/store/event-log.ts) is replayed from its base
 * with the confirmed fill's price or quantity changed, and the state it gives replaces the
 * plan's — every stop, level and later fill recomputed as if it had been confirmed so. A
 * correction after which a later confirmation no longer fits (more sold than held) is
 * refused with the reason. The correction is journaled with what it changed; the replay
 * shows no alert again.
 */
export interface Correction {
  readonly id: string;
  /** The request id of the confirmation to correct. */
  readonly fill: string;
  readonly price?: string;
  readonly qty?: string;
  readonly requestId: string;
}

export async function correctFill(ctx: PlanContext, correction: Correction): Promise<ActionResult> {
  const record = await ctx.stores.plans.read(correction.id);
  if (record === null) return { ok: false, error: `no plan "${correction.id}"` };
  if (record.processed.includes(correction.requestId)) return { ok: true };
  const engine = record.engine;
  if (engine === null) return { ok: false, error: 'the plan is not armed' };
  const log = await ctx.stores.eventLogs.read(record.id);
  const place = log?.events.findIndex(
    (logged) => logged.requestId === correction.fill && logged.event.type === 'fill',
  );
  const logged = place === undefined || place < 0 ? undefined : log?.events[place];
  if (log === null || logged === undefined || place === undefined || logged.event.type !== 'fill') {
    return {
      ok: false,
      error: `that confirmation is not among the last events kept to replay: it cannot be corrected; adjust the trade instead`,
    };
  }
  const original = logged.event;
  const confirmed = confirmedFill(log, place);
  const fixed: EngineEvent = {
    ...original,
    ...(correction.price === undefined ? {} : { price: correction.price }),
    ...(correction.qty === undefined ? {} : { qty: correction.qty }),
  };
  const events = log.events.map((entry, index) => (index === place ? { ...entry, event: fixed } : entry));
  const replayed = replayEvents(
    log.base,
    events.map((entry) => entry.event),
  );
  const rejected = replayed.effects.find((effect) => effect.type === 'rejected');
  if (rejected !== undefined) {
    return {
      ok: false,
      error: `after that correction a confirmation no longer fits: ${effectWords(engine.plan, rejected) ?? ''}`,
    };
  }
  const now = ctx.clock.now();
  const state = replayed.state;
  const changes = versionChanges(engine, state);
  const corrected = withStatus(
    {
      ...record,
      engine: state,
      processed: [...record.processed, correction.requestId].slice(-PROCESSED_LIMIT),
      updatedAt: now,
    },
    state.phase,
    now,
  );
  const batch = new WriteBatch();
  ctx.stores.plans.put(batch, corrected);
  ctx.stores.eventLogs.replace(batch, record.id, { ...log, events } satisfies EventLog);
  await ctx.stores.journals.append(batch, record.id, {
    at: now,
    event: 'correct',
    input: {
      fill: correction.fill,
      tranche: original.tranche,
      price: confirmed?.price ?? null,
      qty: confirmed?.qty ?? null,
      correctedPrice: correction.price ?? confirmed?.price ?? null,
      correctedQty: correction.qty ?? confirmed?.qty ?? null,
      requestId: correction.requestId,
    },
    effects: [],
    revision: { from: engine.revision, to: state.revision },
    changes: changes.length === 0 ? ['nothing else changes'] : changes,
  });
  await batch.commit(ctx.stores.local);
  return { ok: true };
}

/** The fill as it was confirmed (a confirmation without a price or quantity took the suggested ones). */
function confirmedFill(log: EventLog, place: number): { price: string; qty: string } | null {
  const before = replayEvents(
    log.base,
    log.events.slice(0, place).map((entry) => entry.event),
  ).state;
  const event = log.events[place]?.event;
  if (event === undefined) return null;
  const fill = replayEvents(before, [event]).effects.find((effect) => effect.type === 'fill');
  return fill?.type === 'fill' ? { price: fill.price, qty: fill.qty } : null;
}
