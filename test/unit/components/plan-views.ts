import { vi } from 'vitest';

import type { PlanActions } from '../../../components/PlanCard';
import { createEngine } from '../../../lib/engine/create';
import { step } from '../../../lib/engine/step';
import type { EngineEvent, EngineState } from '../../../lib/engine/types';
import { checkPlan } from '../../../lib/checks/check-plan';
import type { PlanRecord } from '../../../lib/store/plans';
import type { JournalEntry } from '../../../lib/store/journal';
import { journalEffects } from '../../../lib/worker/journal-effects';
import type { QuoteInput } from '../../../lib/worker/view';
import { planView, type PlanView } from '../../../lib/worker/view';

/*
 * The plan views the component tests render, one per state, built the way the background
 * builds them (engine → record → planView), never written by hand.
 *
 * BTCUSDT long: entry 60000, stop 59000 → R = 1000; budget 10000 × 1% = 100 → qty 0.1.
 * add-1 at 61000 (1R from the entry fill), size 0.5 → 0.05; target-1 at 62000 (2R), rest.
 * ATR 500, so distances read in ATR too.
 */
const check = checkPlan({
  format: 'tranche.plan/1',
  name: 'BTC breakout',
  instrument: { venue: 'binance-futures', symbol: 'BTCUSDT', tickSize: '0.1', lotStep: '0.001' },
  side: 'long',
  account: { equity: '10000', riskPercent: '1' },
  volatility: { atr: '500' },
  entry: { price: '60000', when: 'above' },
  stop: { price: '59000' },
  sizing: { method: 'risk' },
  scaleIn: [{ step: { r: '1' }, size: '0.5' }],
  scaleOut: [{ at: { r: '2' }, share: 'rest' }],
});
if (!check.ok) throw new Error('the test plan is valid');
export const plan = check.plan;

export function record(
  engine: EngineState | null,
  status: PlanRecord['status'],
  flags: { isPaused?: boolean; isMuted?: boolean; id?: string } = {},
): PlanRecord {
  return {
    version: 1,
    id: flags.id ?? 'p1',
    plan,
    status,
    isPaused: flags.isPaused ?? false,
    isMuted: flags.isMuted ?? false,
    engine,
    lifecycle: [],
    processed: [],
    alertSeq: 0,
    alertEpoch: '0',
    createdAt: 0,
    updatedAt: 0,
  };
}

/** The engine after these prices (times 1, 2, …). */
export function ticks(...prices: string[]): EngineState {
  let state = createEngine(plan, { mode: 'confirm', fill: 'level' });
  prices.forEach((price, index) => {
    state = step(state, { type: 'tick', price, time: index + 1 }).state;
  });
  return state;
}

export function quote(price: string, overrides: Partial<QuoteInput> = {}): QuoteInput {
  return { price, source: 'binance-futures', time: 9_000, isStale: false, ...overrides };
}

/** A draft: imported, never armed. */
export function draftView(): PlanView {
  return planView(record(null, 'draft'), null, []);
}

/** Armed at 59800: the entry 60000 is 200 away, 0.33 % and 0.40 ATR. */
export function armedView(flags: { isPaused?: boolean; isMuted?: boolean } = {}): PlanView {
  return planView(record(ticks('59800'), 'armed', flags), quote('59800'), []);
}

/**
 * Entry filled at 60000, then 61000 triggers add-1 (buy 0.05 at 61000); the journal holds
 * what the engine said at each step, as the background records it.
 */
export function triggeredView(): PlanView {
  const events: EngineEvent[] = [
    { type: 'tick', price: '59800', time: 1 },
    { type: 'tick', price: '60000', time: 2 },
    { type: 'fill', tranche: 'entry', time: 3 },
    { type: 'tick', price: '61000', time: 4 },
  ];
  let state = createEngine(plan, { mode: 'confirm', fill: 'level' });
  const journal: JournalEntry[] = [];
  for (const event of events) {
    const result = step(state, event);
    state = result.state;
    journal.push({
      at: Date.UTC(2026, 10, 26, 9, 30, event.time),
      event: event.type,
      input: {},
      effects: journalEffects(plan, result.effects),
    });
  }
  return planView(record(state, 'active'), quote('61000'), journal);
}

/** Entry filled at 60000, then 58900 reaches the stop at 59000: the stop waits for its confirmation. */
export function stopWaitingView(): PlanView {
  let state = ticks('59800', '60000');
  state = step(state, { type: 'fill', tranche: 'entry', time: 3 }).state;
  state = step(state, { type: 'tick', price: '58900', time: 4 }).state;
  return planView(record(state, 'active'), quote('58900'), []);
}

/** Armed, but the page has sent nothing since its first price: stale. */
export function staleView(): PlanView {
  return planView(record(ticks('59800'), 'armed'), quote('59800', { isStale: true, time: 0 }), []);
}

/**
 * Armed at 59800; then the page's title shows 60293.4 (past the entry) while its order
 * book shows 59820: the page sent no tick since, and the background passes both numbers on.
 */
export function divergedView(): PlanView {
  return planView(record(ticks('59800'), 'armed'), quote('59800'), [], {
    first: { place: 'title', price: '60293.4' },
    second: { place: 'order book', price: '59820' },
  });
}

/** Cancelled while armed. */
export function closedView(): PlanView {
  let state = ticks('59800');
  state = step(state, { type: 'cancel', time: 2 }).state;
  return planView(record(state, 'closed'), quote('60500'), []);
}

export type PopupActions = PlanActions & { onQuiet: (isQuiet: boolean) => void };

export function actions(): PopupActions {
  return {
    onConfirm: vi.fn(),
    onSkip: vi.fn(),
    onPause: vi.fn(),
    onResume: vi.fn(),
    onOpenPlanner: vi.fn(),
    onQuiet: vi.fn(),
  };
}
