import { Decimal, isDecimalString, toCanonical } from '../decimal';
import type { Plan } from '../plan/schema';
import { roundLevel } from '../sizing/round';
import { derive, needsCandleAtr } from './derive';
import { initialTranches, Trade } from './trade';
import type { Effect, EngineEvent, EngineOptions, EngineState, StepResult } from './types';
import { copyState } from './types';

const DEFAULT_OPTIONS: EngineOptions = { mode: 'confirm', fill: 'level' };
const NO_EFFECTS: readonly Effect[] = Object.freeze([]);

/** A plan armed and waiting for its entry. */
export function createEngine(plan: Plan, options: Partial<EngineOptions> = {}): EngineState {
  const derived = needsCandleAtr(plan) ? null : derive(plan, plan.volatility?.atr ?? null);
  const entryLevel = toCanonical(
    roundLevel(new Decimal(plan.entry.price), new Decimal(plan.instrument.tickSize)),
  );
  const tranches = initialTranches(plan, entryLevel);
  if (derived !== null) {
    for (const tranche of tranches) {
      if (tranche.kind === 'target') tranche.level = derived.targets[tranche.index - 1] ?? null;
    }
  }
  return {
    version: 1,
    plan,
    options: { ...DEFAULT_OPTIONS, ...options },
    phase: 'armed',
    derived,
    entryDirection: null,
    tranches,
    lots: [],
    stepFrom: null,
    lastEntryFill: null,
    peak: '0',
    realizedPnl: '0',
    maxOpenRisk: '0',
    fills: 0,
    tickRules: plan.stopRules.map(() => ({ active: false, best: null })),
    approached: [],
    stopTrigger: null,
    isStale: false,
    lastPrice: null,
    lastTime: null,
    upBound: Number.NaN,
    downBound: Number.NaN,
  };
}

/**
 * The hot path: whether a price crosses nothing, so that a tick at it changes nothing.
 * Two float comparisons against bounds placed a hair inside every level; the decimal work
 * happens only outside them. NaN bounds (a new or closed-then-edited state) are never quiet.
 */
export function isQuiet(state: EngineState, price: number): boolean {
  return price > state.downBound && price < state.upBound;
}

/**
 * The hot path over a run of prices: the index of the first price in `prices[from, to)`
 * that leaves the quiet band (`to` when none does). The bounds are held in locals, so each
 * quiet price costs a load and two comparisons; the caller steps the price found and goes on.
 */
export function nextActive(state: EngineState, prices: Float64Array, from: number, to: number): number {
  const down = state.downBound;
  const up = state.upBound;
  for (let index = from; index < to; index += 1) {
    const price = prices[index] as number;
    if (!(price > down && price < up)) return index;
  }
  return to;
}

/**
 * The engine: a pure, deterministic reducer (SPEC §3). Replaying the same events gives the
 * same effects; a quiet tick returns the same state object; a duplicate or out-of-order
 * tick (at or before the last one that could act) never produces anything.
 */
export function step(state: EngineState, event: EngineEvent): StepResult {
  if (event.type === 'tick') return onTick(state, event);
  const trade = new Trade(copyState(state));
  switch (event.type) {
    case 'fill':
      onFill(trade, event);
      break;
    case 'skip':
      onSkip(trade, event.tranche, event.time);
      break;
    case 'cancel':
      if (trade.state.phase !== 'closed') trade.close(event.time);
      break;
    case 'stale':
      if (trade.state.phase !== 'closed' && !trade.state.isStale) {
        trade.state.isStale = true;
        const { symbol } = state.plan.instrument;
        trade.effects.push({
          type: 'alert',
          kind: 'stale',
          tranche: 'price',
          text: `${symbol} ${state.plan.side} · price is stale: no fresh quote since ${new Date(state.lastTime ?? event.time).toISOString()}`,
          price: state.lastPrice,
          qty: null,
          time: event.time,
        });
      }
      break;
    case 'edit':
      return finish(edit(state, event.plan), []);
  }
  return finish(trade.state, trade.effects, trade);
}

