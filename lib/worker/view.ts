import { Decimal, toCanonical } from '../decimal';
import { nearestStop, unrealizedPnl } from '../engine/position';
import type { TrancheState, TrancheStatus } from '../engine/types';
import type { PlanRecord, PlanStatus } from '../store/plans';
import { skipWords } from '../words/effect-words';
import { trancheName } from '../words/tranche-words';
import { orderSide } from '../plan/tranche-id';
import type { JournalEntry } from '../store/journal';
import { positionView, type LotView } from './position-view';

/**
 * What the popup, the overlay and the badge show of one plan: computed here, once, from
 * the stored record and the latest quote, as plain strings the components only format.
 */
export interface QuoteView {
  readonly price: string;
  readonly source: string;
  /** When the background received the price (epoch ms): a surface prints the time, never an age to refresh. */
  readonly receivedAt: number;
  readonly isStale: boolean;
}

/** A price and where the page shows it ("title", "order book", "chart legend"). */
export interface PlacedPriceView {
  readonly place: string;
  readonly price: string;
}

/** The page shows its last price in two places that disagree: no tick is taken until they agree. */
export interface DivergenceView {
  readonly first: PlacedPriceView;
  readonly second: PlacedPriceView;
}

export interface LevelView {
  readonly tranche: string;
  readonly label: string;
  readonly kind: 'entry' | 'add' | 'target' | 'stop';
  readonly level: string;
  /** |level − last price| / last price × 100, two decimals; null without a price. */
  readonly distancePercent: string | null;
  /** |level − last price| / ATR, two decimals; null without a price or an ATR. */
  readonly distanceAtr: string | null;
}

export interface TrancheView {
  readonly id: string;
  readonly label: string;
  readonly level: string | null;
  readonly qty: string | null;
  readonly status: TrancheStatus;
  readonly fillPrice: string | null;
  readonly reason: string | null;
}

export interface WaitingView {
  readonly tranche: string;
  readonly label: string;
  readonly price: string;
  readonly qty: string;
  readonly side: 'buy' | 'sell';
}

export interface AlertView {
  readonly at: number;
  readonly kind: string;
  readonly text: string;
}

/** A key level of the live plan (plan format, "Key levels"), numbered as the `level` adjustment names it. */
export interface KeyLevelView {
  readonly index: number;
  readonly price: string;
  readonly label: string;
  readonly distancePercent: string | null;
}

/** A fill the trader confirmed, as the correction names it, with its price and quantity as they now stand. */
export interface ConfirmedFillView {
  readonly fill: string;
  readonly tranche: string;
  readonly label: string;
  readonly price: string;
  readonly qty: string;
  readonly at: number;
}

export interface PlanView {
  readonly id: string;
  readonly name: string;
  readonly symbol: string;
  readonly venue: string;
  readonly side: 'long' | 'short';
  readonly status: PlanStatus;
  readonly isPaused: boolean;
  readonly isMuted: boolean;
  readonly tickSize: string;
  readonly lotStep: string;
  readonly quote: QuoteView | null;
  /** Why no tick is taken although the page shows a price (lib/watch/cross-check); null when none is held. */
  readonly divergence: DivergenceView | null;
  readonly position: string;
  readonly averageEntry: string | null;
  readonly openRisk: string;
  readonly openRiskPercent: string | null;
  readonly openRiskR: string | null;
  readonly unrealizedR: string | null;
  readonly realizedPnl: string;
  readonly stop: string | null;
  readonly atr: string | null;
  /** The next level the price can reach: the entry while armed, else the nearest of add, target and stop. */
  readonly next: LevelView | null;
  readonly nextAdd: LevelView | null;
  readonly nextTarget: LevelView | null;
  readonly nextStop: LevelView | null;
  readonly entry: LevelView | null;
  readonly tranches: TrancheView[];
  readonly waiting: WaitingView[];
  readonly alerts: AlertView[];
  /** Every open lot with its stop, oldest first. */
  readonly lots: LotView[];
  readonly liquidation: string | null;
  /** The live plan's adjustments so far: v1 is the plan as armed. */
  readonly revision: number;
  readonly levels: KeyLevelView[];
  /** The latest confirmed fills, newest first: what a correction can name. */
  readonly confirmedFills: ConfirmedFillView[];
}

