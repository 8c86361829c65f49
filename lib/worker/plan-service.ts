import { z } from 'zod';

import { createEngine } from '../engine/create';
import { step } from '../engine/step';
import type { Effect, EngineEvent } from '../engine/types';
import { checkPlan } from '../checks/check-plan';
import type { Problem } from '../plan/problems';
import { toStoredEngineState } from '../store/engine-state';
import type { PlanRecord, PlanStatus } from '../store/plans';
import {
  PLAN_INDEX_KEY,
  PLAN_RECORD_PREFIX,
  PLAN_TRASH_KEY,
  PlanIndexSchema,
  PlanRecordSchema,
  planKey,
  PROCESSED_LIMIT,
  withStatus,
} from '../store/plans';
import type { QuarantineEntry } from '../store/record';
import { QUARANTINE_PREFIX, quarantineWrite, readQuarantineEntry, readRecord } from '../store/record';
import type { JournalEntry } from './journal';
import { journalEffects, journalKey, JournalSchema } from './journal';
import { notificationFor } from './notifications';
import type { Clock, KeyValueStore, NotificationSpec, Notifier } from './ports';
import { rejectionWords } from '../words/effect-words';
import { isTickForPlan } from './routing';
import { createSerialQueue, type SerialQueue } from './serial-queue';

export const OUTBOX_KEY = 'notifications/outbox';
export const ALERT_SETTINGS_KEY = 'alerts/settings';
/** Deleted plans kept for undo. */
const TRASH_LIMIT = 20;
/** A journal longer than this drops its oldest entries (they are also in exports taken before). */
const JOURNAL_LIMIT = 2000;

const NotificationSpecSchema = z.object({
  id: z.string(),
  planId: z.string(),
  tranche: z.string(),
  kind: z.string(),
  title: z.string(),
  message: z.string(),
  isConfirmable: z.boolean(),
});
const OutboxSchema = z.array(NotificationSpecSchema);

export const AlertSettingsSchema = z.object({
  version: z.literal(1),
  /** The global "quiet" switch: alerts are journaled and shown in the popup, not notified. */
  isQuiet: z.boolean().catch(false),
});
export type AlertSettings = z.infer<typeof AlertSettingsSchema>;

const TrashSchema = z.array(z.object({ record: z.unknown(), journal: z.unknown(), deletedAt: z.number() }));

export interface IncomingTick {
  readonly venue: string;
  readonly symbol: string;
  readonly price: string;
  readonly time: number;
  readonly source: string;
  /**
   * When the background received it. A plan armed after that never sees it: a price
   * replayed from the stored quotes at the worker's start may predate the plan.
   */
  readonly receivedAt?: number;
}

export type QuarantinedRecord = QuarantineEntry;

export type ActionResult<T = object> = ({ ok: true } & T) | { ok: false; error: string };

export interface PlanServiceDeps {
  readonly store: KeyValueStore;
  readonly notifier: Notifier;
  readonly clock: Clock;
  readonly newId: () => string;
  readonly log?: (message: string) => void;
  /** Work waits for this first (the storage migration), whether it succeeds or not. */
  readonly ready?: Promise<unknown>;
}

/**
 * The background's plans: stored records, routing of ticks, the engine, the journal and
 * notifications. Everything an event changes — engine state, journal, the notifications
 * it owes — is written in one storage write *before* any notification is shown, and the
 * outbox is flushed after; a worker stopped anywhere in between shows each alert once on
 * its next start (notification ids are stable, so showing one again replaces it).
 */
export class PlanService {
  /** The plans as the last tick left them, so that what reacts to that tick need not read them again. */
  private lastTick: { readonly tick: IncomingTick; readonly records: readonly PlanRecord[] } | null = null;

  /** The plans right after `tick` went through them, or null when another event came since. */
  recordsAfter(tick: IncomingTick): readonly PlanRecord[] | null {
    return this.lastTick?.tick === tick ? this.lastTick.records : null;
  }

  /** One event at a time: ticks and confirmations for the same plan must not interleave. */
  private readonly serial: SerialQueue;

