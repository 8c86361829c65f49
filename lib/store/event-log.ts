import { z } from 'zod';

import { replayEvents } from '../engine/replay';
import type { EngineEvent, EngineState } from '../engine/types';
import { EngineEventSchema } from './engine-event';
import { EngineStateSchema, toStoredEngineState } from './engine-state';
import type { Quarantine } from './quarantine';
import { describeProblem } from './read-record';
import type { StorageArea, WriteBatch } from './storage-area';

/**
 * The event log of one plan: the engine state it started from and every engine event that
 * changed it since — the ticks that moved the path (also those the trader's journal does not
 * show: a trailing stop's step, the first price), confirmations, skips, adjustments, stale
 * reports, the close. Replaying it (lib/engine/replay.ts) gives the plan's engine state,
 * byte for byte; with a confirmed fill's price or quantity corrected, the state the trade
 * really has. Ticks that changed nothing are not kept: they changed nothing.
 *
 * Its length is bounded: past `EVENT_LOG_LIMIT` events the oldest half is replayed into
 * the base state, so a fill older than the kept events can no longer be corrected.
 */
export const EVENT_LOG_PREFIX = 'events/';
export const EVENT_LOG_LIMIT = 400;

export function eventLogKey(planId: string): string {
  return `${EVENT_LOG_PREFIX}${planId}`;
}

export const LoggedEventSchema = z.object({
  event: EngineEventSchema,
  /** The trader's request id of a confirmation: how a correction names the fill. */
  requestId: z.string().optional(),
});
export type LoggedEvent = z.infer<typeof LoggedEventSchema>;

export const EventLogSchema = z.object({
  version: z.literal(1),
  base: EngineStateSchema,
  events: z.array(LoggedEventSchema),
});
export type EventLog = z.infer<typeof EventLogSchema>;

/** The repository of the plans' event logs, one per plan. */
export class EventLogRepository {
  constructor(
    private readonly area: StorageArea,
    private readonly quarantine: Quarantine,
  ) {}

  /** A plan's log; null when it has none (armed before logs were kept) or it was unreadable (then kept aside). */
  async read(planId: string): Promise<EventLog | null> {
    const key = eventLogKey(planId);
    const raw = (await this.area.get(key))[key];
    if (raw === undefined) return null;
    const parsed = EventLogSchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    const unreadable = { found: raw, kept: raw, problem: describeProblem(raw, parsed.error) };
    await this.quarantine.replace(this.area, key, unreadable, (batch) => batch.remove(key));
    return null;
  }

  /** A new log from `base` (a plan armed), in `batch`. */
  start(batch: WriteBatch, planId: string, base: EngineState): void {
    batch.put(eventLogKey(planId), storable({ version: 1, base, events: [] }));
  }

  /**
   * Log `event`, which took the engine from `before` to a new state, in `batch`. A plan
   * without a log starts one from `before`. Past the limit the oldest half goes into the base.
   */
  async append(
    batch: WriteBatch,
    planId: string,
    before: EngineState,
    event: EngineEvent,
    requestId?: string,
  ): Promise<void> {
    const key = eventLogKey(planId);
    const current = batch.has(key) ? readPending(batch.pending(key)) : await this.read(planId);
    const log = current ?? { version: 1 as const, base: before, events: [] };
    const logged: LoggedEvent = requestId === undefined ? { event } : { event, requestId };
    batch.put(key, storable(folded({ ...log, events: [...log.events, logged] })));
  }

  /** Replace a plan's log (a correction replayed it), in `batch`. */
  replace(batch: WriteBatch, planId: string, log: EventLog): void {
    batch.put(eventLogKey(planId), storable(log));
  }

  drop(batch: WriteBatch, planId: string): void {
    batch.remove(eventLogKey(planId));
  }
}

/** Past the limit, the oldest half is replayed into the base. */
function folded(log: EventLog): EventLog {
  if (log.events.length <= EVENT_LOG_LIMIT) return log;
  const cut = log.events.length - EVENT_LOG_LIMIT / 2;
  const base = replayEvents(
    log.base,
    log.events.slice(0, cut).map((logged) => logged.event),
  ).state;
  return { version: 1, base, events: log.events.slice(cut) };
}

/** What this batch already writes for a log: its own value, read back. */
function readPending(value: unknown): EventLog | null {
  const parsed = EventLogSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

function storable(log: EventLog): unknown {
  return { ...log, base: toStoredEngineState(log.base) };
}
