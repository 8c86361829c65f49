// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { Popup } from '../../../components/Popup';
import {
  actions,
  armedView,
  closedView,
  divergedView,
  staleView,
  stopWaitingView,
  triggeredView,
} from './plan-views';

afterEach(cleanup);

/** The text of one level row of the popup's "next levels". */
function levelRow(tranche: string): string {
  return document.querySelector(`.tr-level[data-tranche="${tranche}"]`)?.textContent ?? '';
}

describe('popup states', () => {
  it('empty: tells a new user the steps and opens the planner', () => {
    const handlers = actions();
    render(<Popup plans={[]} isQuiet={false} error={null} actions={handlers} />);
    expect(screen.getByText('No armed plans')).toBeTruthy();
    expect(screen.getByRole('list').textContent).toContain('Import a plan file in the planner.');
    fireEvent.click(screen.getByRole('button', { name: 'Open the planner' }));
    expect(handlers.onOpenPlanner).toHaveBeenCalledWith();
  });

  it('loading: says so instead of claiming there are no plans', () => {
    render(<Popup plans={[]} isQuiet={false} error={null} actions={actions()} isLoading />);
    expect(screen.getByRole('status').textContent).toBe('Loading plans…');
    expect(screen.queryByText('No armed plans')).toBeNull();
  });

  it('armed: the price with its source and the time it arrived, the entry and its distance, no position yet', () => {
    render(<Popup plans={[armedView()]} isQuiet={false} error={null} actions={actions()} />);
    expect(screen.getByLabelText('Last price').textContent).toBe('59,800.0');
    // The quote arrived at 9,000 ms after the epoch (plan-views' quote): its time of day, never an age to refresh.
    expect(screen.getByText(`binance-futures · ${new Date(9_000).toLocaleTimeString()}`)).toBeTruthy();
    expect(screen.getByText('Waiting for the entry')).toBeTruthy();
    // |60000 − 59800| / 59800 = 0.33 %; 200 / ATR 500 = 0.40 ATR.
    expect(levelRow('entry')).toBe('entry60,000.00.33% · 0.40 ATR');
    expect(screen.queryByText('Open risk')).toBeNull();
    expect(screen.getByText('armed').dataset['status']).toBe('armed');
    const ladder = within(screen.getByRole('table', { name: 'Tranches' }));
    expect(ladder.getByText('0.100'), 'the entry quantity, at the lot precision').toBeTruthy();
  });

  it('active with a triggered add: confirm prefilled at tick and lot precision, editable, checked before sending', async () => {
    const handlers = actions();
    render(<Popup plans={[triggeredView()]} isQuiet={false} error={null} actions={handlers} />);
    expect(screen.getByText('add 1 of 1 triggered: buy 0.050 at 61,000.0')).toBeTruthy();
    const qtyInput = screen.getByLabelText('Quantity') as HTMLInputElement;
    const priceInput = screen.getByLabelText('Fill price') as HTMLInputElement;
    expect([priceInput.value, qtyInput.value]).toEqual(['61000.0', '0.050']);

    fireEvent.input(qtyInput, { target: { value: '0.0505' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm fill' }));
    expect(screen.getByRole('alert').textContent).toBe(
      'Quantity "0.0505" is not a multiple of the lot step "0.001"',
    );
    expect(qtyInput.getAttribute('aria-invalid')).toBe('true');
    expect(handlers.onConfirm).not.toHaveBeenCalled();

    fireEvent.input(qtyInput, { target: { value: '0.04' } });
    fireEvent.input(priceInput, { target: { value: '61,010.5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm fill' }));
    expect(handlers.onConfirm).toHaveBeenCalledWith('p1', 'add-1', '61010.5', '0.04');
    // Once the confirmation has been answered, the buttons take clicks again.
    const skip = screen.getByRole('button', { name: 'Skip' }) as HTMLButtonElement;
    await waitFor(() => expect(skip.disabled).toBe(false));
    fireEvent.click(skip);
    expect(handlers.onSkip).toHaveBeenCalledWith('p1', 'add-1');

    // (60000 − 59000) × 0.1 = 100 → 1.00 % of 10000, 1.00 R; (61000 − 60000) × 0.1 / 100 = 1.00 R unrealized.
    expect(screen.getByText('100 · 1.00% · 1.00R')).toBeTruthy();
    expect(screen.getByText('0.100 @ 60,000.0')).toBeTruthy();
    expect(screen.getByText('1.00R')).toBeTruthy();
    const ladder = within(screen.getByRole('table', { name: 'Tranches' }));
    expect(ladder.getByText('filled')).toBeTruthy();
    expect(ladder.getByText('triggered')).toBeTruthy();
    // The add is 0 away: the nearest level, emphasized.
    expect(document.querySelector('.tr-level-next')?.getAttribute('data-tranche')).toBe('add-1');
  });

  it('a stop waiting for its fill offers Confirm fill and no Skip: a stop cannot be skipped', () => {
    render(<Popup plans={[stopWaitingView()]} isQuiet={false} error={null} actions={actions()} />);
    expect(screen.getByRole('button', { name: 'Confirm fill' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Skip' })).toBeNull();
  });

  it('a confirmation is sent once: the buttons wait for the background’s answer', async () => {
    const handlers = actions();
    let answer: () => void = () => undefined;
    vi.mocked(handlers.onConfirm).mockImplementation(
      () => new Promise<void>((resolve) => (answer = resolve)),
    );
    render(<Popup plans={[triggeredView()]} isQuiet={false} error={null} actions={handlers} />);
    const confirm = screen.getByRole('button', { name: 'Confirm fill' }) as HTMLButtonElement;
    fireEvent.click(confirm);
    await waitFor(() => expect(confirm.disabled).toBe(true));
    fireEvent.click(confirm);
    expect((screen.getByRole('button', { name: 'Skip' }) as HTMLButtonElement).disabled).toBe(true);
    expect(handlers.onConfirm).toHaveBeenCalledTimes(1);
    answer();
    await waitFor(() => expect(confirm.disabled).toBe(false));
  });

  it('active: recent alerts, newest first, without the plan’s own name in front', () => {
    render(<Popup plans={[triggeredView()]} isQuiet={false} error={null} actions={actions()} />);
    const alerts = within(screen.getByRole('list', { name: 'Recent alerts' })).getAllByRole('listitem');
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts[0]?.textContent).toMatch(/· add 1 of 1 at 61,000\.0/);
    expect(alerts.every((item) => !item.textContent?.includes('· BTCUSDT long ·'))).toBe(true);
  });

  it('stale price: says so plainly, next to the price and in a sentence', () => {
    render(<Popup plans={[staleView()]} isQuiet={false} error={null} actions={actions()} />);
    // The stale quote arrived at the epoch (plan-views' staleView): its time of day.
    const arrived = new Date(0).toLocaleTimeString();
    expect(screen.getByText(`STALE · binance-futures · ${arrived}`)).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe(
      `No fresh price since ${arrived}: distances are from the last price seen. Check the BTCUSDT tab.`,
    );
  });

  it('a page whose two prices disagree: both numbers at the tick size, and that ticks are held', () => {
    render(<Popup plans={[divergedView()]} isQuiet={false} error={null} actions={actions()} />);
    expect(screen.getByRole('alert').textContent).toBe(
      '⚠ title 60,293.4 vs order book 59,820.0 — ticks held',
    );
    expect(screen.getByLabelText('Last price').textContent, 'the last price both agreed on').toBe('59,800.0');
  });

  it('no divergence, no warning', () => {
    render(<Popup plans={[armedView()]} isQuiet={false} error={null} actions={actions()} />);
    expect(screen.queryByText(/ticks held/)).toBeNull();
  });

  it('closed: a closed plan leaves the popup, which shows the empty state', () => {
    render(<Popup plans={[closedView()]} isQuiet={false} error={null} actions={actions()} />);
    expect(screen.getByText('No armed plans')).toBeTruthy();
    expect(screen.queryByText('BTCUSDT')).toBeNull();
  });

  it('paused: says paused and offers Resume instead of Pause', () => {
    const handlers = actions();
    render(
      <Popup
        plans={[armedView({ isPaused: true, isMuted: true })]}
        isQuiet={false}
        error={null}
        actions={handlers}
      />,
    );
    expect(document.querySelector('.tr-status')?.textContent).toBe('paused · muted');
    expect(screen.queryByRole('button', { name: 'Pause' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    expect(handlers.onResume).toHaveBeenCalledWith('p1');
    fireEvent.click(screen.getByRole('button', { name: 'Open in planner' }));
    expect(handlers.onOpenPlanner).toHaveBeenCalledWith('p1');
  });

  it('quiet mode is a labelled switch', () => {
    const handlers = actions();
    render(<Popup plans={[]} isQuiet={false} error={null} actions={handlers} />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Quiet' }));
    expect(handlers.onQuiet).toHaveBeenCalledWith(true);
  });

  it('shows a refusal plainly, as an alert', () => {
    render(<Popup plans={[]} isQuiet={false} error="no plan “p9”" actions={actions()} />);
    expect(screen.getByRole('alert').textContent).toBe('no plan “p9”');
  });

  it('outlines and scrolls to the plan a notification was about', () => {
    const other = { ...armedView(), id: 'p2' };
    const scrolled: string[] = [];
    const original = HTMLElement.prototype.scrollIntoView;
    HTMLElement.prototype.scrollIntoView = function (this: HTMLElement) {
      scrolled.push(this.dataset['plan'] ?? '');
    };
    try {
      render(
        <Popup
          plans={[armedView(), other]}
          isQuiet={false}
          error={null}
          actions={actions()}
          highlightId="p2"
        />,
      );
    } finally {
      HTMLElement.prototype.scrollIntoView = original;
    }
    expect(scrolled).toEqual(['p2']);
    expect(document.querySelector('.tr-highlight')?.getAttribute('data-plan')).toBe('p2');
  });

  it('renders what it is given in the picker’s place', () => {
    render(
      <Popup plans={[]} isQuiet={false} error={null} actions={actions()}>
        <section aria-label="Picker">picker</section>
      </Popup>,
    );
    expect(screen.getByRole('region', { name: 'Picker' }).textContent).toBe('picker');
  });
});
