import { Decimal, toCanonical } from '../decimal';
import { formatAtStep } from '../format';
import type { Plan, StopRule, StopSet } from '../plan/schema';
import { measureOf } from '../plan/schema';
import { isStopInsideLiquidation, liquidationPrice, highestSafeLeverage } from '../sizing/liquidation';
import { roundLevel, roundQty, roundStop } from '../sizing/round';
import { derive, direction, distanceOf, levelFrom, needsCandleAtr, stopFrom, tooSmallReason } from './derive';
import type { AlertKind, Effect, EngineState, FillRecord, Lot, TrancheState } from './types';
import { copyState } from './types';

/** Order of levels met at the same price (SPEC §2 "Fills"): stops, then the entry, adds, targets. */
const KIND_ORDER = { stop: 0, entry: 1, add: 2, target: 3 } as const;
type TriggerKind = keyof typeof KIND_ORDER;

/** A level the path can meet: `up` fires at or above it, `down` at or below it. */
export interface Trigger {
  readonly kind: TriggerKind;
  readonly tranche: string;
  readonly level: Decimal;
  readonly way: 'up' | 'down';
}

/** Where on the current path segment a trigger is met, and at what price it fills. */
interface Meeting {
  readonly trigger: Trigger;
  readonly distance: Decimal;
  /** The path's price where it is met: where the walk goes on from. */
  readonly at: Decimal;
  readonly fillPrice: Decimal;
}

/** How far the slow path may loop on one price: every fill closes a tranche or lots. */
const MAX_FILLS_PER_PRICE = 1000;

/**
 * The engine's working copy of one plan's state for one event: `step` clones the state,
 * lets a Trade mutate the copy, and returns it with the effects. Nothing here touches I/O.
 */
export class Trade {
  readonly effects: Effect[] = [];
  private readonly plan: Plan;
  private readonly sign: 1 | -1;
  private readonly tick: Decimal;
  private readonly lotStep: Decimal;
  private readonly pointValue: Decimal;
  /** The path price being processed: tick rules trail it after each fill there. */
  private pointPrice: Decimal | null = null;

  constructor(readonly state: EngineState) {
    this.plan = state.plan;
    this.sign = direction(this.plan.side);
    this.tick = new Decimal(this.plan.instrument.tickSize);
    this.lotStep = new Decimal(this.plan.instrument.lotStep);
    this.pointValue = new Decimal(this.plan.instrument.pointValue);
  }

  // ---- reading the state -------------------------------------------------------------

  get position(): Decimal {
    return this.state.lots.reduce((sum, lot) => sum.plus(lot.qty), new Decimal(0));
  }

  /** Average entry: the qty-weighted mean of the open lots' fills. */
  averageEntry(lots: readonly Lot[] = this.state.lots): Decimal | null {
    const qty = lots.reduce((sum, lot) => sum.plus(lot.qty), new Decimal(0));
    if (qty.isZero()) return null;
    const cost = lots.reduce((sum, lot) => sum.plus(new Decimal(lot.fill).mul(lot.qty)), new Decimal(0));
    return cost.div(qty);
  }

  /** Open risk: Σ (fill − stop) × qty × pointValue over open lots (mirrored for a short). */
  openRisk(lots: readonly Lot[] = this.state.lots): Decimal {
    return lots.reduce(
      (sum, lot) =>
        sum.plus(new Decimal(lot.fill).minus(lot.stop).mul(lot.qty).mul(this.pointValue).mul(this.sign)),
      new Decimal(0),
    );
  }

  private get atr(): Decimal | null {
    const atr = this.state.derived?.atr ?? null;
    return atr === null ? null : new Decimal(atr);
  }

  private tranche(id: string): TrancheState {
    const tranche = this.state.tranches.find((candidate) => candidate.id === id);
    if (!tranche) throw new Error(`unknown tranche "${id}"`);
    return tranche;
  }

  /** The next add or target still to come, in plan order. */
  private next(kind: 'add' | 'target'): TrancheState | undefined {
    return this.state.tranches.find(
      (tranche) => tranche.kind === kind && (tranche.status === 'pending' || tranche.status === 'triggered'),
    );
  }

  /** `a` is better for the trade than `b`: higher for a long, lower for a short. */
  private isBetter(a: Decimal, b: Decimal): boolean {
    return this.sign === 1 ? a.gt(b) : a.lt(b);
  }

