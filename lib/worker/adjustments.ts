import type { Effect } from '../engine/effects';
import { isOverridable } from '../engine/effects';
import { step } from '../engine/step';
import type { EngineEvent, EngineState } from '../engine/types';
import type { Adjustment } from '../plan/adjustment';
import { PROCESSED_LIMIT, type PlanRecord } from '../store/plans';
import { WriteBatch } from '../store/storage-area';
import { adjustedWords, adjustmentWords, refusedWords } from '../words/adjust-words';
import { versionChanges } from '../words/version-diff';
import { heatFor } from './account-heat';
import { applyEvent, stageEvent } from './event-write';
import { isolated } from './isolation';
import type { ActionResult, PlanContext } from './plan-context';
import { quoteForPlan } from './plan-quote';
import { positionView, type PositionView } from './position-view';

/**
 * The trader's adjustments of a live trade in the background (plan format, "Adjusting a
 * live trade"): the preview runs the very engine step on the stored state without writing
 * anything, and says what the adjustment would do — position, average entry, every lot's
 * stop, open risk in money, % and R, the liquidation estimate — or why the guard refuses
 * it; the apply runs it for real, once per request id, and journals it (refused or not)
 * with the plan's version before and after and what changed.
 */

export type AdjustStatus =
  /** The preview: it would apply as it is. */
  | 'allowed'
  /** The preview or the apply: refused unless the trader gives a reason; `after` is with one. */
  | 'needs-reason'
  /** Refused whatever the reason. */
  | 'refused'
  | 'applied';

export interface AdjustOutcome {
  readonly status: AdjustStatus;
  /** What the trader asked, in words. */
  readonly action: string;
  /** Why the guard refuses, in words; null when it does not. */
  readonly refusal: string | null;
  /** What an override sets aside, with its reason, in words; null without one. */
  readonly overrides: string | null;
  /** The fill it makes now (add now, exit now), at the last price. */
  readonly fill: { readonly side: 'buy' | 'sell'; readonly price: string; readonly qty: string } | null;
  readonly before: PositionView;
  readonly after: PositionView;
  /** What changes, line by line (lib/words/version-diff.ts). */
  readonly changes: string[];
}

export interface AdjustRequest {
  readonly id: string;
  readonly adjustment: Adjustment;
  readonly requestId: string;
}

/** The effect of an adjustment before it is confirmed: nothing is written. */
export async function previewAdjustment(
  ctx: PlanContext,
  id: string,
  adjustment: Adjustment,
): Promise<ActionResult<{ outcome: AdjustOutcome }>> {
  const found = await adjustable(ctx, id);
  if (!found.ok) return found;
  const event = await adjustEvent(ctx, found.record, adjustment);
  return { ok: true, outcome: outcomeOf(found.engine, event, step(found.engine, event).state, 'allowed') };
}

/** The adjustment for real: applied once per request id and journaled, refused or not. */
export async function applyAdjustment(
  ctx: PlanContext,
  request: AdjustRequest,
): Promise<ActionResult<{ outcome: AdjustOutcome }>> {
  const found = await adjustable(ctx, request.id);
  if (!found.ok) return found;
  const { record, engine } = found;
  const event = await adjustEvent(ctx, record, request.adjustment);
  if (record.processed.includes(request.requestId)) {
    return { ok: true, outcome: outcomeOf(engine, event, engine, 'applied') };
  }
  const now = ctx.clock.now();
  const batch = new WriteBatch();
  const outcome = await isolated(
    ctx,
    batch,
    record,
    `adjusting it (${event.adjustment.action})`,
    async (own) => {
      const applied = applyEvent(record, event, now);
      const after = applied.record.engine ?? engine;
      const result = outcomeOf(engine, event, after, 'applied', applied.effects);
      const processed = [...applied.record.processed, request.requestId].slice(-PROCESSED_LIMIT);
      await stageEvent(
        ctx,
        own,
        { ...applied, record: { ...applied.record, processed } },
        {
          event: 'adjust',
          input: { ...journalInput(request.adjustment), requestId: request.requestId },
          revision: { from: engine.revision, to: after.revision },
          changes: result.changes,
        },
        now,
      );
      return result;
    },
  );
  await batch.commit(ctx.stores.local);
  if (!outcome.ok) {
    return {
      ok: false,
      error: `the plan could not be run and was set aside (see the planner): ${outcome.error}`,
    };
  }
  return { ok: true, outcome: outcome.value };
}