function onTick(state: EngineState, event: Extract<EngineEvent, { type: 'tick' }>): StepResult {
  const priceNumber = Number(event.price);
  const isDuplicate =
    state.lastTime !== null &&
    (event.time < state.lastTime || (event.time === state.lastTime && event.price === state.lastPrice));
  if (isDuplicate || state.phase === 'closed' || !isDecimalString(event.price) || !(priceNumber > 0)) {
    return { state, effects: NO_EFFECTS };
  }
  if (isQuiet(state, priceNumber)) return { state, effects: NO_EFFECTS };
  const trade = new Trade(copyState(state));
  trade.state.isStale = false;
  trade.onPrice(new Decimal(event.price), event.time, event.gap === true, event.atr ?? null);
  return finish(trade.state, trade.effects, trade);
}

function onFill(trade: Trade, event: Extract<EngineEvent, { type: 'fill' }>): void {
  const { state } = trade;
  const reject = (reason: string): void => {
    trade.effects.push({ type: 'rejected', event: `fill ${event.tranche}`, reason, time: event.time });
  };
  if (event.tranche === 'stop') {
    const trigger = state.stopTrigger;
    if (trigger === null) return reject('no stop is waiting for confirmation');
    const price = parseConfirmed(event.price ?? trigger.price);
    const qty = parseConfirmed(event.qty ?? trigger.qty);
    if (price === null || qty === null) return reject('price and quantity must be numbers above 0');
    if (qty.gt(trade.position))
      return reject(`quantity ${toCanonical(qty)} exceeds the position ${toCanonical(trade.position)}`);
    trade.fillStop(price, qty, event.time);
    return;
  }
  const tranche = state.tranches.find((candidate) => candidate.id === event.tranche);
  if (!tranche) return reject(`the plan has no tranche "${event.tranche}"`);
  if (tranche.status !== 'triggered')
    return reject(`${tranche.id} is ${tranche.status}, not waiting for confirmation`);
  const price = parseConfirmed(event.price ?? tranche.price ?? '');
  const qty = parseConfirmed(event.qty ?? tranche.qty ?? '');
  if (price === null || qty === null) return reject('price and quantity must be numbers above 0');
  const lotStep = new Decimal(state.plan.instrument.lotStep);
  if (!qty.mod(lotStep).isZero())
    return reject(`quantity ${toCanonical(qty)} is not a multiple of the lot step ${toCanonical(lotStep)}`);
  if (tranche.kind === 'target') {
    if (qty.gt(trade.position))
      return reject(`quantity ${toCanonical(qty)} exceeds the position ${toCanonical(trade.position)}`);
    trade.fillTarget(tranche.id, price, qty, event.time);
  } else if (tranche.kind === 'add') {
    trade.fillAdd(tranche.id, price, qty, event.time);
  } else {
    trade.fillEntry(price, qty, event.time);
  }
}

function parseConfirmed(text: string): Decimal | null {
  if (!isDecimalString(text)) return null;
  const value = new Decimal(text);
  return value.gt(0) ? value : null;
}

function onSkip(trade: Trade, id: string, time: number): void {
  const { state } = trade;
  const tranche = state.tranches.find((candidate) => candidate.id === id);
  const reject = (reason: string): void => {
    trade.effects.push({ type: 'rejected', event: `skip ${id}`, reason, time });
  };
  if (!tranche) return reject(`the plan has no tranche "${id}"`);
  if (tranche.status !== 'pending' && tranche.status !== 'triggered')
    return reject(`${id} is already ${tranche.status}`);
  if (tranche.kind === 'entry') {
    trade.close(time);
    return;
  }
  const level = tranche.level;
  tranche.status = 'skipped';
  tranche.reason = 'skipped by the trader';
  tranche.time = time;
  trade.effects.push({ type: 'skip', tranche: id, reason: 'skipped by the trader', time });
  if (tranche.kind === 'add' && level !== null) {
    // The next step is measured from the skipped level (SPEC §2).
    state.stepFrom = level;
    trade.placeNextAdd();
  }
}