  constructor(private readonly deps: PlanServiceDeps) {
    this.serial = createSerialQueue(deps.ready);
  }

  // ---- reading -------------------------------------------------------------------------

  /** Every readable plan, in index order. Corrupt records are repaired or quarantined first. */
  list(): Promise<{ plans: PlanRecord[]; quarantined: QuarantinedRecord[] }> {
    return this.serial(async () => {
      const plans = await this.readPlans();
      const all = await this.deps.store.getAll();
      const quarantined = Object.entries(all)
        .filter(([key]) => key.startsWith(QUARANTINE_PREFIX))
        .map(([key, value]) => readQuarantineEntry(key, value));
      return { plans, quarantined };
    });
  }

  /** Every readable plan, in index order, without the quarantine listing (which reads all of storage). */
  records(): Promise<PlanRecord[]> {
    return this.serial(() => this.readPlans());
  }

  journal(id: string): Promise<JournalEntry[]> {
    return this.serial(() => this.readJournal(id));
  }

  async settings(): Promise<AlertSettings> {
    const stored = await this.deps.store.get([ALERT_SETTINGS_KEY]);
    const parsed = AlertSettingsSchema.safeParse(stored[ALERT_SETTINGS_KEY]);
    return parsed.success ? parsed.data : { version: 1, isQuiet: false };
  }

  setQuiet(isQuiet: boolean): Promise<void> {
    return this.deps.store.set({ [ALERT_SETTINGS_KEY]: { version: 1, isQuiet } });
  }

  private async readIndex(): Promise<string[]> {
    const stored = await this.deps.store.get([PLAN_INDEX_KEY]);
    const parsed = PlanIndexSchema.safeParse(stored[PLAN_INDEX_KEY]);
    if (parsed.success) return parsed.data;
    if (stored[PLAN_INDEX_KEY] !== undefined) {
      // The index is derivable: rebuild it from the plan records rather than lose them.
      const all = await this.deps.store.getAll();
      const ids = Object.keys(all)
        .filter((key) => key.startsWith(PLAN_RECORD_PREFIX))
        .map((key) => key.slice(PLAN_RECORD_PREFIX.length));
      await this.quarantine(
        PLAN_INDEX_KEY,
        stored[PLAN_INDEX_KEY],
        'the plan index was unreadable; rebuilt from the plan records',
      );
      await this.deps.store.set({ [PLAN_INDEX_KEY]: ids });
      return ids;
    }
    return [];
  }

  private async readPlans(): Promise<PlanRecord[]> {
    const ids = await this.readIndex();
    if (ids.length === 0) return [];
    const stored = await this.deps.store.get(ids.map(planKey));
    const plans: PlanRecord[] = [];
    const lost: string[] = [];
    for (const id of ids) {
      const raw = stored[planKey(id)];
      const record = await this.readPlanRecord(id, raw);
      if (record === null) lost.push(id);
      else plans.push(record);
    }
    if (lost.length > 0) {
      await this.deps.store.set({ [PLAN_INDEX_KEY]: ids.filter((id) => !lost.includes(id)) });
    }
    return plans;
  }

  /**
   * A stored plan record, repaired field by field where a field has a safe default, or
   * quarantined (kept under `quarantine/…`, listed, exportable) when it cannot be read.
   */
  private async readPlanRecord(id: string, raw: unknown): Promise<PlanRecord | null> {
    const read = readRecord(PlanRecordSchema.nullable(), raw, () => null);
    if (read.status === 'ok' && read.value !== null) return read.value;
    if (read.status === 'missing') return null;
    const repaired = repairRecord(raw);
    if (repaired !== null) {
      this.deps.log?.(
        `plan ${id}: repaired fields with safe defaults (${read.status === 'corrupt' ? read.problem : ''})`,
      );
      await this.deps.store.set({ [planKey(id)]: storable(repaired) });
      return repaired;
    }
    await this.quarantine(planKey(id), raw, read.status === 'corrupt' ? read.problem : 'empty record');
    await this.deps.store.remove([planKey(id)]);
    return null;
  }