export interface QuoteInput {
  readonly price: string;
  readonly source: string;
  readonly time: number;
  readonly isStale: boolean;
}

const RECENT_ALERTS = 5;
const RECENT_FILLS = 5;

export function planView(
  record: PlanRecord,
  quote: QuoteInput | null,
  journal: readonly JournalEntry[],
  divergence: DivergenceView | null = null,
): PlanView {
  const { engine } = record;
  // The live plan: the plan file as armed, with its adjustments.
  const plan = engine?.plan ?? record.plan;
  const { instrument, side } = plan;
  const lots = engine?.lots ?? [];
  const held = engine === null ? null : positionView(engine);
  const initialRisk = engine?.derived ? new Decimal(engine.derived.initialRisk) : null;
  const atr = engine?.derived?.atr ?? plan.volatility?.atr ?? null;
  const price = quote === null ? (engine?.lastPrice ?? null) : quote.price;
  const last = price === null ? null : new Decimal(price);
  const stop = nearestStop(lots, side);
  const unrealized =
    last === null || initialRisk === null || initialRisk.isZero() || lots.length === 0
      ? null
      : unrealizedPnl(lots, last, side, instrument.pointValue).div(initialRisk);

  const levelView = (tranche: string, kind: LevelView['kind'], level: string): LevelView => {
    const distance = last === null ? null : new Decimal(level).minus(last).abs();
    return {
      tranche,
      kind,
      label: trancheName(plan, tranche),
      level,
      distancePercent: distance === null || last === null ? null : distance.div(last).mul(100).toFixed(2),
      distanceAtr: distance === null || atr === null ? null : distance.div(atr).toFixed(2),
    };
  };
  const tranches = engine?.tranches ?? [];
  const upcoming = (kind: 'add' | 'target') =>
    tranches.find(
      (tranche) => tranche.kind === kind && (tranche.status === 'pending' || tranche.status === 'triggered'),
    );
  const add = upcoming('add');
  const target = upcoming('target');
  const entryTranche = tranches.find((tranche) => tranche.kind === 'entry');
  const entry =
    record.status === 'armed' && entryTranche?.level ? levelView('entry', 'entry', entryTranche.level) : null;
  const nextAdd = add?.level && record.status === 'active' ? levelView(add.id, 'add', add.level) : null;
  const nextTarget =
    target?.level && record.status === 'active' ? levelView(target.id, 'target', target.level) : null;
  const nextStop = stop === null ? null : levelView('stop', 'stop', toCanonical(stop));
  const candidates = [entry, nextAdd, nextTarget, nextStop].filter(
    (view): view is LevelView => view !== null,
  );
  const next =
    candidates.length === 0
      ? null
      : candidates.reduce((best, view) =>
          view.distancePercent !== null &&
          best.distancePercent !== null &&
          new Decimal(view.distancePercent).lt(best.distancePercent)
            ? view
            : best,
        );

  const waiting: WaitingView[] = [];
  for (const tranche of tranches) {
    if (tranche.status !== 'triggered' || tranche.price === null || tranche.qty === null) continue;
    waiting.push({
      tranche: tranche.id,
      label: trancheName(plan, tranche.id),
      price: tranche.price,
      qty: tranche.qty,
      side: orderSide(plan.side, tranche.id),
    });
  }
  if (engine?.stopTrigger) {
    waiting.push({
      tranche: 'stop',
      label: 'stop',
      price: engine.stopTrigger.price,
      qty: engine.stopTrigger.qty,
      side: orderSide(plan.side, 'stop'),
    });
  }

  const alerts: AlertView[] = [];
  for (let index = journal.length - 1; index >= 0 && alerts.length < RECENT_ALERTS; index -= 1) {
    const entry = journal[index];
    if (!entry) continue;
    for (const effect of [...entry.effects].reverse()) {
      if (effect.type === 'alert' && alerts.length < RECENT_ALERTS) {
        alerts.push({ at: entry.at, kind: String(effect.kind), text: String(effect.text) });
      }
    }
  }

  return {
    id: record.id,
    name: plan.name,
    symbol: instrument.symbol,
    venue: instrument.venue,
    side,
    status: record.status,
    isPaused: record.isPaused,
    isMuted: record.isMuted,
    tickSize: instrument.tickSize,
    lotStep: instrument.lotStep,
    quote:
      quote === null
        ? null
        : {
            price: quote.price,
            source: quote.source,
            receivedAt: quote.time,
            isStale: quote.isStale,
          },
    divergence,
    position: held?.position ?? '0',
    averageEntry: held?.averageEntry ?? null,
    openRisk: held?.openRisk ?? '0',
    openRiskPercent: held?.openRiskPercent ?? null,
    openRiskR: held?.openRiskR ?? null,
    unrealizedR: unrealized === null ? null : unrealized.toFixed(2),
    realizedPnl: engine?.realizedPnl ?? '0',
    stop: stop === null ? null : toCanonical(stop),
    atr,
    next,
    nextAdd,
    nextTarget,
    nextStop,
    entry,
    tranches: tranches.map((tranche) => ({
      id: tranche.id,
      label: trancheName(plan, tranche.id),
      level: tranche.level,
      qty:
        tranche.status === 'pending' && tranche.kind === 'entry'
          ? (engine?.derived?.entryQty ?? null)
          : tranche.qty,
      status: tranche.status,
      fillPrice: tranche.status === 'filled' ? tranche.price : null,
      reason: tranche.reason === null ? null : skipWords(plan, tranche.reason),
    })),
    waiting,
    alerts,
    lots: held?.lots ?? [],
    liquidation: held?.liquidation ?? null,
    revision: engine?.revision ?? 0,
    levels: plan.levels.map((level, place) => ({
      index: place + 1,
      price: level.price,
      label: level.label,
      distancePercent:
        last === null ? null : new Decimal(level.price).minus(last).abs().div(last).mul(100).toFixed(2),
    })),
    confirmedFills: confirmedFills(plan, journal, tranches),
  };
}