async function adjustable(
  ctx: PlanContext,
  id: string,
): Promise<{ ok: true; record: PlanRecord; engine: EngineState } | { ok: false; error: string }> {
  const record = await ctx.stores.plans.read(id);
  if (record === null) return { ok: false, error: `no plan "${id}"` };
  if (record.engine === null) return { ok: false, error: 'the plan is not armed' };
  return { ok: true, record, engine: record.engine };
}

/** The engine event: at the plan's latest quote, with the other plans' account heat. */
async function adjustEvent(
  ctx: PlanContext,
  record: PlanRecord,
  adjustment: Adjustment,
): Promise<Extract<EngineEvent, { type: 'adjust' }>> {
  const [quotes, watch, heatSettings, { records }] = await Promise.all([
    ctx.stores.quotes.read(),
    ctx.stores.watchSettings.read(),
    ctx.stores.heatSettings.read(),
    ctx.stores.plans.readAll(),
  ]);
  const now = ctx.clock.now();
  const quote = quoteForPlan(record.plan.instrument, quotes, now, watch.staleAfterSeconds);
  const heat = heatFor(records, record.id, heatSettings);
  return {
    type: 'adjust',
    adjustment,
    time: Math.max(now, record.engine?.lastTime ?? 0),
    ...(quote === null ? {} : { lastPrice: quote.price }),
    ...(heat === undefined ? {} : { heat }),
  };
}

/**
 * What the step did, or would do, for the trader: `after` is the state it leads to; a
 * refusal that a reason would lift is shown with the state that reason would give.
 */
function outcomeOf(
  before: EngineState,
  event: Extract<EngineEvent, { type: 'adjust' }>,
  after: EngineState,
  appliedAs: 'allowed' | 'applied',
  effects: readonly Effect[] = step(before, event).effects,
): AdjustOutcome {
  const { adjustment } = event;
  const plan = before.plan;
  const refused = effects.find((effect) => effect.type === 'refused');
  const base = { action: adjustmentWords(plan, adjustment), before: positionView(before) };
  if (refused?.type === 'refused') {
    const isLiftable = adjustment.override === undefined && refused.refusals.every(isOverridable);
    const withReason = isLiftable
      ? step(before, { ...event, adjustment: { ...adjustment, override: 'a reason' } })
      : null;
    const shown = withReason?.state ?? before;
    return {
      ...base,
      status: isLiftable ? 'needs-reason' : 'refused',
      refusal: refusedWords(plan, refused.refusals),
      overrides: null,
      fill: fillOf(withReason?.effects ?? []),
      after: positionView(shown),
      changes: versionChanges(before, shown),
    };
  }
  const applied = effects.find((effect) => effect.type === 'adjusted');
  const overridden = applied?.type === 'adjusted' ? applied.overridden : [];
  return {
    ...base,
    status: appliedAs,
    refusal: null,
    overrides: overridden.length === 0 ? null : adjustedWords(plan, adjustment, overridden),
    fill: fillOf(effects),
    after: positionView(after),
    changes: versionChanges(before, after),
  };
}

function fillOf(effects: readonly Effect[]): AdjustOutcome['fill'] {
  const fill = effects.find((effect) => effect.type === 'fill' && effect.tranche === 'manual');
  if (fill?.type !== 'fill') return null;
  return { side: fill.side, price: fill.price, qty: fill.qty };
}

/** The adjustment as the journal's input: its fields, each a plain value. */
function journalInput(adjustment: Adjustment): Record<string, string | number | boolean> {
  const input: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(adjustment)) if (value !== undefined) input[key] = value;
  return input;
}