  private price(value: Decimal): string {
    return formatAtStep(toCanonical(value), this.plan.instrument.tickSize);
  }

  private qty(value: Decimal): string {
    return formatAtStep(toCanonical(value), this.plan.instrument.lotStep);
  }

  /** The label every alert starts with: `BTCUSDT long`. */
  private get title(): string {
    return `${this.plan.instrument.symbol} ${this.plan.side}`;
  }

  private describe(tranche: string): string {
    if (tranche === 'entry' || tranche === 'stop') return tranche;
    const [kind, index] = tranche.split('-');
    const total = this.state.tranches.filter((candidate) => candidate.kind === kind).length;
    return `${kind} ${index} of ${total}`;
  }

  private alert(
    kind: AlertKind,
    tranche: string,
    text: string,
    time: number,
    price?: Decimal,
    qty?: Decimal,
  ): void {
    this.effects.push({
      type: 'alert',
      kind,
      tranche,
      text: `${this.title} · ${text}`,
      price: price === undefined ? null : toCanonical(price),
      qty: qty === undefined ? null : toCanonical(qty),
      time,
    });
  }

  // ---- the path ----------------------------------------------------------------------

  /** The pending levels the path can meet now. */
  triggers(): Trigger[] {
    const { state } = this;
    const found: Trigger[] = [];
    const favourable = this.sign === 1 ? 'up' : 'down';
    const adverse = this.sign === 1 ? 'down' : 'up';
    if (state.phase === 'armed') {
      const entry = this.tranche('entry');
      const way =
        this.plan.entry.when === 'above'
          ? 'up'
          : this.plan.entry.when === 'below'
            ? 'down'
            : state.entryDirection;
      if (entry.status === 'pending' && entry.level !== null && way !== null) {
        found.push({ kind: 'entry', tranche: 'entry', level: new Decimal(entry.level), way });
      }
      return found;
    }
    if (state.phase !== 'active') return found;
    if (state.stopTrigger === null) {
      const nearest = this.nearestStop();
      if (nearest !== null) found.push({ kind: 'stop', tranche: 'stop', level: nearest, way: adverse });
    }
    const add = this.next('add');
    if (add?.status === 'pending' && add.level !== null) {
      found.push({ kind: 'add', tranche: add.id, level: new Decimal(add.level), way: favourable });
    }
    const target = this.next('target');
    if (target?.status === 'pending' && target.level !== null) {
      found.push({ kind: 'target', tranche: target.id, level: new Decimal(target.level), way: favourable });
    }
    return found;
  }

  private nearestStop(): Decimal | null {
    let nearest: Decimal | null = null;
    for (const lot of this.state.lots) {
      const stop = new Decimal(lot.stop);
      if (nearest === null || this.isBetter(stop, nearest)) nearest = stop;
    }
    return nearest;
  }

  /**
   * Where a trigger is met on the segment from `from` to `to` (SPEC §2 "Fills"). Moving
   * toward it, the path meets it at its level (or at `from` if it is already past); a level
   * behind the movement is met only if the segment ends past it. Gaps and observed fills
   * fill at `to`.
   */
  private meet(trigger: Trigger, from: Decimal, to: Decimal, isAtPoint: boolean): Meeting | null {
    const { level, way } = trigger;
    const isPastAtEnd = way === 'up' ? to.gte(level) : to.lte(level);
    if (!isPastAtEnd) return null;
    const towardUp = to.gt(from);
    const towardDown = to.lt(from);
    const isToward = (way === 'up' && towardUp) || (way === 'down' && towardDown);
    const span = to.minus(from).abs();
    if (!isToward) {
      // Already past at the end of a segment that moves away from it (or stands still).
      return { trigger, distance: span, at: to, fillPrice: to };
    }
    const isPastAtStart = way === 'up' ? from.gte(level) : from.lte(level);
    const distance = isPastAtStart ? new Decimal(0) : level.minus(from).abs();
    const atLevel = isPastAtStart ? from : level;
    return { trigger, distance, at: atLevel, fillPrice: isAtPoint ? to : atLevel };
  }

