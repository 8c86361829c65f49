import type { Problem } from '../plan/problems';
import type { AlertSettings } from '../store/alert-settings';
import type { JournalEntry } from '../store/journal';
import type { PlanReading } from '../store/plan-repository';
import type { PlanRecord } from '../store/plans';
import type { QuarantineEntry } from '../store/quarantine';
import type { Stores } from '../store/stores';
import type { Adjustment } from '../plan/adjustment';
import type { HeatSettings } from '../store/heat-settings';
import type { AdjustOutcome, AdjustRequest } from './adjustments';
import { applyAdjustment, previewAdjustment } from './adjustments';
import { applyConfirmation } from './confirmations';
import type { Correction } from './corrections';
import { correctFill } from './corrections';
import { flushOutbox } from './outbox-flush';
import type { ActionResult, PlanContext } from './plan-context';
import { stepOnStale, stepOnTick, type IncomingTick } from './plan-events';
import * as lifecycle from './plan-lifecycle';
import type { Clock, Notifier } from './ports';
import { createSerialQueue, type SerialQueue } from './serial-queue';

export type { ActionResult } from './plan-context';
export type { IncomingTick } from './plan-events';

export interface PlanServiceDeps {
  readonly stores: Stores;
  readonly notifier: Notifier;
  readonly clock: Clock;
  readonly newId: () => string;
  readonly log?: (message: string) => void;
  /** Work waits for this first (the storage migration), whether it succeeds or not. */
  readonly ready?: Promise<unknown>;
}

/**
 * The background's plans: lifecycle (./plan-lifecycle), ticks and stale reports
 * (./plan-events), confirmations (./confirmations) and the outbox (./outbox-flush), one
 * event at a time — ticks and confirmations for the same plan must not interleave.
 * Whatever an event changes is written in one storage write before anything is shown
 * (./event-write); a worker stopped anywhere in between shows each alert once on its
 * next start.
 */
export class PlanService {
  private readonly ctx: PlanContext;
  private readonly serial: SerialQueue;
  /** The plans as the last tick left them, so that what reacts to that tick need not read them again. */
  private lastTick: { readonly tick: IncomingTick; readonly records: readonly PlanRecord[] } | null = null;

  constructor(deps: PlanServiceDeps) {
    this.ctx = {
      stores: deps.stores,
      notifier: deps.notifier,
      clock: deps.clock,
      newId: deps.newId,
      log: deps.log ?? (() => undefined),
    };
    this.serial = createSerialQueue(deps.ready);
  }

  // ---- reading -------------------------------------------------------------------------

  /** Every readable plan, and the ones a newer Tranche wrote (left as they are, not run). */
  readAll(): Promise<PlanReading> {
    return this.serial(() => this.ctx.stores.plans.readAll());
  }

  /** Every record kept aside (reads all of storage: for the planner only). */
  quarantined(): Promise<QuarantineEntry[]> {
    return this.serial(() => this.ctx.stores.quarantine.list());
  }

  /** Every readable plan, in index order, without the quarantine listing (which reads all of storage). */
  records(): Promise<PlanRecord[]> {
    return this.serial(async () => (await this.ctx.stores.plans.readAll()).records);
  }

  /** The plans right after `tick` went through them, or null when another event came since. */
  recordsAfter(tick: IncomingTick): readonly PlanRecord[] | null {
    return this.lastTick?.tick === tick ? this.lastTick.records : null;
  }

  journal(id: string): Promise<JournalEntry[]> {
    return this.serial(() => this.ctx.stores.journals.read(id));
  }

  settings(): Promise<AlertSettings> {
    return this.ctx.stores.alertSettings.read();
  }

  setQuiet(isQuiet: boolean): Promise<void> {
    return this.ctx.stores.alertSettings.write({ version: 1, isQuiet });
  }

  heatSettings(): Promise<HeatSettings> {
    return this.ctx.stores.heatSettings.read();
  }

  /** The account heat setting: both the equity and the cap, or neither (no cap). */
  setHeat(equity: string | null, capPercent: string | null): Promise<void> {
    return this.serial(() => this.ctx.stores.heatSettings.write({ version: 1, equity, capPercent }));
  }

