// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { OverlayPanel, type OverlayPanelProps } from '../../../components/OverlayPanel';
import type { PlanView } from '../../../lib/worker/view';
import { actions, armedView, closedView, divergedView, staleView, triggeredView } from './plan-views';

afterEach(cleanup);

function panel(plans: PlanView[], overrides: Partial<OverlayPanelProps> = {}) {
  const props: OverlayPanelProps = {
    plans,
    symbol: 'BTCUSDT',
    isCollapsed: false,
    error: null,
    onToggle: vi.fn(),
    onDragStart: vi.fn(),
    actions: actions(),
    ...overrides,
  };
  render(<OverlayPanel {...props} />);
  return props;
}

describe('on-page panel, expanded', () => {
  it('empty: no plan for the page’s symbol says so and opens the planner', () => {
    const props = panel([]);
    expect(screen.getByText('No armed plan for BTCUSDT')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open the planner' }));
    expect(props.actions.onOpenPlanner).toHaveBeenCalledWith();
  });

  it('armed: the price, the entry and its distance, compact (no ladder, no buttons besides collapse)', () => {
    panel([armedView()]);
    expect(screen.getByRole('region', { name: 'Tranche: BTCUSDT' })).toBeTruthy();
    expect(screen.getByLabelText('Last price').textContent).toBe('59,800.0');
    expect(document.querySelector('.tr-level[data-tranche="entry"]')?.textContent).toBe(
      'entry60,000.00.33% · 0.40 ATR',
    );
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getAllByRole('button').map((button) => button.getAttribute('aria-label'))).toEqual([
      'Collapse the Tranche panel',
    ]);
  });

  it('active with a triggered tranche: the same confirm and skip as the popup', async () => {
    const props = panel([triggeredView()]);
    expect(screen.getByText('add 1 of 1 triggered: buy 0.050 at 61,000.0')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Confirm fill' }));
    expect(props.actions.onConfirm).toHaveBeenCalledWith('p1', 'add-1', '61000', '0.05');
    // Once the confirmation has been answered, the buttons take clicks again.
    const skip = screen.getByRole('button', { name: 'Skip' }) as HTMLButtonElement;
    await waitFor(() => expect(skip.disabled).toBe(false));
    fireEvent.click(skip);
    expect(props.actions.onSkip).toHaveBeenCalledWith('p1', 'add-1');
    expect(screen.getByText('0.100 @ 60,000.0')).toBeTruthy();
  });

  it('active: the key levels on one line, and a confirmed fill corrected from the panel', async () => {
    // 61,000 is 1,200 above the support at 59,800: 1,200 / 61,000 = 1.97 %.
    const view: PlanView = {
      ...triggeredView(),
      levels: [{ index: 1, price: '59800', label: 'support', distancePercent: '1.97' }],
      confirmedFills: [
        { fill: 'fill-entry-0001', tranche: 'entry', label: 'entry', price: '60000', qty: '0.1', at: 3 },
      ],
    };
    const onCorrect = vi.fn(() => Promise.resolve({ ok: true } as const));
    panel([view], { actions: { ...actions(), onCorrect } });
    expect(screen.getByLabelText('Key levels').textContent).toBe('Key levels support 59,800.0 · 1.97%');
    fireEvent.click(screen.getByText('Correct a confirmed fill'));
    fireEvent.input(screen.getByLabelText('Filled at'), { target: { value: '60,020' } });
    fireEvent.click(screen.getByRole('button', { name: 'Correct' }));
    await screen.findByText('Corrected: the trade is recomputed from it.');
    expect(onCorrect).toHaveBeenCalledWith('p1', 'fill-entry-0001', '60020', '0.1');
  });

  it('stale price: shown plainly', () => {
    panel([staleView()]);
    const arrived = new Date(0).toLocaleTimeString();
    expect(screen.getByText(`STALE · binance-futures · ${arrived}`)).toBeTruthy();
    expect(screen.getByRole('status').textContent).toMatch(new RegExp(`^No fresh price since ${arrived}`));
  });

  it('a page whose two prices disagree: the same warning as the popup', () => {
    panel([divergedView()]);
    expect(screen.getByRole('alert').textContent).toBe(
      '⚠ title 60,293.4 vs order book 59,820.0 — ticks held',
    );
  });

  it('closed: a closed plan is not shown; the panel says there is no armed plan', () => {
    panel([closedView()]);
    expect(screen.getByText('No armed plan for BTCUSDT')).toBeTruthy();
    expect(screen.queryByLabelText('Last price')).toBeNull();
  });

  it('shows a refusal plainly', () => {
    panel([armedView()], { error: 'the tranche is not triggered' });
    expect(screen.getByRole('alert').textContent).toBe('the tranche is not triggered');
  });

  it('the header is the drag handle; the collapse button is not', () => {
    const props = panel([armedView()]);
    const collapse = screen.getByRole('button', { name: 'Collapse the Tranche panel' });
    fireEvent.pointerDown(collapse);
    expect(props.onDragStart, 'pressing the button starts no drag').not.toHaveBeenCalled();
    fireEvent.click(collapse);
    expect(props.onToggle).toHaveBeenCalled();
    fireEvent.pointerDown(document.querySelector('.tr-header') as Element);
    expect(props.onDragStart).toHaveBeenCalledTimes(1);
  });
});

describe('on-page panel, collapsed to a pill', () => {
  it('armed: the symbol and the distance to the next level', () => {
    const props = panel([armedView()], { isCollapsed: true });
    const pill = screen.getByRole('button', { name: 'Show the Tranche panel: BTCUSDT, entry · 0.33%' });
    expect(pill.textContent).toBe('BTCUSDTentry · 0.33%');
    fireEvent.pointerDown(pill);
    expect(props.onDragStart, 'the pill is dragged by itself').toHaveBeenCalled();
    fireEvent.click(pill);
    expect(props.onToggle).toHaveBeenCalled();
  });

  it('a triggered tranche: the pill says confirm, in the warning colour', () => {
    panel([triggeredView()], { isCollapsed: true });
    const pill = screen.getByRole('button', { name: /Show the Tranche panel/ });
    expect(pill.textContent).toBe('BTCUSDTconfirm');
    expect(pill.classList.contains('tr-pill-act')).toBe(true);
  });

  it('no plan (or only closed ones): the pill says so', () => {
    panel([closedView()], { isCollapsed: true });
    expect(screen.getByRole('button', { name: /Show the Tranche panel/ }).textContent).toBe('BTCUSDTno plan');
  });

  it('a page whose two prices disagree: the pill says ticks are held', () => {
    panel([divergedView()], { isCollapsed: true });
    expect(screen.getByRole('button', { name: /Show the Tranche panel/ }).textContent).toBe(
      'BTCUSDTticks held',
    );
  });

  it('stale: still the distance from the last price seen', () => {
    panel([staleView()], { isCollapsed: true });
    expect(screen.getByRole('button', { name: /Show the Tranche panel/ }).textContent).toBe(
      'BTCUSDTentry · 0.33%',
    );
  });
});
