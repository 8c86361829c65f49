import { Decimal, toCanonical, toPrintable } from '../decimal';
import type { Effect } from '../engine/effects';
import { positionOf } from '../engine/position';
import type { EngineState } from '../engine/types';
import type { Plan } from '../plan/schema';
import type { Adjustment } from '../plan/adjustment';
import { adjustedWords, refusedWords } from '../words/adjust-words';
import { alertWords, skipWords } from '../words/effect-words';

export interface SimOptions {
  /** `level`: resting orders at the levels (default); `observed`: market orders on alerts. */
  readonly fill: 'level' | 'observed';
  /** `risk`: only the alerts a fill line does not already say (risk); `all`: every alert. */
  readonly alerts: 'risk' | 'all';
}

/** One output line of `tranche sim`: a JSON object whose decimals are strings. */
export type SimLine = Record<string, string | number | boolean | readonly string[]>;

/**
 * An effect as `tranche sim` prints it (README, "Command line"): fills with
 * the position after them, skips and alerts with their words; values that may not
 * terminate to at most 10 decimal places; adjustments with the position after them, or the
 * guard's reason (plan format, "Adjusting a live trade"). Phases and rejected
 * confirmations print nothing.
 */
export function toLine(plan: Plan, effect: Effect, time: string, options: SimOptions): SimLine | null {
  switch (effect.type) {
    case 'fill': {
      const line: SimLine = {
        type: 'fill',
        tranche: effect.tranche,
        side: effect.side,
        price: effect.price,
        qty: effect.qty,
        position: effect.position,
      };
      if (effect.avgPrice !== null) line.avgPrice = toPrintable(new Decimal(effect.avgPrice));
      if (effect.stop !== null) line.stop = effect.stop;
      if (effect.stops.length > 0) line.stops = effect.stops;
      line.openRisk = toPrintable(new Decimal(effect.openRisk));
      line.realizedPnl = toPrintable(new Decimal(effect.realizedPnl));
      if (effect.atr !== null) line.atr = toPrintable(new Decimal(effect.atr));
      line.time = time;
      return line;
    }
    case 'skip':
      return { type: 'skip', tranche: effect.tranche, reason: skipWords(plan, effect.reason), time };
    case 'alert':
      if (options.alerts !== 'all' && effect.kind !== 'risk') return null;
      return {
        type: 'alert',
        kind: effect.kind,
        tranche: effect.tranche,
        text: alertWords(plan, effect),
        ...(effect.price === null ? {} : { price: effect.price }),
        ...(effect.qty === null ? {} : { qty: effect.qty }),
        time,
      };
    case 'adjusted': {
      const line: SimLine = { type: 'adjust', ...adjustmentFields(effect.adjustment) };
      line.position = effect.position;
      if (effect.avgPrice !== null) line.avgPrice = toPrintable(new Decimal(effect.avgPrice));
      line.stops = effect.stops;
      line.openRisk = toPrintable(new Decimal(effect.openRisk));
      line.realizedPnl = toPrintable(new Decimal(effect.realizedPnl));
      if (effect.adjustment.override !== undefined) {
        line.override = effect.adjustment.override;
        line.text = adjustedWords(plan, effect.adjustment, effect.overridden);
      }
      line.time = time;
      return line;
    }
    case 'refused':
      return {
        type: 'refused',
        ...adjustmentFields(effect.adjustment),
        reason: refusedWords(plan, effect.refusals),
        time,
      };
    case 'error':
    case 'phase':
    case 'rejected':
      return null;
  }
}

/** The action and the fields the trader gave, in their order, without the override. */
function adjustmentFields(adjustment: Adjustment): SimLine {
  const fields: SimLine = {};
  for (const [key, value] of Object.entries(adjustment)) {
    if (key !== 'override' && value !== undefined) fields[key] = value;
  }
  return fields;
}

/** The summary line: peak position, largest open risk, realized P&L and R, fill count, what is still open. */
export function summarize(state: EngineState): SimLine {
  const initialRisk = new Decimal(state.derived?.initialRisk ?? '0');
  const realized = new Decimal(state.realizedPnl);
  return {
    type: 'summary',
    maxPosition: state.peak,
    maxOpenRisk: toPrintable(new Decimal(state.maxOpenRisk)),
    realizedPnl: toPrintable(realized),
    realizedR: initialRisk.isZero() ? '0' : toPrintable(realized.div(initialRisk)),
    fills: state.fills,
    position: toCanonical(positionOf(state.lots)),
  };
}
