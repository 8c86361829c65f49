// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { OverlayPanel } from '../../../components/OverlayPanel';
import type { PlanActions } from '../../../components/PlanCard';
import { Popup } from '../../../components/Popup';
import { createEngine, step } from '../../../lib/engine/step';
import type { EngineState } from '../../../lib/engine/types';
import { checkPlan } from '../../../lib/plan/validate';
import type { PlanRecord } from '../../../lib/store/plans';
import type { QuoteInput } from '../../../lib/worker/view';
import { planView } from '../../../lib/worker/view';

// BTCUSDT long: entry 60000, stop 59000 → R = 1000; budget 10000 × 1% = 100 → qty 0.1.
// add-1 at 61000 (1R from the entry fill), size 0.5 → 0.05; target-1 at 62000 (2R), rest.
const check = checkPlan({
  format: 'tranche.plan/1',
  instrument: { venue: 'binance-futures', symbol: 'BTCUSDT', tickSize: '0.1', lotStep: '0.001' },
  side: 'long',
  account: { equity: '10000', riskPercent: '1' },
  entry: { price: '60000', when: 'above' },
  stop: { price: '59000' },
  sizing: { method: 'risk' },
  scaleIn: [{ step: { r: '1' }, size: '0.5' }],
  scaleOut: [{ at: { r: '2' }, share: 'rest' }],
});
if (!check.ok) throw new Error('test plan is valid');
const plan = check.plan;

function record(engine: EngineState | null, status: PlanRecord['status'], isPaused = false): PlanRecord {
  return {
    version: 1,
    id: 'p1',
    plan,
    status,
    isPaused,
    isMuted: false,
    engine,
    lifecycle: [],
    processed: [],
    alertSeq: 0,
    createdAt: 0,
    updatedAt: 0,
  };
}

function ticks(...prices: string[]): EngineState {
  let state = createEngine(plan, { mode: 'confirm', fill: 'level' });
  prices.forEach((price, index) => {
    state = step(state, { type: 'tick', price, time: index + 1 }).state;
  });
  return state;
}

const fresh: QuoteInput = { price: '60500', source: 'binance-futures', time: 9_000, isStale: false };

function actions(): PlanActions & { onQuiet: (isQuiet: boolean) => void; onOpenPlanner: () => void } {
  return {
    onConfirm: vi.fn(),
    onSkip: vi.fn(),
    onPause: vi.fn(),
    onResume: vi.fn(),
    onOpenPlanner: vi.fn(),
    onQuiet: vi.fn(),
  };
}

afterEach(cleanup);

describe('popup states', () => {
  it('empty: tells a new user to import a plan in the planner', () => {
    const handlers = actions();
    render(<Popup plans={[]} isQuiet={false} error={null} actions={handlers} />);
    expect(screen.getByText('No armed plans')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open the planner' }));
    expect(handlers.onOpenPlanner).toHaveBeenCalled();
  });

  it('armed: shows the entry level and its distance, no position yet', () => {
    const view = planView(record(ticks('59800'), 'armed'), { ...fresh, price: '59800' }, [], 10_000);
    render(<Popup plans={[view]} isQuiet={false} error={null} actions={actions()} />);
    // |60000 − 59800| / 59800 = 0.33 %.
    const entry = document.querySelector('[data-tranche="entry"].tr-level');
    expect(entry?.textContent).toContain('60,000.0');
    expect(entry?.textContent).toContain('0.33%');
    expect(screen.queryByText('Open risk')).toBeNull();
    expect(screen.getByText('armed')).toBeTruthy();
  });

  it('active with a triggered add: confirm prefilled, editable and checked before sending', () => {
    const handlers = actions();
    let state = ticks('59800', '60000');
    state = step(state, { type: 'fill', tranche: 'entry', time: 3 }).state;
    state = step(state, { type: 'tick', price: '61000', time: 4 }).state;
    const view = planView(record(state, 'active'), { ...fresh, price: '61000' }, [], 10_000);
    render(<Popup plans={[view]} isQuiet={false} error={null} actions={handlers} />);
    expect(screen.getByText(/add 1 of 1 triggered: buy 0.050 at 61,000.0/)).toBeTruthy();
    const qtyInput = screen.getByLabelText('Quantity') as HTMLInputElement;
    expect(qtyInput.value).toBe('0.05');
    fireEvent.input(qtyInput, { target: { value: '0.0505' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm fill' }));
    expect(screen.getByRole('alert').textContent).toBe(
      'Quantity "0.0505" is not a multiple of the lot step "0.001"',
    );
    expect(handlers.onConfirm).not.toHaveBeenCalled();
    fireEvent.input(qtyInput, { target: { value: '0.04' } });
    fireEvent.input(screen.getByLabelText('Fill price'), { target: { value: '61,010.5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm fill' }));
    expect(handlers.onConfirm).toHaveBeenCalledWith('p1', 'add-1', '61010.5', '0.04');
    fireEvent.click(screen.getByRole('button', { name: 'Skip' }));
    expect(handlers.onSkip).toHaveBeenCalledWith('p1', 'add-1');
    // (60000 − 59000) × 0.1 = 100 → 1.00 % of 10000, 1.00 R.
    expect(screen.getByText('100 · 1.00% · 1.00R')).toBeTruthy();
  });

  it('stale price: says so plainly next to the price', () => {
    const view = planView(
      record(ticks('59800'), 'armed'),
      { ...fresh, price: '59800', isStale: true, time: 0 },
      [],
      95_000,
    );
    render(<Popup plans={[view]} isQuiet={false} error={null} actions={actions()} />);
    expect(screen.getByText(/STALE · binance-futures · 1m ago/)).toBeTruthy();
  });

  it('closed: a closed plan leaves the popup, which shows the empty state', () => {
    let state = ticks('59800');
    state = step(state, { type: 'cancel', time: 2 }).state;
    const view = planView(record(state, 'closed'), fresh, [], 10_000);
    render(<Popup plans={[view]} isQuiet={false} error={null} actions={actions()} />);
    expect(screen.getByText('No armed plans')).toBeTruthy();
  });

  it('paused: offers Resume instead of Pause', () => {
    const handlers = actions();
    const view = planView(record(ticks('59800'), 'armed', true), fresh, [], 10_000);
    render(<Popup plans={[view]} isQuiet={false} error={null} actions={handlers} />);
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    expect(handlers.onResume).toHaveBeenCalledWith('p1');
  });
});

describe('overlay', () => {
  it('collapses to a pill with the distance to the next level', () => {
    const view = planView(record(ticks('59800'), 'armed'), { ...fresh, price: '59800' }, [], 10_000);
    const onToggle = vi.fn();
    render(
      <OverlayPanel
        plans={[view]}
        isCollapsed
        onToggle={onToggle}
        onDragStart={vi.fn()}
        actions={actions()}
      />,
    );
    const pill = screen.getByRole('button', { name: 'Show the Tranche panel' });
    expect(pill.textContent).toBe('BTCUSDTentry 0.33%');
    fireEvent.click(pill);
    expect(onToggle).toHaveBeenCalled();
  });
});
