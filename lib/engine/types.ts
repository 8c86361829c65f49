import type { Adjustment } from '../plan/adjustment';
import type { Plan } from '../plan/schema';
import type { TrancheKind } from '../plan/tranche-id';
import type { AccountHeat } from './account-heat';
import type { Effect, Phase, SkipReason, TrancheStatus } from './effects';

/**
 * Everything the engine keeps is plain JSON (decimals as canonical strings), so the
 * background can store it as it is and a replay reproduces it byte for byte.
 */

export type { TrancheKind } from '../plan/tranche-id';
export type { AccountHeat } from './account-heat';
export type {
  AlertKind,
  Effect,
  FillRecord,
  Phase,
  PositionRecord,
  Refusal,
  SkipReason,
  TrancheStatus,
} from './effects';
export { TRANCHE_STATUSES } from './effects';

/** One planned order: the entry, an add (`add-1`…) or a target (`target-1`…). */
export interface TrancheState {
  readonly id: string;
  readonly kind: TrancheKind;
  /** 1-based position among the adds or targets; 0 for the entry. */
  readonly index: number;
  status: TrancheStatus;
  /** The price the path must reach; null while it depends on a fill that has not happened. */
  level: string | null;
  /** Suggested quantity while triggered; the filled quantity once filled. */
  qty: string | null;
  /** Suggested fill price while triggered; the actual fill price once filled. */
  price: string | null;
  time: number | null;
  /** Why it was skipped, or is too small. */
  reason: SkipReason | null;
}

/**
 * A lot: the quantity opened by one entry or add fill, with its own stop (plan format,
 * "Lots"). Target exits reduce lots first-in, first-out (lib/engine/position.ts).
 */
export interface Lot {
  readonly tranche: string;
  readonly fill: string;
  qty: string;
  stop: string;
  readonly time: number;
}

/** Values fixed for the trade once the ATR is known (at arm time, or at entry with `atrPeriod`). */
export interface Derived {
  /** The planned entry, rounded to the nearest tick. */
  readonly entryPrice: string;
  /** The planned initial stop, computed from the planned entry and rounded toward safety. */
  readonly initialStop: string;
  /** R = |planned entry − planned initial stop|, a price distance. */
  readonly r: string;
  /** Risk budget in money: equity × riskPercent / 100, or riskAmount. */
  readonly budget: string;
  /** Entry quantity from the sizing method, rounded down to the lot step. */
  readonly entryQty: string;
  /** Initial risk = R × entry qty × pointValue: the denominator of realized R. */
  readonly initialRisk: string;
  readonly atr: string | null;
  /** Target levels from the planned entry, rounded toward the entry. */
  readonly targets: string[];
  /** Per stop rule: the activation level of a `tick` rule with `activateAt`, else null. */
  readonly activations: (string | null)[];
}

export interface EngineOptions {
  /** `auto`: a triggered tranche fills at once (the simulator); `confirm`: it waits for a `fill` event. */
  readonly mode: 'auto' | 'confirm';
  /** `level`: resting orders fill at their level; `observed`: at the first price at or beyond it. */
  readonly fill: 'level' | 'observed';
}

/** Per `tick` stop rule: whether it is active and the best price since it activated. */
export interface TickRuleState {
  active: boolean;
  best: string | null;
}

/** A stop that the path reached while the engine waits for the trader to confirm it. */
export interface StopTrigger {
  readonly price: string;
  readonly qty: string;
  readonly time: number;
}

export interface EngineState {
  /** 2: skip reasons are data (store migration 003). */
  readonly version: 2;
  /**
   * The live plan: the plan file as armed, with every adjustment of its ladder and key
   * levels applied (lib/engine/adjust.ts); `revision` counts those adjustments.
   */
  plan: Plan;
  revision: number;
  readonly options: EngineOptions;
  phase: Phase;
  derived: Derived | null;
  /** For an entry without `when`: the side the price must come from, fixed by the first price. */
  entryDirection: 'up' | 'down' | null;
  tranches: TrancheState[];
  lots: Lot[];
  /** Where the next add's step is measured from: the last entry or add fill, or a skipped add's level. */
  stepFrom: string | null;
  /** The last entry or add fill: the reference of `trail` and `raise` percentages. */
  lastEntryFill: string | null;
  /** Peak position: the largest position held so far; target shares are fractions of it. */
  peak: string;
  realizedPnl: string;
  maxOpenRisk: string;
  fills: number;
  tickRules: TickRuleState[];
  /** Approach alerts already given, by `tranche@level`, until the price moves away again. */
  approached: string[];
  stopTrigger: StopTrigger | null;
  /** Staleness alert given for the current quiet period. */
  isStale: boolean;
  lastPrice: string | null;
  lastTime: number | null;
  /** Float bounds of the quiet band: a price strictly between them crosses nothing. */
  upBound: number;
  downBound: number;
}

export type EngineEvent =
  | {
      readonly type: 'tick';
      readonly price: string;
      readonly time: number;
      readonly source?: string;
      /** The path jumped here from the previous price (a candle's open): levels in between fill here. */
      readonly gap?: boolean;
      /** ATR of the completed candles before this price's candle, for plans with `atrPeriod`. */
      readonly atr?: string | null;
      /** The account's other open risk and its cap, for the add this price may trigger. */
      readonly heat?: AccountHeat;
    }
  | {
      readonly type: 'fill';
      readonly tranche: string;
      readonly price?: string;
      readonly qty?: string;
      readonly time: number;
    }
  | { readonly type: 'skip'; readonly tranche: string; readonly time: number }
  | { readonly type: 'cancel'; readonly time: number }
  /**
   * The trader adjusts the live trade (plan format, "Adjusting a live trade") at the last
   * price: `lastPrice`, when given, is where the market is now (the path moves there first,
   * as a tick would); else the last price the engine saw.
   */
  | {
      readonly type: 'adjust';
      readonly adjustment: Adjustment;
      readonly time: number;
      readonly lastPrice?: string;
      readonly heat?: AccountHeat;
    }
  /** No fresh price for the plan's symbol (from the background's staleness alarm). */
  | { readonly type: 'stale'; readonly time: number };

export interface StepResult {
  readonly state: EngineState;
  readonly effects: readonly Effect[];
}

/**
 * The working copy `step` mutates. One object literal, so every EngineState shares one
 * hidden class (isQuiet's loads stay monomorphic), and only what a step mutates is copied:
 * the plan, options, derived values and stop trigger are replaced, never changed in place.
 */
export function copyState(state: EngineState): EngineState {
  return {
    version: 2,
    plan: state.plan,
    revision: state.revision,
    options: state.options,
    phase: state.phase,
    derived: state.derived,
    entryDirection: state.entryDirection,
    tranches: state.tranches.map((tranche) => ({ ...tranche })),
    lots: state.lots.map((lot) => ({ ...lot })),
    stepFrom: state.stepFrom,
    lastEntryFill: state.lastEntryFill,
    peak: state.peak,
    realizedPnl: state.realizedPnl,
    maxOpenRisk: state.maxOpenRisk,
    fills: state.fills,
    tickRules: state.tickRules.map((rule) => ({ ...rule })),
    approached: [...state.approached],
    stopTrigger: state.stopTrigger,
    isStale: state.isStale,
    lastPrice: state.lastPrice,
    lastTime: state.lastTime,
    upBound: state.upBound,
    downBound: state.downBound,
  };
}
