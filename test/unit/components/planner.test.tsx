// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { PlanImport } from '../../../components/PlanImport';
import { PlanList, type PlanListProps } from '../../../components/PlanList';
import { Planner, type PlannerProps } from '../../../components/Planner';
import type { PlanView } from '../../../lib/worker/view';
import { armedView, closedView, draftView, staleView, triggeredView } from './plan-views';

afterEach(cleanup);

function list(plans: PlanView[], highlightId: string | null = null): PlanListProps {
  const props: PlanListProps = {
    plans,
    highlightId,
    onAction: vi.fn(),
    onExport: vi.fn(),
    onDuplicate: vi.fn(),
  };
  render(<PlanList {...props} />);
  return props;
}

/** The names of the buttons in a plan's row, in order. */
function buttons(): string[] {
  const row = document.querySelector('tr[data-plan]') as HTMLElement;
  return within(row)
    .getAllByRole('button')
    .map((button) => button.getAttribute('aria-label') ?? button.textContent ?? '');
}

describe('plan import', () => {
  it('reads a chosen file and hands over its text with its name', async () => {
    const onImport = vi.fn();
    render(<PlanImport result={null} isBusy={false} onImport={onImport} />);
    const input = screen.getByLabelText(/Plan file/) as HTMLInputElement;
    const file = new File(['{"format":"tranche.plan/1"}'], 'pyramid.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
    await waitFor(() => expect(onImport).toHaveBeenCalledWith('{"format":"tranche.plan/1"}', 'pyramid.json'));
  });

  it('reads a dropped file', async () => {
    const onImport = vi.fn();
    render(<PlanImport result={null} isBusy={false} onImport={onImport} />);
    const file = new File(['{}'], 'dropped.json', { type: 'application/json' });
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', { value: { files: [file] } });
    fireEvent(screen.getByTestId('plan-drop'), drop);
    expect(drop.defaultPrevented, 'the browser does not open the file itself').toBe(true);
    await waitFor(() => expect(onImport).toHaveBeenCalledWith('{}', 'dropped.json'));
  });

  it('imports pasted JSON; the button waits for some text', () => {
    const onImport = vi.fn();
    render(<PlanImport result={null} isBusy={false} onImport={onImport} />);
    const button = screen.getByRole('button', { name: 'Import pasted JSON' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.input(screen.getByLabelText("Or paste the plan's JSON:"), {
      target: { value: '{"name":"x"}' },
    });
    fireEvent.click(button);
    expect(onImport).toHaveBeenCalledWith('{"name":"x"}', 'The pasted text');
  });

  it('a refused plan: the reason and each field’s problem, as an alert', () => {
    render(
      <PlanImport
        isBusy={false}
        onImport={vi.fn()}
        result={{
          kind: 'refused',
          error: 'The plan is not valid: nothing was stored.',
          problems: [
            'stop.price: stop must be below entry for a long',
            'account: give riskPercent or riskAmount',
          ],
        }}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The plan is not valid: nothing was stored.');
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['stop.price: stop must be below entry for a long', 'account: give riskPercent or riskAmount']);
  });

  it('an imported plan: says it is a draft to arm, with its warnings', () => {
    render(
      <PlanImport
        isBusy={false}
        onImport={vi.fn()}
        result={{ kind: 'imported', name: 'BTC breakout', warnings: ['scaleIn.0: too small'] }}
      />,
    );
    expect(screen.getByRole('status').textContent).toMatch(/^Imported “BTC breakout” as a draft/);
    expect(screen.getByRole('list', { name: 'Warnings' }).textContent).toBe('scaleIn.0: too small');
  });

  it('busy: the inputs wait while the background checks the plan', () => {
    render(<PlanImport result={null} isBusy onImport={vi.fn()} />);
    expect((screen.getByLabelText(/Plan file/) as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('Checking the plan…');
  });
});

describe('plan list', () => {
  it('empty: points to the import', () => {
    list([]);
    expect(screen.getByText('No plans yet: import a plan file above.')).toBeTruthy();
  });

  it('draft: can be armed, duplicated or deleted, and exported', () => {
    const props = list([draftView()]);
    expect(document.querySelector('[data-status]')?.textContent).toBe('draft');
    expect(buttons()).toEqual([
      'Arm',
      'Close',
      'Duplicate BTC breakout',
      'Delete BTC breakout',
      'Export BTC breakout: plan file',
      'Export BTC breakout: journal as JSON',
      'Export BTC breakout: journal as CSV',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Arm' }));
    expect(props.onAction).toHaveBeenCalledWith('p1', 'arm');
    fireEvent.click(screen.getByRole('button', { name: 'Export BTC breakout: journal as CSV' }));
    expect(props.onExport).toHaveBeenCalledWith('p1', 'journal-csv');
    fireEvent.click(screen.getByRole('button', { name: 'Duplicate BTC breakout' }));
    expect(props.onDuplicate, 'the plan library: a copy as a new draft').toHaveBeenCalledWith('p1');
  });

  it('armed: state, last price and the next level; pause, mute, close, delete', () => {
    const props = list([armedView()]);
    expect(document.querySelector('[data-status]')?.textContent).toBe('armed');
    const row = document.querySelector('tr[data-plan="p1"]') as HTMLElement;
    expect(row.textContent).toContain('59,800.0');
    expect(row.textContent).toContain('entry 60,000.00.33% · 0.40 ATR');
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    fireEvent.click(screen.getByRole('button', { name: 'Mute' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete BTC breakout' }));
    expect(vi.mocked(props.onAction).mock.calls).toEqual([
      ['p1', 'pause'],
      ['p1', 'mute'],
      ['p1', 'delete'],
    ]);
  });

  it('close asks first: it cancels what is pending', () => {
    const props = list([armedView()]);
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(props.onAction).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Keep' }));
    expect(screen.queryByRole('button', { name: 'Close plan' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    fireEvent.click(screen.getByRole('button', { name: 'Close plan' }));
    expect(props.onAction).toHaveBeenCalledWith('p1', 'close');
  });

  it('paused and muted: shown as flags, with Resume and Unmute', () => {
    const props = list([armedView({ isPaused: true, isMuted: true })]);
    expect(Array.from(document.querySelectorAll('.tr-flag')).map((flag) => flag.textContent)).toEqual([
      'paused',
      'muted',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    fireEvent.click(screen.getByRole('button', { name: 'Unmute' }));
    expect(vi.mocked(props.onAction).mock.calls).toEqual([
      ['p1', 'resume'],
      ['p1', 'unmute'],
    ]);
  });

  it('active with a triggered tranche: the position under the state', () => {
    list([triggeredView()]);
    expect(document.querySelector('[data-status]')?.textContent).toBe('active');
    expect(screen.getByText('0.100 @ 60,000.0')).toBeTruthy();
  });

  it('stale: the price is marked stale', () => {
    list([staleView()]);
    expect(document.querySelector('.tr-stale')?.textContent).toBe('stale');
  });

  it('closed: can be armed again, not closed again; no next level', () => {
    list([closedView()]);
    expect(buttons().slice(0, 3)).toEqual(['Arm again', 'Duplicate BTC breakout', 'Delete BTC breakout']);
    const cells = document.querySelectorAll('tr[data-plan] td');
    expect(cells[3]?.textContent).toBe('—');
  });

  it('outlines the plan named in the address', () => {
    list([armedView(), { ...draftView(), id: 'p2' }], 'p2');
    expect(document.querySelector('tr.tr-highlight')?.getAttribute('data-plan')).toBe('p2');
  });
});

describe('planner page', () => {
  function planner(overrides: Partial<PlannerProps> = {}): PlannerProps {
    const props: PlannerProps = {
      plans: [armedView()],
      quarantined: [],
      history: { bytes: 12_345, maxBytes: 4_000_000 },
      error: null,
      highlightId: null,
      importResult: null,
      isImporting: false,
      deleted: null,
      isShownWithoutPlan: false,
      shortcut: 'Alt+Shift+O',
      onImport: vi.fn(),
      onAction: vi.fn(),
      onExport: vi.fn(),
      onUndoDelete: vi.fn(),
      onDismissDelete: vi.fn(),
      onExportQuarantined: vi.fn(),
      onShowWithoutPlan: vi.fn(),
      onDuplicate: vi.fn(),
      account: { equity: '10000', riskPercent: '1' },
      onSaveAccount: vi.fn(async () => null),
      ...overrides,
    };
    render(<Planner {...props} />);
    return props;
  }

  it('your account: the equity and risk new plans start from, checked before they are kept', async () => {
    const onSaveAccount = vi.fn(async () => null);
    planner({ account: { equity: '', riskPercent: '' }, onSaveAccount });
    const form = screen.getByRole('form', { name: 'Your account' });
    fireEvent.input(within(form).getByLabelText('Equity'), { target: { value: '25,000' } });
    fireEvent.input(within(form).getByLabelText('Risk per trade %'), { target: { value: 'half' } });
    expect(form.querySelector('[data-field="account.riskPercent"] .tr-field-error')?.textContent).toBe(
      'must be a number above 0, like 10000',
    );
    expect((within(form).getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.input(within(form).getByLabelText('Risk per trade %'), { target: { value: '0.50' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(onSaveAccount, 'thousands separators dropped, the number canonical').toHaveBeenCalledWith(
      '25000',
      '0.5',
    );
    await waitFor(() =>
      expect(within(form).getByRole('status').textContent).toBe('Saved: new plans start from these.'),
    );
  });

  it('a deleted plan can be restored with Undo', () => {
    const props = planner({ deleted: { id: 'p7', name: 'ETH fade' } });
    expect(screen.getByRole('status').textContent).toContain('Deleted “ETH fade”.');
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(props.onUndoDelete).toHaveBeenCalledWith('p7');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(props.onDismissDelete).toHaveBeenCalled();
  });

  it('lists records kept aside as unreadable, by name and with the reason, each exportable', () => {
    const entry = {
      key: 'plan/x1',
      label: 'Plan “ETH fade” · ETHUSDT short',
      problem: 'plan.side: Invalid option',
      effect: 'This plan is not running.',
      raw: '{"id":"x1"}',
      at: 5,
    };
    const props = planner({ quarantined: [entry] });
    const item = screen.getByRole('listitem', { name: 'Plan “ETH fade” · ETHUSDT short' });
    expect(item.textContent).toContain('plan.side: Invalid option');
    expect(item.textContent).toContain('plan/x1');
    expect(item.textContent).toContain('This plan is not running.');
    fireEvent.click(screen.getByRole('button', { name: 'Export plan/x1' }));
    expect(props.onExportQuarantined).toHaveBeenCalledWith(entry);
  });

  it('shows the tick history’s size against its cap', () => {
    planner();
    expect(screen.getByText(/12\.3 kB of 4\.0 MB kept/)).toBeTruthy();
    expect(document.querySelector('meter')?.getAttribute('value')).toBe('12345');
  });

  it('the panel’s switch, and the shortcut that toggles it', () => {
    const props = planner();
    fireEvent.click(
      screen.getByRole('checkbox', { name: /Show the panel on supported exchange and chart pages/ }),
    );
    expect(props.onShowWithoutPlan).toHaveBeenCalledWith(true);
    expect(screen.getByText('Alt+Shift+O shows or hides the panel on the page you are on.')).toBeTruthy();
  });

  it('before the background answers: loading, and the switch disabled', () => {
    planner({ plans: null, isShownWithoutPlan: null, shortcut: null });
    expect(screen.getByText('Loading plans…')).toBeTruthy();
    expect((screen.getByRole('checkbox') as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText(/Set a keyboard shortcut/)).toBeTruthy();
  });

  it('shows a refusal plainly', () => {
    planner({ error: 'plan-action failed: no plan "p9"' });
    expect(screen.getByRole('alert').textContent).toBe('plan-action failed: no plan "p9"');
  });
});