  // ---- plan lifecycle --------------------------------------------------------------------

  importPlan(
    json: unknown,
  ): Promise<{ ok: true; id: string; warnings: Problem[] } | { ok: false; problems: Problem[] }> {
    return this.serial(() => lifecycle.importPlan(this.ctx, json));
  }

  arm(id: string): Promise<ActionResult> {
    return this.serial(() => lifecycle.arm(this.ctx, id));
  }

  pause(id: string): Promise<ActionResult> {
    return this.serial(() => lifecycle.setPaused(this.ctx, id, true));
  }

  resume(id: string): Promise<ActionResult> {
    return this.serial(() => lifecycle.setPaused(this.ctx, id, false));
  }

  mute(id: string, isMuted: boolean): Promise<ActionResult> {
    return this.serial(() => lifecycle.setMuted(this.ctx, id, isMuted));
  }

  close(id: string): Promise<ActionResult> {
    return this.serial(() => lifecycle.close(this.ctx, id));
  }

  remove(id: string): Promise<ActionResult> {
    return this.serial(() => lifecycle.remove(this.ctx, id));
  }

  restore(id: string): Promise<ActionResult> {
    return this.serial(() => lifecycle.restore(this.ctx, id));
  }

  // ---- events ----------------------------------------------------------------------------

  /** A price from a page; returns how many plans stepped on it. */
  async onTick(tick: IncomingTick): Promise<number> {
    const routed = await this.serial(async () => {
      const { routed, after } = await stepOnTick(this.ctx, tick);
      this.lastTick = { tick, records: after };
      return routed;
    });
    await this.flushOutbox();
    return routed;
  }

  async onStale(stale: { venue: string; symbol: string; since: number }): Promise<void> {
    await this.serial(() => stepOnStale(this.ctx, stale));
    await this.flushOutbox();
  }

  /** The trader's confirmation of a triggered tranche, with the suggested or edited price and qty. */
  async confirm(input: {
    id: string;
    tranche: string;
    price?: string;
    qty?: string;
    requestId: string;
  }): Promise<ActionResult> {
    const result = await this.serial(() =>
      applyConfirmation(this.ctx, {
        id: input.id,
        tranche: input.tranche,
        requestId: input.requestId,
        name: 'fill',
        input: { tranche: input.tranche, price: input.price ?? null, qty: input.qty ?? null },
        event: (time) => ({
          type: 'fill',
          tranche: input.tranche,
          time,
          ...(input.price === undefined ? {} : { price: input.price }),
          ...(input.qty === undefined ? {} : { qty: input.qty }),
        }),
      }),
    );
    await this.flushOutbox();
    return result;
  }

  async skip(input: { id: string; tranche: string; requestId: string }): Promise<ActionResult> {
    const result = await this.serial(() =>
      applyConfirmation(this.ctx, {
        ...input,
        name: 'skip',
        input: { tranche: input.tranche },
        event: (time) => ({ type: 'skip', tranche: input.tranche, time }),
      }),
    );
    await this.flushOutbox();
    return result;
  }

  /** What an adjustment would do, before the trader confirms it: nothing is written. */
  previewAdjustment(id: string, adjustment: Adjustment): Promise<ActionResult<{ outcome: AdjustOutcome }>> {
    return this.serial(() => previewAdjustment(this.ctx, id, adjustment));
  }

  /** An adjustment confirmed: applied (or refused) once per request id, journaled either way. */
  async adjust(request: AdjustRequest): Promise<ActionResult<{ outcome: AdjustOutcome }>> {
    const result = await this.serial(() => applyAdjustment(this.ctx, request));
    await this.flushOutbox();
    return result;
  }

  /** A confirmed fill's price or quantity corrected: the trade recomputed from its event log. */
  correct(correction: Correction): Promise<ActionResult> {
    return this.serial(() => correctFill(this.ctx, correction));
  }

  flushOutbox(): Promise<void> {
    return this.serial(() => flushOutbox(this.ctx));
  }
}