  private async quarantine(key: string, raw: unknown, problem: string): Promise<void> {
    const at = this.deps.clock.now();
    this.deps.log?.(`quarantined ${key}: ${problem}`);
    await this.deps.store.set(quarantineWrite(key, raw, problem, at));
  }

  private async readJournal(id: string): Promise<JournalEntry[]> {
    const stored = await this.deps.store.get([journalKey(id)]);
    const raw = stored[journalKey(id)];
    if (raw === undefined) return [];
    const parsed = JournalSchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    // Keep what is readable; the whole unreadable journal goes to quarantine.
    await this.quarantine(journalKey(id), raw, 'unreadable journal');
    return Array.isArray(raw) ? raw.filter((entry) => JournalSchema.element.safeParse(entry).success) : [];
  }

  private async readRecordById(id: string): Promise<PlanRecord | null> {
    const stored = await this.deps.store.get([planKey(id)]);
    return this.readPlanRecord(id, stored[planKey(id)]);
  }

  // ---- plan lifecycle --------------------------------------------------------------------

  /** Store a plan file as a draft; an invalid one stores nothing and says why, field by field. */
  importPlan(
    json: unknown,
  ): Promise<{ ok: true; id: string; warnings: Problem[] } | { ok: false; problems: Problem[] }> {
    return this.serial(async () => {
      const check = checkPlan(json);
      if (!check.ok) return { ok: false, problems: check.problems };
      const now = this.deps.clock.now();
      const id = this.deps.newId();
      const record: PlanRecord = {
        version: 1,
        id,
        plan: check.plan,
        status: 'draft',
        isPaused: false,
        isMuted: false,
        engine: null,
        lifecycle: [{ status: 'draft', at: now }],
        processed: [],
        alertSeq: 0,
        createdAt: now,
        updatedAt: now,
      };
      const ids = await this.readIndex();
      await this.deps.store.set({
        [PLAN_INDEX_KEY]: [...ids, id],
        [planKey(id)]: storable(record),
        [journalKey(id)]: [{ at: now, event: 'import', input: { name: check.plan.name }, effects: [] }],
      });
      return { ok: true, id, warnings: check.warnings };
    });
  }

  /** Arm a draft (or re-arm a closed plan): the engine starts waiting for the entry. */
  arm(id: string): Promise<ActionResult> {
    return this.update(id, 'arm', (record, now) => {
      if (record.status === 'armed' || record.status === 'active')
        return { error: `the plan is already ${record.status}` };
      const engine = createEngine(record.plan, { mode: 'confirm', fill: 'level' });
      return { record: withStatus({ ...record, engine, isPaused: false }, 'armed', now), effects: [] };
    });
  }

  pause(id: string): Promise<ActionResult> {
    return this.update(id, 'pause', (record) => ({ record: { ...record, isPaused: true }, effects: [] }));
  }

  resume(id: string): Promise<ActionResult> {
    return this.update(id, 'resume', (record) => ({ record: { ...record, isPaused: false }, effects: [] }));
  }

  mute(id: string, isMuted: boolean): Promise<ActionResult> {
    return this.update(id, isMuted ? 'mute' : 'unmute', (record) => ({
      record: { ...record, isMuted },
      effects: [],
    }));
  }

  /** Close a plan: pending tranches are cancelled; the journal stays. */
  close(id: string): Promise<ActionResult> {
    return this.update(id, 'cancel', (record, now) => {
      if (record.status === 'closed') return { error: 'the plan is already closed' };
      if (record.engine === null) return { record: withStatus(record, 'closed', now), effects: [] };
      return this.applyEvent(record, { type: 'cancel', time: now }, now);
    });
  }