/**
 * The confirmed fills in the journal, newest first, each with the price and quantity the
 * trade now holds: a planned tranche's from the engine's state, which a correction
 * recomputes with every later fill; a stop's, which the state keeps no line for, from the
 * journal with its latest correction.
 */
function confirmedFills(
  plan: PlanRecord['plan'],
  journal: readonly JournalEntry[],
  tranches: readonly TrancheState[],
): ConfirmedFillView[] {
  const corrected = new Map<string, { price: string; qty: string }>();
  const fills: ConfirmedFillView[] = [];
  for (let index = journal.length - 1; index >= 0 && fills.length < RECENT_FILLS; index -= 1) {
    const entry = journal[index];
    const requestId = entry?.input.requestId;
    if (entry === undefined || typeof requestId !== 'string') continue;
    if (entry.event === 'correct') {
      const fill = String(entry.input.fill);
      const price = entry.input.correctedPrice;
      const qty = entry.input.correctedQty;
      if (!corrected.has(fill) && typeof price === 'string' && typeof qty === 'string') {
        corrected.set(fill, { price, qty });
      }
      continue;
    }
    const filled =
      entry.event === 'fill' ? entry.effects.find((effect) => effect.type === 'fill') : undefined;
    if (filled === undefined) continue;
    const tranche = String(filled.tranche);
    const held = tranches.find((candidate) => candidate.id === tranche && candidate.status === 'filled');
    const journaled = corrected.get(requestId) ?? { price: String(filled.price), qty: String(filled.qty) };
    fills.push({
      fill: requestId,
      tranche,
      label: trancheName(plan, tranche),
      price: held?.price ?? journaled.price,
      qty: held?.qty ?? journaled.qty,
      at: entry.at,
    });
  }
  return fills;
}

/** The toolbar badge: the distance to the next level, coloured by its kind. */
export function badgeFor(view: PlanView | null): { text: string; color: string } {
  if (view === null || view.next === null || view.next.distancePercent === null)
    return { text: '', color: '#2962ff' };
  if (view.waiting.length > 0) return { text: 'ACT', color: '#f7a600' };
  const percent = new Decimal(view.next.distancePercent);
  const text = percent.gte(10) ? `${percent.toFixed(0)}%` : `${percent.toFixed(1)}%`;
  const color = { entry: '#2962ff', add: '#089981', target: '#2962ff', stop: '#f23645' }[view.next.kind];
  return { text, color };
}