  /**
   * One price of the path (SPEC §2): tick rules move first, then every level the path meets
   * from the previous price to this one fills (or triggers) in path order, the tick rules
   * moving again after each fill; then approach alerts.
   */
  onPrice(price: Decimal, time: number, isGap: boolean, atr: string | null): void {
    const { state } = this;
    if (state.phase === 'closed') return;
    const isFirst = state.lastPrice === null;
    if (isFirst && state.phase === 'armed' && this.plan.entry.when === undefined) {
      const entry = new Decimal(this.tranche('entry').level ?? '0');
      state.entryDirection = price.gte(entry) && !price.eq(entry) ? 'down' : 'up';
    }
    const isAtPoint = isFirst || isGap || state.options.fill === 'observed';
    let from = isFirst ? price : new Decimal(state.lastPrice ?? '0');
    this.pointPrice = price;
    this.applyTickRules(price);
    for (let fills = 0; fills < MAX_FILLS_PER_PRICE; fills += 1) {
      const meeting = this.firstMeeting(from, price, isAtPoint);
      if (meeting === null) break;
      from = meeting.at;
      const isDone = this.trigger(meeting.trigger, meeting.fillPrice, time, atr);
      if (!isDone) break;
      this.applyTickRules(price);
    }
    this.pointPrice = null;
    this.approachAlerts(price, time);
    state.lastPrice = toCanonical(price);
    state.lastTime = time;
  }

  private firstMeeting(from: Decimal, to: Decimal, isAtPoint: boolean): Meeting | null {
    let best: Meeting | null = null;
    for (const trigger of this.triggers()) {
      const meeting = this.meet(trigger, from, to, isAtPoint);
      if (meeting === null) continue;
      if (
        best === null ||
        meeting.distance.lt(best.distance) ||
        (meeting.distance.eq(best.distance) && KIND_ORDER[trigger.kind] < KIND_ORDER[best.trigger.kind])
      ) {
        best = meeting;
      }
    }
    return best;
  }

  /**
   * A level was met at `price`. In `auto` mode it fills now; in `confirm` mode it waits for
   * the trader with the suggested price and quantity. Returns false when processing must
   * stop for this price (an error).
   */
  private trigger(trigger: Trigger, price: Decimal, time: number, atr: string | null): boolean {
    const isAuto = this.state.options.mode === 'auto';
    switch (trigger.kind) {
      case 'entry': {
        if (this.state.derived === null) {
          if (atr === null || atr === undefined) {
            const period = this.plan.volatility?.atrPeriod ?? 0;
            this.effects.push({
              type: 'error',
              code: 'atr-unavailable',
              text: `the entry triggered at ${toCanonical(price)} but the ATR is not known yet: atrPeriod ${period} needs at least ${period} completed candles before the entry's candle`,
              time,
            });
            return false;
          }
          this.state.derived = derive(this.plan, atr);
          this.fillLevels();
          if (!this.checkLiquidationAtEntry(time)) return true;
        }
        return isAuto ? this.fillEntry(price, null, time) : this.suggest('entry', price, time);
      }
      case 'add':
        return isAuto
          ? this.fillAdd(trigger.tranche, price, null, time)
          : this.suggest(trigger.tranche, price, time);
      case 'target':
        return isAuto
          ? this.fillTarget(trigger.tranche, price, null, time)
          : this.suggest(trigger.tranche, price, time);
      case 'stop':
        if (isAuto) return this.fillStop(price, null, time);
        this.suggestStop(price, time);
        return true;
    }
  }

  /** With `atrPeriod` the levels that depend on the ATR become known at the entry. */
  private fillLevels(): void {
    const derived = this.state.derived;
    if (derived === null) return;
    for (const tranche of this.state.tranches) {
      if (tranche.kind === 'target') tranche.level = derived.targets[tranche.index - 1] ?? null;
    }
  }

  /** With a candle ATR the stop is only known at the entry: a stop past liquidation skips the trade. */
  private checkLiquidationAtEntry(time: number): boolean {
    const { leverage, maintenanceMarginRate } = this.plan.limits;
    const derived = this.state.derived;
    if (leverage === undefined || derived === null) return true;
    const mmr = new Decimal(maintenanceMarginRate ?? '0');
    const entry = new Decimal(derived.entryPrice);
    const stop = new Decimal(derived.initialStop);
    const liquidation = liquidationPrice(this.plan.side, entry, new Decimal(leverage), mmr);
    if (isStopInsideLiquidation(this.plan.side, stop, liquidation)) return true;
    const safe = highestSafeLeverage(this.plan.side, entry, stop, mmr);
    this.skip(
      'entry',
      `the stop ${this.price(stop)} lies beyond the liquidation estimate ${this.price(liquidation)} at ${leverage}x leverage; use ${safe}x or less`,
      time,
    );
    this.close(time);
    return false;
  }

