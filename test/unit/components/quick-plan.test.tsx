// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { OverlayPanel } from '../../../components/OverlayPanel';
import { Popup } from '../../../components/Popup';
import { QuickPlan, type QuickPlanProps } from '../../../components/QuickPlan';
import { actions, armedView } from './plan-views';

afterEach(cleanup);

const BINANCE = {
  venue: 'binance-futures',
  symbol: 'BTCUSDT',
  price: '59800',
  ageSeconds: 2,
  isStale: false,
};

function quickPlan(overrides: Partial<QuickPlanProps> = {}): QuickPlanProps {
  const props: QuickPlanProps = {
    page: BINANCE,
    account: { equity: '10000', riskPercent: '1' },
    isArming: false,
    armError: null,
    onArm: vi.fn(),
    onClose: vi.fn(),
    ...overrides,
  };
  render(<QuickPlan {...props} />);
  return props;
}

const input = (label: string) => screen.getByLabelText(label, { exact: true }) as HTMLInputElement;
const type = (label: string, value: string) => fireEvent.input(input(label), { target: { value } });
const problemUnder = (field: string) =>
  document.querySelector(`[data-field="${field}"] .tr-field-error`)?.textContent ?? '';
const row = (tranche: string) =>
  [...(document.querySelector(`tr[data-tranche="${tranche}"]`)?.children ?? [])].map(
    (cell) => cell.textContent,
  );

