import type { Adjustment } from '../plan/adjustment';
import type { TooSmall } from '../sizing/too-small';

/**
 * What the engine says, as data: kinds, tranche ids and decimal strings. The sentences a
 * trader reads are made from these in one place, lib/words, for the notifications, the
 * popup and planner, and the command line alike.
 */

export const TRANCHE_STATUSES = [
  'pending',
  'triggered',
  'filled',
  'skipped',
  'too-small',
  'cancelled',
] as const;
export type TrancheStatus = (typeof TRANCHE_STATUSES)[number];

/** A limit that cut an add (plan format, "Open risk", "Account heat"; `limits.maxQty`). */
export type AddLimit =
  | { readonly limit: 'max-qty'; readonly maxQty: string }
  | { readonly limit: 'max-open-risk'; readonly percent: string; readonly cap: string }
  /** The account's open risk across plans may not exceed `percent` of the equity (`cap` in money). */
  | { readonly limit: 'account-heat'; readonly percent: string; readonly cap: string };

/** Why a tranche did not fill. */
export type SkipReason =
  | { readonly code: 'trader' }
  | { readonly code: 'too-small'; readonly tooSmall: TooSmall }
  /** An add that the limits cut to nothing. */
  | { readonly code: 'limits'; readonly limits: readonly AddLimit[] }
  /** The entry, when a stop known only at the entry (a candle ATR) lies beyond the liquidation estimate. */
  | {
      readonly code: 'liquidation';
      readonly stop: string;
      readonly liquidation: string;
      readonly leverage: string;
      readonly safeLeverage: number;
    }
  /** A reason stored in words by a Tranche before reasons were data (store migration 003). */
  | { readonly code: 'noted'; readonly text: string };

/** Why a `risk` alert was raised. */
export type RiskCause =
  /** The confirmed entry carries more risk than planned (`risk` and `planned` in money). */
  | { readonly cause: 'entry-risk'; readonly risk: string; readonly planned: string }
  /** An add cut below its planned quantity by the limits. */
  | { readonly cause: 'cut'; readonly plannedQty: string; readonly limits: readonly AddLimit[] };

export type AlertKind = 'approach' | 'trigger' | 'stop' | 'target' | 'risk' | 'stale';

interface AlertFields {
  readonly type: 'alert';
  /** A tranche id (lib/plan/tranche-id.ts), or `price` for a stale price. */
  readonly tranche: string;
  /** The level approached, the suggested fill price, or the last price when stale. */
  readonly price: string | null;
  /** The suggested quantity of a triggered tranche or stop. */
  readonly qty: string | null;
  readonly time: number;
}

export type AlertEffect =
  /** A key level's approach names it by its `label`, with `tranche` "level". */
  | (AlertFields & { readonly kind: 'approach'; readonly lastPrice: string; readonly label?: string })
  | (AlertFields & { readonly kind: 'trigger' | 'target' | 'stop' })
  | (AlertFields & { readonly kind: 'risk'; readonly risk: RiskCause })
  | (AlertFields & { readonly kind: 'stale'; readonly since: number });

/** The position as a fill or an adjustment leaves it, its stop rules applied. */
export interface PositionRecord {
  readonly position: string;
  readonly avgPrice: string | null;
  /** The nearest stop of the open lots. */
  readonly stop: string | null;
  /** Every open lot's stop, oldest lot first. */
  readonly stops: readonly string[];
  readonly openRisk: string;
  readonly realizedPnl: string;
  readonly atr: string | null;
}

/** A fill as the journal, the simulator and the popup show it: the position after it, rules applied. */
export interface FillRecord extends PositionRecord {
  /** A tranche id, or `manual` for a fill the trader made now (`addNow`, `exitNow`). */
  readonly tranche: string;
  readonly side: 'buy' | 'sell';
  readonly price: string;
  readonly qty: string;
  readonly time: number;
}

/** A stop the adjustment moves against the trade, lot by lot (1 = the oldest open lot). */
export interface StopMovedBack {
  readonly lot: number;
  readonly from: string;
  readonly to: string;
}

/** Which cap an adjustment's open risk afterwards is held to (plan format, "Adjusting a live trade"). */
export type RiskCap = 'max-open-risk' | 'budget' | 'account-heat';

/**
 * Why the guard refuses an adjustment (plan format, "Adjusting a live trade"), as data.
 * The last three are refused unless the adjustment gives an override reason
 * (`isOverridable`); the others always.
 */