  // ---- suggestions (confirm mode) ------------------------------------------------------

  private suggest(id: string, price: Decimal, time: number): boolean {
    const tranche = this.tranche(id);
    const qty = this.suggestedQty(tranche, price, time);
    if (qty === null) return true;
    tranche.status = 'triggered';
    tranche.price = toCanonical(price);
    tranche.qty = toCanonical(qty);
    tranche.time = time;
    const kind: AlertKind = tranche.kind === 'target' ? 'target' : 'trigger';
    const verb = tranche.kind === 'target' ? 'sell' : 'buy';
    const action = this.plan.side === 'long' ? verb : verb === 'buy' ? 'sell' : 'buy';
    this.alert(
      kind,
      id,
      `${this.describe(id)} at ${this.price(price)}: ${action} ${this.qty(qty)}`,
      time,
      price,
      qty,
    );
    return true;
  }

  private suggestStop(price: Decimal, time: number): void {
    const reached = this.lotsReachedBy(price);
    const qty = reached.reduce((sum, lot) => sum.plus(lot.qty), new Decimal(0));
    this.state.stopTrigger = { price: toCanonical(price), qty: toCanonical(qty), time };
    this.alert('stop', 'stop', `stop at ${this.price(price)}: close ${this.qty(qty)}`, time, price, qty);
  }

  /**
   * The quantity a tranche would fill now, or null when it is skipped (too small, or cut to
   * nothing by a limit), in which case the skip is recorded here.
   */
  private suggestedQty(tranche: TrancheState, price: Decimal, time: number): Decimal | null {
    const derived = this.state.derived;
    if (derived === null) return null;
    if (tranche.kind === 'entry') {
      const qty = new Decimal(derived.entryQty);
      const small = tooSmallReason(this.plan, qty, price);
      if (small !== null) {
        this.skip('entry', `too small: ${small}`, time, 'too-small');
        this.close(time);
        return null;
      }
      return qty;
    }
    if (tranche.kind === 'add') return this.addQty(tranche, price, time);
    return this.targetQty(tranche, price, time);
  }

  private addQty(tranche: TrancheState, price: Decimal, time: number): Decimal | null {
    const derived = this.state.derived;
    const planned = this.plan.scaleIn[tranche.index - 1];
    if (derived === null || planned === undefined) return null;
    let qty = roundQty(new Decimal(derived.entryQty).mul(planned.size), this.lotStep);
    const reasons: string[] = [];
    const { maxQty, maxOpenRiskPercent } = this.plan.limits;
    if (maxQty !== undefined) {
      const room = Decimal.max(0, new Decimal(maxQty).minus(this.position));
      if (qty.gt(room)) {
        qty = roundQty(room, this.lotStep);
        reasons.push(`the position may not exceed maxQty ${maxQty}`);
      }
    }
    if (maxOpenRiskPercent !== undefined) {
      const cap = new Decimal(this.plan.account.equity ?? derived.budget).mul(maxOpenRiskPercent).div(100);
      const fitted = this.largestAddWithin(tranche.id, price, qty, cap, time);
      if (fitted.lt(qty)) {
        reasons.push(`open risk may not exceed ${maxOpenRiskPercent}% of equity (${toCanonical(cap)})`);
        qty = fitted;
      }
    }
    const small = tooSmallReason(this.plan, qty, price);
    const level = tranche.level ?? toCanonical(price);
    if (qty.isZero() || small !== null) {
      const why =
        qty.isZero() && reasons.length > 0 ? `skipped: ${reasons.join('; ')}` : `too small: ${small}`;
      this.skip(tranche.id, why, time, qty.isZero() && reasons.length > 0 ? 'skipped' : 'too-small');
      // The next step is measured from the skipped level (SPEC §2 "Open risk").
      this.state.stepFrom = level;
      this.placeNextAdd();
      return null;
    }
    if (reasons.length > 0) {
      const full = roundQty(new Decimal(derived.entryQty).mul(planned.size), this.lotStep);
      this.alert(
        'risk',
        tranche.id,
        `${this.describe(tranche.id)} cut from ${this.qty(full)} to ${this.qty(qty)}: ${reasons.join('; ')}`,
        time,
        price,
        qty,
      );
    }
    return qty;
  }