describe('plan a trade here', () => {
  it('starts from the page: its symbol, venue, last price, and the instrument table’s steps', () => {
    quickPlan();
    expect(screen.getByRole('heading').textContent).toBe('Plan a trade · BTCUSDT');
    expect(input('Entry').value).toBe('59800');
    expect(document.querySelector('.tr-quick-price')?.textContent).toBe('59,800.0');
    expect(document.querySelector('.tr-quick-steps summary')?.textContent).toBe(
      'Tick 0.1 · lot 0.001 · min 0.001 · min value 100 from the instrument table (2026-12-05)',
    );
    expect([input('Equity').value, input('Risk %').value], 'the trader’s account defaults').toEqual([
      '10000',
      '1',
    ]);
  });

  it('without a table entry, the steps come from the last price’s decimals, and say to check them', () => {
    quickPlan({ page: { ...BINANCE, venue: 'kraken', symbol: 'FOOUSD', price: '1.2345' } });
    // 1.2345: four decimals → tick 0.0001; 1 / 1.2345 = 0.81 → lot 0.1.
    expect(document.querySelector('.tr-quick-steps summary')?.textContent).toBe(
      'Tick 0.0001 · lot 0.1 from the last price’s decimals: check them',
    );
    expect(input('Tick size').value).toBe('0.0001');
  });

  it('side, stop and risk make the plan: its ladder and risk show before it is armed', () => {
    const props = quickPlan();
    type('Entry', '60000');
    type('Stop', '59000');
    fireEvent.change(screen.getByLabelText('Fills when the price'), { target: { value: 'above' } });
    // R = 1,000; budget 10,000 × 1 % = 100 → 100 / 1,000 = 0.100; out at 2R = 62,000.0.
    expect(
      screen.getByRole('table', { name: 'Risk per tranche' }).querySelector('caption')?.textContent,
    ).toBe('R = 1,000.0 · risk budget 100 · initial risk 100');
    expect(row('entry')).toEqual(['Entry', '60,000.0', '+0.100', '59,000.0', '100', '1R']);
    expect(row('target-1')).toEqual(['Target 1', '62,000.0', '−0.100', '—', '0', '0R']);
    fireEvent.click(screen.getByRole('button', { name: 'Arm this plan' }));
    expect(props.onArm).toHaveBeenCalledWith(
      expect.objectContaining({
        instrument: {
          venue: 'binance-futures',
          symbol: 'BTCUSDT',
          tickSize: '0.1',
          lotStep: '0.001',
          minQty: '0.001',
          minNotional: '100',
        },
        entry: { price: '60000', when: 'above' },
        stop: { price: '59000' },
        account: { equity: '10000', riskPercent: '1' },
      }),
      null,
    );
  });

  it('a short with a % stop and the pyramid: the adds show in the ladder', () => {
    quickPlan();
    fireEvent.click(screen.getByText('Short'));
    type('Entry', '60000');
    fireEvent.change(screen.getByLabelText('Stop in'), { target: { value: 'percent' } });
    type('Stop', '1');
    fireEvent.change(screen.getByLabelText('Ladder'), { target: { value: 'pyramid' } });
    const tranches = [...document.querySelectorAll('tr[data-tranche]')].map((tr) =>
      tr.getAttribute('data-tranche'),
    );
    expect(tranches).toEqual(['entry', 'add-1', 'add-2', 'target-1', 'target-2']);
    // 1 % of 60,000 above a short's entry: the stop at 60,600.0, R = 600.
    expect(row('entry')[3]).toBe('60,600.0');
  });

  it('each problem shows on its field, and nothing is armed until the plan is valid', () => {
    const props = quickPlan({ account: { equity: '', riskPercent: '' } });
    expect(problemUnder('stop')).toBe('is missing');
    expect(problemUnder('account.riskPercent')).toMatch(/^give either "riskPercent"/);
    type('Equity', '5000');
    type('Risk %', '2');
    expect(problemUnder('account.riskPercent')).toBe('');
    // The fields read, the trade is checked as a whole: the stop's side, on the rounded prices.
    type('Stop', '61000');
    expect(problemUnder('stop')).toMatch(/^stop must be below entry for a long \(stop 61000, entry 59800\)/);
    expect((screen.getByRole('button', { name: 'Arm this plan' }) as HTMLButtonElement).disabled).toBe(true);
    type('Stop', '59000');
    fireEvent.click(screen.getByRole('button', { name: 'Arm this plan' }));
    expect(props.onArm, 'first-time equity and risk are kept as the defaults').toHaveBeenCalledWith(
      expect.objectContaining({ account: { equity: '5000', riskPercent: '2' } }),
      { equity: '5000', riskPercent: '2' },
    );
  });

  it('a page with no price yet: every step is asked', () => {
    quickPlan({ page: { ...BINANCE, venue: 'kraken', symbol: 'FOOUSD', price: null, ageSeconds: null } });
    expect(document.querySelector('.tr-quick-steps')?.hasAttribute('open')).toBe(true);
    expect(problemUnder('instrument.tickSize')).toBe('is missing');
    expect((screen.getByRole('button', { name: 'Arm this plan' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('where “Plan a trade here” is', () => {
  it('the popup, on a page Tranche reads, names its symbol', () => {
    const onPlanHere = vi.fn();
    render(
      <Popup
        plans={[]}
        isQuiet={false}
        error={null}
        actions={actions()}
        page={BINANCE}
        onPlanHere={onPlanHere}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Plan a trade here · BTCUSDT' }));
    expect(onPlanHere).toHaveBeenCalled();
  });

  it('the popup elsewhere has no such button', () => {
    render(
      <Popup plans={[]} isQuiet={false} error={null} actions={actions()} page={null} onPlanHere={vi.fn()} />,
    );
    expect(screen.queryByRole('button', { name: /Plan a trade here/ })).toBeNull();
  });

  it('the panel: in its empty state, and under the plans; the quick plan takes the plans’ place', () => {
    const onPlanHere = vi.fn();
    const base = {
      symbol: 'BTCUSDT',
      isCollapsed: false,
      error: null,
      onToggle: vi.fn(),
      onDragStart: vi.fn(),
      actions: actions(),
      onPlanHere,
    };
    const { rerender } = render(<OverlayPanel {...base} plans={[]} />);
    fireEvent.click(screen.getByRole('button', { name: 'Plan a trade here' }));
    rerender(<OverlayPanel {...base} plans={[armedView()]} />);
    fireEvent.click(screen.getByRole('button', { name: 'Plan another trade here' }));
    expect(onPlanHere).toHaveBeenCalledTimes(2);
    rerender(<OverlayPanel {...base} plans={[armedView()]} planning={<p>the quick plan</p>} />);
    const panel = screen.getByRole('region', { name: 'Tranche: BTCUSDT' });
    expect(within(panel).getByText('the quick plan')).toBeTruthy();
    expect(within(panel).queryByLabelText('Last price')).toBeNull();
  });
});