/**
 * A new plan for a running trade. Armed: start again from the new plan. Active: the lots,
 * fills and the trade's fixed values (R, entry quantity, ATR) stay; the remaining ladder and
 * the rules come from the new plan.
 */
function edit(state: EngineState, plan: Plan): EngineState {
  if (state.phase === 'armed') {
    const fresh = createEngine(plan, state.options);
    return {
      ...fresh,
      entryDirection: state.entryDirection,
      lastPrice: state.lastPrice,
      lastTime: state.lastTime,
    };
  }
  if (state.phase === 'closed' || state.derived === null) return state;
  const next = createEngine(plan, state.options);
  const redrawn = derive(plan, state.derived.atr);
  const derived = { ...state.derived, targets: redrawn.targets, activations: redrawn.activations };
  const tranches = next.tranches.map((tranche) => {
    const old = state.tranches.find((candidate) => candidate.id === tranche.id);
    const isSettled = old && old.status !== 'pending' && old.status !== 'triggered';
    return isSettled
      ? { ...old }
      : {
          ...tranche,
          level: tranche.kind === 'target' ? (derived.targets[tranche.index - 1] ?? null) : tranche.level,
        };
  });
  const edited: EngineState = {
    ...copyState(state),
    plan,
    derived,
    tranches,
    tickRules: plan.stopRules.map((_, index) => state.tickRules[index] ?? { active: false, best: null }),
    approached: [],
  };
  const trade = new Trade(edited);
  trade.placeNextAdd();
  return trade.state;
}

/** Recompute the quiet band after every change, so the next tick knows at once if it can act. */
function finish(state: EngineState, effects: readonly Effect[], trade: Trade = new Trade(state)): StepResult {
  placeBounds(state, trade);
  return { state, effects: effects.length === 0 ? NO_EFFECTS : effects };
}

/** A relative margin that keeps float bounds strictly inside their decimal levels. */
const FLOAT_MARGIN = 1e-12;

function placeBounds(state: EngineState, trade: Trade): void {
  state.upBound = Number.NaN;
  state.downBound = Number.NaN;
  if (state.phase === 'closed') {
    state.upBound = Number.POSITIVE_INFINITY;
    state.downBound = Number.NEGATIVE_INFINITY;
    return;
  }
  if (state.lastPrice === null || state.isStale) return;
  const price = new Decimal(state.lastPrice);
  let up = Number.POSITIVE_INFINITY;
  let down = Number.NEGATIVE_INFINITY;
  const addUp = (level: Decimal) => {
    up = Math.min(up, level.toNumber() * (1 - FLOAT_MARGIN));
  };
  const addDown = (level: Decimal) => {
    down = Math.max(down, level.toNumber() * (1 + FLOAT_MARGIN));
  };
  for (const trigger of trade.triggers()) (trigger.way === 'up' ? addUp : addDown)(trigger.level);
  for (const { tranche, level } of trade.approachLevels()) {
    const zone = trade.approachDistance(level);
    const isAbove = level.gt(price);
    const isAlerted = state.approached.includes(`${tranche}@${toCanonical(level)}`);
    if (isAbove) {
      if (isAlerted) addDown(level.minus(zone.mul(2)));
      else addUp(level.minus(zone));
    } else if (isAlerted) {
      addUp(level.plus(zone.mul(2)));
    } else {
      addDown(level.plus(zone));
    }
  }
  if (state.phase === 'active' && state.derived !== null) {
    const isLong = state.plan.side === 'long';
    state.plan.stopRules.forEach((rule, index) => {
      if (rule.on !== 'tick') return;
      const ruleState = state.tickRules[index];
      const activation = state.derived?.activations[index] ?? null;
      const watch = ruleState?.active ? ruleState.best : activation;
      if (watch === null || watch === undefined) return;
      (isLong ? addUp : addDown)(new Decimal(watch));
    });
  }
  state.upBound = up;
  state.downBound = down;
}