export type Refusal =
  | { readonly code: 'closed' }
  | { readonly code: 'no-position' }
  | {
      readonly code: 'no-such';
      readonly what: 'lot' | 'target' | 'add' | 'level';
      readonly index: number;
      readonly count: number;
    }
  | { readonly code: 'not-pending'; readonly tranche: string; readonly status: TrancheStatus }
  | { readonly code: 'none-pending' }
  | { readonly code: 'stop-past-price'; readonly stop: string; readonly lastPrice: string }
  | {
      readonly code: 'level-past-price';
      readonly kind: 'target' | 'add';
      readonly price: string;
      readonly lastPrice: string;
    }
  | {
      readonly code: 'beyond-liquidation';
      readonly stop: string;
      readonly liquidation: string;
      readonly leverage: string;
    }
  | { readonly code: 'beyond-max-qty'; readonly position: string; readonly maxQty: string }
  | { readonly code: 'exceeds-position'; readonly qty: string; readonly position: string }
  | { readonly code: 'not-lot-multiple'; readonly qty: string; readonly lotStep: string }
  | { readonly code: 'too-small'; readonly tooSmall: TooSmall }
  | { readonly code: 'shares-over'; readonly total: string }
  | { readonly code: 'rest-not-last'; readonly tranche: string }
  | { readonly code: 'too-many-levels'; readonly max: number }
  /** `lots`: how many lots are open, so the words can say "the stop" when there is one. */
  | { readonly code: 'stop-against-trade'; readonly moves: readonly StopMovedBack[]; readonly lots: number }
  | {
      readonly code: 'averaging-down';
      readonly lastPrice: string;
      readonly averageEntry: string;
      readonly loss: string;
    }
  | {
      readonly code: 'open-risk';
      readonly kind: RiskCap;
      /** Open risk afterwards in money (for `account-heat`: the account's, every plan counted). */
      readonly risk: string;
      /** The cap in money. */
      readonly cap: string;
      /** The cap as a percentage, when it is one. */
      readonly percent: string | null;
    };

const OVERRIDABLE: ReadonlySet<Refusal['code']> = new Set([
  'stop-against-trade',
  'averaging-down',
  'open-risk',
]);

/** A refusal the trader may override with a reason; the others hold whatever the reason. */
export function isOverridable(refusal: Refusal): boolean {
  return OVERRIDABLE.has(refusal.code);
}

/** Why the engine refused a trader's event (a fill or skip of a tranche that is not waiting, a bad quantity). */
export type Rejection =
  | { readonly code: 'no-tranche' }
  | { readonly code: 'not-waiting'; readonly status: TrancheStatus }
  | { readonly code: 'settled'; readonly status: TrancheStatus }
  | { readonly code: 'no-stop-waiting' }
  | { readonly code: 'not-a-number' }
  | { readonly code: 'exceeds-position'; readonly qty: string; readonly position: string }
  | { readonly code: 'not-lot-multiple'; readonly qty: string; readonly lotStep: string };

export type Phase = 'armed' | 'active' | 'closed';

export type Effect =
  | AlertEffect
  | ({ readonly type: 'fill' } & FillRecord)
  | { readonly type: 'skip'; readonly tranche: string; readonly reason: SkipReason; readonly time: number }
  | { readonly type: 'phase'; readonly phase: Phase; readonly time: number }
  /** The entry's level was met but the ATR it needs is not known yet (`atrPeriod` candles missing). */
  | {
      readonly type: 'error';
      readonly code: 'atr-unavailable';
      readonly price: string;
      readonly period: number;
      readonly time: number;
    }
  /** An adjustment applied: the position after it, and the guard's rules its override set aside. */
  | ({
      readonly type: 'adjusted';
      readonly adjustment: Adjustment;
      readonly overridden: readonly Refusal[];
      /** The live plan's revision after it: every applied adjustment counts one. */
      readonly revision: number;
      readonly time: number;
    } & PositionRecord)
  | {
      readonly type: 'refused';
      readonly adjustment: Adjustment;
      readonly refusals: readonly Refusal[];
      readonly time: number;
    }
  | {
      readonly type: 'rejected';
      readonly event: 'fill' | 'skip';
      readonly tranche: string;
      readonly rejection: Rejection;
      readonly time: number;
    };