  /** Delete a plan to the trash, from where `restore` brings it back (undo). */
  remove(id: string): Promise<ActionResult> {
    return this.serial(async () => {
      const ids = await this.readIndex();
      if (!ids.includes(id)) return { ok: false, error: `no plan "${id}"` };
      const stored = await this.deps.store.get([planKey(id), journalKey(id), PLAN_TRASH_KEY]);
      const trash = TrashSchema.catch([]).parse(stored[PLAN_TRASH_KEY]);
      const entry = {
        record: stored[planKey(id)],
        journal: stored[journalKey(id)] ?? [],
        deletedAt: this.deps.clock.now(),
      };
      await this.deps.store.set({
        [PLAN_INDEX_KEY]: ids.filter((candidate) => candidate !== id),
        [PLAN_TRASH_KEY]: [...trash, entry].slice(-TRASH_LIMIT),
      });
      await this.deps.store.remove([planKey(id), journalKey(id)]);
      return { ok: true };
    });
  }

  restore(id: string): Promise<ActionResult> {
    return this.serial(async () => {
      const stored = await this.deps.store.get([PLAN_TRASH_KEY]);
      const trash = TrashSchema.catch([]).parse(stored[PLAN_TRASH_KEY]);
      const index = trash.findIndex((entry) => (entry.record as { id?: unknown } | null)?.id === id);
      const entry = trash[index];
      if (entry === undefined) return { ok: false, error: `no deleted plan "${id}" to restore` };
      const ids = await this.readIndex();
      await this.deps.store.set({
        [PLAN_INDEX_KEY]: ids.includes(id) ? ids : [...ids, id],
        [planKey(id)]: entry.record,
        [journalKey(id)]: entry.journal,
        [PLAN_TRASH_KEY]: trash.filter((_, position) => position !== index),
      });
      return { ok: true };
    });
  }

  // ---- events ----------------------------------------------------------------------------

  /** A price from a page: every armed or active, unpaused plan for its symbol and venue steps. */
  onTick(tick: IncomingTick): Promise<number> {
    return this.serial(async () => {
      const plans = await this.readPlans();
      const now = this.deps.clock.now();
      const writes: Record<string, unknown> = {};
      const owed: NotificationSpec[] = [];
      let routed = 0;
      const after: PlanRecord[] = [];
      for (const record of plans) {
        if (
          !isListening(record, tick) ||
          (tick.receivedAt !== undefined && tick.receivedAt < armedAt(record))
        ) {
          after.push(record);
          continue;
        }
        routed += 1;
        const event: EngineEvent = { type: 'tick', price: tick.price, time: tick.time, source: tick.source };
        const result = this.applyEvent(record, event, now);
        if (result.effects.length === 0) {
          // A quiet tick returns the same state: nothing to write. One that moved the path
          // (a trailing stop, a re-armed approach, the first price) is written.
          if (result.record !== record) writes[planKey(record.id)] = storable(result.record);
          after.push(result.record);
          continue;
        }
        const staged = await this.stage(
          writes,
          owed,
          result,
          {
            event: 'tick',
            input: { price: tick.price, time: tick.time, source: tick.source, venue: tick.venue },
          },
          now,
        );
        after.push(staged);
      }
      if (Object.keys(writes).length > 0) await this.commit(writes, owed);
      this.lastTick = { tick, records: after };
      return routed;
    }).then(async (routed) => {
      await this.flushOutbox();
      return routed;
    });
  }

  /** The trader's confirmation of a triggered tranche, with the suggested or edited price and qty. */
  confirm(input: {
    id: string;
    tranche: string;
    price?: string;
    qty?: string;
    requestId: string;
  }): Promise<ActionResult> {
    return this.confirmation(
      input.id,
      input.requestId,
      'fill',
      { tranche: input.tranche, price: input.price ?? null, qty: input.qty ?? null },
      (time) => ({
        type: 'fill',
        tranche: input.tranche,
        time,
        ...(input.price === undefined ? {} : { price: input.price }),
        ...(input.qty === undefined ? {} : { qty: input.qty }),
      }),
    );
  }

  skip(input: { id: string; tranche: string; requestId: string }): Promise<ActionResult> {
    return this.confirmation(input.id, input.requestId, 'skip', { tranche: input.tranche }, (time) => ({
      type: 'skip',
      tranche: input.tranche,
      time,
    }));
  }