  /**
   * The largest lot-step multiple of `qty` whose add keeps open risk (after the stop moves
   * the add triggers) within `cap`. Open risk grows with the added quantity, so a binary
   * search over lot-step multiples finds it.
   */
  private largestAddWithin(id: string, price: Decimal, qty: Decimal, cap: Decimal, time: number): Decimal {
    const riskAfter = (candidate: Decimal): Decimal => {
      const trial = new Trade(copyState(this.state));
      trial.openLot(id, price, candidate, time);
      trial.afterAdd(id, price);
      return trial.openRisk();
    };
    if (riskAfter(qty).lte(cap)) return qty;
    let low = 0;
    let high = qty.div(this.lotStep).toNumber();
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (riskAfter(this.lotStep.mul(middle)).lte(cap)) low = middle;
      else high = middle - 1;
    }
    return this.lotStep.mul(low);
  }

  private targetQty(tranche: TrancheState, price: Decimal, time: number): Decimal | null {
    const planned = this.plan.scaleOut[tranche.index - 1];
    if (planned === undefined) return null;
    const position = this.position;
    const qty =
      planned.share === 'rest'
        ? position
        : Decimal.min(position, roundQty(new Decimal(this.state.peak).mul(planned.share), this.lotStep));
    const small = tooSmallReason(this.plan, qty, price);
    if (small !== null) {
      this.skip(tranche.id, `too small: ${small}`, time, 'too-small');
      return null;
    }
    return qty;
  }

  // ---- fills ---------------------------------------------------------------------------

  /** The trader's confirmation (or the simulator's automatic fill) of the entry. */
  fillEntry(price: Decimal, qtyOverride: Decimal | null, time: number): boolean {
    const entry = this.tranche('entry');
    const qty = qtyOverride ?? this.suggestedQty(entry, price, time);
    if (qty === null) return true;
    const derived = this.state.derived;
    if (derived === null) return true;
    this.openLot('entry', price, qty, time);
    this.state.phase = 'active';
    this.effects.push({ type: 'phase', phase: 'active', time });
    this.state.stepFrom = toCanonical(price);
    this.state.lastEntryFill = toCanonical(price);
    this.placeNextAdd();
    const lot = this.state.lots.at(-1);
    const actualRisk = this.openRisk();
    if (lot && actualRisk.gt(derived.initialRisk)) {
      this.alert(
        'risk',
        'entry',
        `entry filled at ${this.price(price)}: risk ${toCanonical(actualRisk)} exceeds the planned ${derived.initialRisk}`,
        time,
        price,
        qty,
      );
    }
    this.applyTickRules(this.pointPrice ?? price);
    this.recordFill('entry', price, qty, time);
    return true;
  }

  fillAdd(id: string, price: Decimal, qtyOverride: Decimal | null, time: number): boolean {
    const tranche = this.tranche(id);
    const qty = qtyOverride ?? this.suggestedQty(tranche, price, time);
    if (qty === null) return true;
    this.openLot(id, price, qty, time);
    this.afterAdd(id, price);
    // A fill line shows the stops with the tick trail applied again after it (SPEC §2).
    this.applyTickRules(this.pointPrice ?? price);
    this.state.stepFrom = toCanonical(price);
    this.placeNextAdd();
    this.recordFill(id, price, qty, time);
    return true;
  }

  /** A new lot: its stop is the plan's stop from its fill, or the previous lot's current stop. */
  openLot(id: string, price: Decimal, qty: Decimal, time: number): void {
    const previous = this.state.lots.at(-1);
    const isPriceStop = measureOf(this.plan.stop).kind === 'price';
    const stop = isPriceStop && previous ? new Decimal(previous.stop) : stopFrom(this.plan, price, this.atr);
    this.state.lots.push({
      tranche: id,
      fill: toCanonical(price),
      qty: toCanonical(qty),
      stop: toCanonical(stop),
      time,
    });
    const tranche = this.tranche(id);
    tranche.status = 'filled';
    tranche.price = toCanonical(price);
    tranche.qty = toCanonical(qty);
    tranche.time = time;
    const position = this.position;
    if (position.gt(this.state.peak)) this.state.peak = toCanonical(position);
  }

  /** The stop rules that run after an add fill, in plan order. */
  afterAdd(id: string, price: Decimal): void {
    this.state.lastEntryFill = toCanonical(price);
    const index = this.tranche(id).index;
    this.plan.stopRules.forEach((rule) => {
      if (rule.on === 'add' && (rule.index === undefined || rule.index === index))
        this.applyRule(rule, 'add', index, id);
    });
  }

  fillTarget(id: string, price: Decimal, qtyOverride: Decimal | null, time: number): boolean {
    const tranche = this.tranche(id);
    const qty = qtyOverride ?? this.suggestedQty(tranche, price, time);
    if (qty === null) return true;
    this.closeFifo(qty, price);
    tranche.status = 'filled';
    tranche.price = toCanonical(price);
    tranche.qty = toCanonical(qty);
    tranche.time = time;
    this.plan.stopRules.forEach((rule) => {
      if (rule.on === 'target' && (rule.index === undefined || rule.index === tranche.index)) {
        this.applyRule(rule, 'target', tranche.index, null);
      }
    });
    this.applyTickRules(this.pointPrice ?? price);
    this.recordFill(id, price, qty, time);
    if (this.state.lots.length === 0) this.close(time);
    return true;
  }

  /** A stop closes the lots whose stops it reached: one fill for the lots at the same moment and price. */
  fillStop(price: Decimal, qtyOverride: Decimal | null, time: number): boolean {
    const reached = this.lotsReachedBy(price);
    let qty = reached.reduce((sum, lot) => sum.plus(lot.qty), new Decimal(0));
    if (qtyOverride !== null && qtyOverride.lt(qty)) qty = qtyOverride;
    let left = qty;
    for (const lot of reached) {
      const take = Decimal.min(left, lot.qty);
      this.realize(lot, take, price);
      lot.qty = toCanonical(new Decimal(lot.qty).minus(take));
      left = left.minus(take);
    }
    this.state.lots = this.state.lots.filter((lot) => !new Decimal(lot.qty).isZero());
    this.state.stopTrigger = null;
    this.recordFill('stop', price, qty, time);
    if (this.state.lots.length === 0) this.close(time);
    return true;
  }

  private lotsReachedBy(price: Decimal): Lot[] {
    return this.state.lots.filter((lot) => !this.isBetter(price, new Decimal(lot.stop)));
  }

  /** Target exits take lots first-in, first-out. */
  private closeFifo(qty: Decimal, price: Decimal): void {
    let left = qty;
    for (const lot of this.state.lots) {
      if (left.lte(0)) break;
      const take = Decimal.min(left, lot.qty);
      this.realize(lot, take, price);
      lot.qty = toCanonical(new Decimal(lot.qty).minus(take));
      left = left.minus(take);
    }
    this.state.lots = this.state.lots.filter((lot) => !new Decimal(lot.qty).isZero());
  }

  /** Realized P&L = qty × (exit − lot fill) × pointValue, mirrored for a short. */
  private realize(lot: Lot, qty: Decimal, exit: Decimal): void {
    const pnl = exit.minus(lot.fill).mul(qty).mul(this.pointValue).mul(this.sign);
    this.state.realizedPnl = toCanonical(new Decimal(this.state.realizedPnl).plus(pnl));
  }

  /** The next add's level: its step from the previous entry or add fill (or a skipped add's level). */
  placeNextAdd(): void {
    const tranche = this.state.tranches.find(
      (candidate) => candidate.kind === 'add' && candidate.status === 'pending',
    );
    const derived = this.state.derived;
    if (!tranche || derived === null || this.state.stepFrom === null) return;
    const planned = this.plan.scaleIn[tranche.index - 1];
    if (!planned) return;
    const level = levelFrom(
      planned.step,
      new Decimal(this.state.stepFrom),
      this.plan.side,
      new Decimal(derived.r),
      this.atr,
    );
    tranche.level = toCanonical(roundLevel(level, this.tick));
  }

  private skip(id: string, reason: string, time: number, status: 'skipped' | 'too-small' = 'skipped'): void {
    const tranche = this.tranche(id);
    tranche.status = status;
    tranche.reason = reason;
    tranche.time = time;
    this.effects.push({ type: 'skip', tranche: id, reason, time });
  }

  /** No lot left (or the trader cancelled): every pending tranche is cancelled. */
  close(time: number): void {
    for (const tranche of this.state.tranches) {
      if (tranche.status === 'pending' || tranche.status === 'triggered') {
        tranche.status = 'cancelled';
        tranche.time = time;
      }
    }
    this.state.stopTrigger = null;
    this.state.phase = 'closed';
    this.effects.push({ type: 'phase', phase: 'closed', time });
  }

  private recordFill(id: string, price: Decimal, qty: Decimal, time: number): void {
    const isEntering = id === 'entry' || id.startsWith('add-');
    const isBuy = isEntering === (this.plan.side === 'long');
    this.state.fills += 1;
    const openRisk = this.openRisk();
    if (openRisk.gt(this.state.maxOpenRisk)) this.state.maxOpenRisk = toCanonical(openRisk);
    const record: FillRecord = {
      ...this.snapshot(),
      tranche: id,
      side: isBuy ? 'buy' : 'sell',
      price: toCanonical(price),
      qty: toCanonical(qty),
      time,
    };
    this.effects.push({ type: 'fill', ...record });
  }

  /** The position as a fill line shows it. */
  snapshot(): Omit<FillRecord, 'tranche' | 'side' | 'price' | 'qty' | 'time'> {
    const average = this.averageEntry();
    const nearest = this.nearestStop();
    return {
      position: toCanonical(this.position),
      avgPrice: average === null ? null : toCanonical(average),
      stop: nearest === null ? null : toCanonical(nearest),
      stops: this.state.lots.map((lot) => lot.stop),
      openRisk: toCanonical(this.openRisk()),
      realizedPnl: this.state.realizedPnl,
      atr: this.state.derived?.atr ?? null,
    };
  }

  // ---- stop rules ----------------------------------------------------------------------

  /**
   * One stop rule (SPEC §2 "Lots and stops"): `raise` moves every lot's stop (on an add, all
   * but the lot just added) by a distance; `set` offers every lot one stop. A stop only ever
   * moves in the trade's favour.
   */
  private applyRule(rule: StopRule, on: 'add' | 'target', index: number, justAdded: string | null): void {
    if (rule.raise) {
      const reference = new Decimal(this.state.lastEntryFill ?? '0');
      const distance = distanceOf(rule.raise, reference, this.atr).mul(this.sign);
      for (const lot of this.state.lots) {
        if (on === 'add' && lot.tranche === justAdded) continue;
        this.offerStop(lot, new Decimal(lot.stop).plus(distance));
      }
      return;
    }
    if (rule.set === undefined) return;
    const stop = this.stopForSet(rule.set, on, index, new Decimal(this.state.lastEntryFill ?? '0'));
    if (stop !== null) for (const lot of this.state.lots) this.offerStop(lot, stop);
  }

  /** The one stop a `set` offers every lot, or null when it has none to offer. */
  private stopForSet(
    set: StopSet,
    on: 'add' | 'target' | 'tick',
    index: number,
    trailFrom: Decimal,
  ): Decimal | null {
    if (typeof set === 'object') {
      return trailFrom.minus(distanceOf(set.trail, trailFrom, this.atr).mul(this.sign));
    }
    if (set === 'breakeven') return this.averageEntry();
    if (set === 'previousTarget') {
      if (on !== 'target') return null;
      if (index <= 1) return this.averageEntry();
      const previous = this.state.derived?.targets[index - 2];
      return previous === undefined ? null : new Decimal(previous);
    }
    return this.budgetStop();
  }

  /**
   * The one stop at which open risk, every lot at it, equals the risk budget:
   * Σ (fill − S) × qty × pv = budget  ⇒  S = average − budget / (pv × position) for a long.
   */
  private budgetStop(): Decimal | null {
    const average = this.averageEntry();
    const derived = this.state.derived;
    if (average === null || derived === null) return null;
    return average.minus(new Decimal(derived.budget).div(this.pointValue.mul(this.position)).mul(this.sign));
  }

  /** Offer a lot a stop, rounded toward safety: kept only if it is better than the lot's own. */
  private offerStop(lot: Lot, candidate: Decimal): void {
    const rounded = roundStop(candidate, this.tick, this.plan.side);
    if (this.isBetter(rounded, new Decimal(lot.stop))) lot.stop = toCanonical(rounded);
  }

  /**
   * `tick` rules: activate when the price reaches `activateAt` (from the planned entry) and
   * then trail the best price since activation; applied at every price of the path.
   */
  applyTickRules(price: Decimal): void {
    const { state } = this;
    if (state.phase !== 'active' || state.lots.length === 0 || state.derived === null) return;
    this.plan.stopRules.forEach((rule, index) => {
      if (rule.on !== 'tick' || rule.set === undefined) return;
      const ruleState = state.tickRules[index];
      if (!ruleState) return;
      if (!ruleState.active) {
        const activation = state.derived?.activations[index] ?? null;
        if (activation !== null && this.isBetter(new Decimal(activation), price)) return;
        ruleState.active = true;
        ruleState.best = toCanonical(price);
      } else if (ruleState.best === null || this.isBetter(price, new Decimal(ruleState.best))) {
        ruleState.best = toCanonical(price);
      }
      const stop = this.stopForSet(rule.set, 'tick', 0, new Decimal(ruleState.best ?? price));
      if (stop !== null) for (const lot of state.lots) this.offerStop(lot, stop);
    });
  }

  // ---- approach alerts -----------------------------------------------------------------

  /** The levels worth an approach alert now: the entry, the next add, the next target, the nearest stop. */
  approachLevels(): { tranche: string; level: Decimal }[] {
    const levels: { tranche: string; level: Decimal }[] = [];
    const { state } = this;
    if (state.phase === 'armed') {
      const entry = this.tranche('entry');
      if (entry.status === 'pending' && entry.level !== null)
        levels.push({ tranche: 'entry', level: new Decimal(entry.level) });
    } else if (state.phase === 'active') {
      const add = this.next('add');
      if (add?.status === 'pending' && add.level !== null)
        levels.push({ tranche: add.id, level: new Decimal(add.level) });
      const target = this.next('target');
      if (target?.status === 'pending' && target.level !== null) {
        levels.push({ tranche: target.id, level: new Decimal(target.level) });
      }
      const stop = this.nearestStop();
      if (stop !== null && state.stopTrigger === null) levels.push({ tranche: 'stop', level: stop });
    }
    return levels;
  }

  /** The approach distance of a level: approachPercent of its price. */
  approachDistance(level: Decimal): Decimal {
    return level.mul(this.plan.alerts.approachPercent ?? DEFAULT_APPROACH_PERCENT).div(100);
  }

  /**
   * Once per level when the price comes within approachPercent of it; re-armed only after
   * the price moves away twice that distance (SPEC §2 "Approach alert").
   */
  private approachAlerts(price: Decimal, time: number): void {
    const { state } = this;
    const levels = this.approachLevels();
    const keys = new Set(levels.map(({ tranche, level }) => `${tranche}@${toCanonical(level)}`));
    state.approached = state.approached.filter((key) => keys.has(key));
    for (const { tranche, level } of levels) {
      const key = `${tranche}@${toCanonical(level)}`;
      const distance = price.minus(level).abs();
      const zone = this.approachDistance(level);
      const isAlerted = state.approached.includes(key);
      if (isAlerted && distance.gte(zone.mul(2))) {
        state.approached = state.approached.filter((candidate) => candidate !== key);
      } else if (!isAlerted && distance.lte(zone) && !distance.isZero()) {
        state.approached.push(key);
        const percent = distance.div(level).mul(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
        this.alert(
          'approach',
          tranche,
          `${this.describe(tranche)} at ${this.price(level)} is ${percent.toFixed(2)}% away`,
          time,
          level,
        );
      }
    }
  }
}

/** Approach alerts without an `alerts.approachPercent` in the plan: a quarter percent. */
export const DEFAULT_APPROACH_PERCENT = '0.25';

/** The state of a freshly armed plan (exported for the reducer). */
export function initialTranches(plan: Plan, entryLevel: string): TrancheState[] {
  const blank = { status: 'pending' as const, qty: null, price: null, time: null, reason: null };
  return [
    { id: 'entry', kind: 'entry', index: 0, level: entryLevel, ...blank },
    ...plan.scaleIn.map((_, position) => ({
      id: `add-${position + 1}`,
      kind: 'add' as const,
      index: position + 1,
      level: null,
      ...blank,
    })),
    ...plan.scaleOut.map((_, position) => ({
      id: `target-${position + 1}`,
      kind: 'target' as const,
      index: position + 1,
      level: null,
      ...blank,
    })),
  ];
}

export { needsCandleAtr };