  /** The page stopped refreshing the price: a `stale` alert, once, for each plan on that symbol. */
  onStale(tick: { venue: string; symbol: string; since: number }): Promise<void> {
    return this.serial(async () => {
      const plans = await this.readPlans();
      const now = this.deps.clock.now();
      const writes: Record<string, unknown> = {};
      const owed: NotificationSpec[] = [];
      for (const record of plans) {
        if (!isListening(record, tick)) continue;
        const result = this.applyEvent(record, { type: 'stale', time: now }, now);
        if (result.effects.length === 0) continue;
        await this.stage(
          writes,
          owed,
          result,
          { event: 'stale', input: { venue: tick.venue, since: tick.since } },
          now,
        );
      }
      if (Object.keys(writes).length > 0) await this.commit(writes, owed);
    }).then(() => this.flushOutbox());
  }

  private async confirmation(
    id: string,
    requestId: string,
    name: string,
    input: Record<string, string | null>,
    event: (time: number) => EngineEvent,
  ): Promise<ActionResult> {
    const result = await this.serial(async (): Promise<ActionResult> => {
      const record = await this.readRecordById(id);
      if (record === null) return { ok: false, error: `no plan "${id}"` };
      if (record.processed.includes(requestId)) return { ok: true };
      if (record.engine === null) return { ok: false, error: 'the plan is not armed' };
      const now = this.deps.clock.now();
      const applied = this.applyEvent(record, event(now), now);
      const refused = applied.effects.find((effect) => effect.type === 'rejected');
      if (refused?.type === 'rejected') {
        return { ok: false, error: rejectionWords(refused.tranche, refused.rejection) };
      }
      applied.record = {
        ...applied.record,
        processed: [...applied.record.processed, requestId].slice(-PROCESSED_LIMIT),
      };
      const writes: Record<string, unknown> = {};
      const owed: NotificationSpec[] = [];
      await this.stage(writes, owed, applied, { event: name, input: { ...input, requestId } }, now);
      await this.commit(writes, owed);
      return { ok: true };
    });
    await this.flushOutbox();
    return result;
  }

  private update(
    id: string,
    name: string,
    change: (
      record: PlanRecord,
      now: number,
    ) => { record: PlanRecord; effects: readonly Effect[] } | { error: string },
  ): Promise<ActionResult> {
    return this.serial(async (): Promise<ActionResult> => {
      const record = await this.readRecordById(id);
      if (record === null) return { ok: false, error: `no plan "${id}"` };
      const now = this.deps.clock.now();
      const changed = change(record, now);
      if ('error' in changed) return { ok: false, error: changed.error };
      const writes: Record<string, unknown> = {};
      const owed: NotificationSpec[] = [];
      await this.stage(
        writes,
        owed,
        { record: { ...changed.record, updatedAt: now }, effects: changed.effects },
        { event: name, input: {} },
        now,
      );
      await this.commit(writes, owed);
      return { ok: true };
    });
  }

  /** Step a plan's engine and carry its phase into the plan's status. */
  private applyEvent(
    record: PlanRecord,
    event: EngineEvent,
    now: number,
  ): { record: PlanRecord; effects: readonly Effect[] } {
    if (record.engine === null) return { record, effects: [] };
    const result = step(record.engine, event);
    if (result.state === record.engine) return { record, effects: result.effects };
    const status: PlanStatus = result.state.phase;
    return {
      record: withStatus({ ...record, engine: result.state, updatedAt: now }, status, now),
      effects: result.effects,
    };
  }

  /** Add one event's record, journal entry and owed notifications to a pending write. */
  private async stage(
    writes: Record<string, unknown>,
    owed: NotificationSpec[],
    result: { record: PlanRecord; effects: readonly Effect[] },
    entry: Omit<JournalEntry, 'at' | 'effects'>,
    now: number,
  ): Promise<PlanRecord> {
    let record = result.record;
    // The quiet switch matters only for alerts, which are rare: read it only then.
    const hasAlert = result.effects.some((effect) => effect.type === 'alert');
    const isQuiet = hasAlert && (await this.settings()).isQuiet;
    const engine = record.engine;
    for (const effect of result.effects) {
      if (effect.type !== 'alert' || engine === null) continue;
      const seq = record.alertSeq;
      record = { ...record, alertSeq: seq + 1 };
      if (!record.isMuted && !isQuiet) owed.push(notificationFor(record.id, seq, effect, engine));
    }
    writes[planKey(record.id)] = storable(record);
    const journal =
      (writes[journalKey(record.id)] as JournalEntry[] | undefined) ?? (await this.readJournal(record.id));
    writes[journalKey(record.id)] = [
      ...journal,
      {
        ...entry,
        at: now,
        effects: journalEffects(record.plan, result.effects),
      },
    ].slice(-JOURNAL_LIMIT);
    return record;
  }

  /** One write: records, journals and the outbox together, before anything is shown. */
  private async commit(writes: Record<string, unknown>, owed: readonly NotificationSpec[]): Promise<void> {
    if (owed.length > 0) {
      const stored = await this.deps.store.get([OUTBOX_KEY]);
      const outbox = OutboxSchema.catch([]).parse(stored[OUTBOX_KEY]);
      writes[OUTBOX_KEY] = [...outbox, ...owed];
    }
    await this.deps.store.set(writes);
  }

  /**
   * Show every owed notification, then forget it. Safe to run again at any time. One that
   * the browser already shows was shown by a worker stopped before it could forget it:
   * showing it again would alert the trader twice, so it is only forgotten.
   */
  flushOutbox(): Promise<void> {
    return this.serial(async () => {
      const stored = await this.deps.store.get([OUTBOX_KEY]);
      const outbox = OutboxSchema.catch([]).parse(stored[OUTBOX_KEY]);
      if (outbox.length === 0) return;
      const displayed = new Set(await this.deps.notifier.shown());
      for (const notification of outbox) {
        if (!displayed.has(notification.id)) await this.deps.notifier.show(notification);
      }
      const after = await this.deps.store.get([OUTBOX_KEY]);
      const current = OutboxSchema.catch([]).parse(after[OUTBOX_KEY]);
      const shown = new Set(outbox.map((notification) => notification.id));
      await this.deps.store.set({
        [OUTBOX_KEY]: current.filter((notification) => !shown.has(notification.id)),
      });
    });
  }
}

/** When the plan was last armed (0 when its lifecycle was lost and repaired). */
function armedAt(record: PlanRecord): number {
  for (let index = record.lifecycle.length - 1; index >= 0; index -= 1) {
    const entry = record.lifecycle[index];
    if (entry?.status === 'armed') return entry.at;
  }
  return 0;
}

/** An armed or active, unpaused plan for the tick's symbol and venue: it steps on the tick. */
export function isListening(
  record: PlanRecord,
  tick: { readonly venue: string; readonly symbol: string },
): boolean {
  const isRunning =
    !record.isPaused && record.engine !== null && (record.status === 'armed' || record.status === 'active');
  return isRunning && isTickForPlan(record.plan.instrument, tick);
}

/** A record as storage keeps it: JSON-safe (bounds may be infinite). */
function storable(record: PlanRecord): unknown {
  return { ...record, engine: record.engine === null ? null : toStoredEngineState(record.engine) };
}

/**
 * Fields with a safe default are repaired instead of losing the plan: flags off, no
 * remembered confirmations, a fresh alert counter, an empty lifecycle.
 */
function repairRecord(raw: unknown): PlanRecord | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const candidate = { ...(raw as Record<string, unknown>) };
  const defaults: Record<string, unknown> = {
    isPaused: false,
    isMuted: false,
    processed: [],
    alertSeq: 0,
    lifecycle: [],
  };
  for (const [field, fallback] of Object.entries(defaults)) {
    const fieldSchema = PlanRecordSchema.shape[field as keyof typeof PlanRecordSchema.shape];
    if (!fieldSchema.safeParse(candidate[field]).success) candidate[field] = fallback;
  }
  const parsed = PlanRecordSchema.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}
