// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { LadderChart } from '../../../components/LadderChart';
import { PlanDesigner, type PlanDesignerProps } from '../../../components/PlanDesigner';
import { RiskTable } from '../../../components/RiskTable';
import { planLadder } from '../../../lib/sim/ladder';
import { plan } from '../helpers';

/** lightweight-charts draws on canvas, which happy-dom lacks: a recorder stands in for it. */
const charts = vi.hoisted(() => ({
  created: [] as { priceLines: { price: number; title: string }[]; data: unknown[][]; removed: boolean }[],
}));
vi.mock('lightweight-charts', () => ({
  LineSeries: 'Line',
  LineStyle: { Solid: 0, Dotted: 1, Dashed: 2 },
  LineType: { Simple: 0, WithSteps: 1 },
  createSeriesMarkers: vi.fn(),
  createChart: vi.fn(() => {
    const chart = {
      priceLines: [] as { price: number; title: string }[],
      data: [] as unknown[][],
      removed: false,
    };
    charts.created.push(chart);
    return {
      addSeries: () => ({
        setData: (points: unknown[]) => chart.data.push(points),
        createPriceLine: (line: { price: number; title: string }) =>
          chart.priceLines.push({ price: line.price, title: line.title }),
      }),
      timeScale: () => ({ fitContent: () => undefined }),
      remove: () => {
        chart.removed = true;
      },
    };
  }),
}));

afterEach(() => {
  cleanup();
  charts.created.length = 0;
});

function designer(): PlanDesignerProps {
  const props: PlanDesignerProps = {
    saveResult: null,
    isSaving: false,
    onSaveDraft: vi.fn(),
    onExport: vi.fn(),
    onShowSaved: vi.fn(),
  };
  render(<PlanDesigner {...props} />);
  return props;
}

const editor = () => screen.getByLabelText('Plan JSON') as HTMLTextAreaElement;

describe('the plan editor', () => {
  it('checks the plan at every keystroke and lists each problem on its field', () => {
    const props = designer();
    expect(screen.getByText('✓ Valid plan.')).toBeTruthy();
    const saveButton = screen.getByRole('button', { name: 'Save as draft' }) as HTMLButtonElement;
    expect(saveButton.disabled).toBe(false);

    fireEvent.input(editor(), { target: { value: editor().value.replace('"95"', '"105"') } });
    const problems = within(screen.getByRole('list', { name: 'Problems' })).getAllByRole('listitem');
    expect(problems.map((item) => item.getAttribute('data-field'))).toEqual(['stop.price']);
    expect(problems[0]?.textContent).toMatch(/stop must be below entry for a long \(stop 105, entry 100\)/);
    expect(editor().getAttribute('aria-invalid')).toBe('true');
    expect(saveButton.disabled, 'an invalid plan is not saved').toBe(true);
    expect(
      screen.queryByRole('table', { name: 'Risk per tranche' }),
      'no ladder for an invalid plan',
    ).toBeNull();

    fireEvent.input(editor(), { target: { value: '{ "format": ' } });
    expect(screen.getByText(/The plan is not JSON/)).toBeTruthy();

    fireEvent.input(editor(), { target: { value: editor().value + '"tranche.plan/1" }' } });
    const fields = within(screen.getByRole('list', { name: 'Problems' }))
      .getAllByRole('listitem')
      .map((item) => item.getAttribute('data-field'));
    expect(fields).toEqual(expect.arrayContaining(['instrument', 'entry', 'stop']));
    expect(props.onSaveDraft).not.toHaveBeenCalled();
  });

  it('loads a preset into the editor and hands the text over to save or export', () => {
    const props = designer();
    fireEvent.change(screen.getByLabelText(/Start from a preset/), { target: { value: 'thirds' } });
    expect(editor().value).toContain('"name": "Out in thirds');
    const rows = screen.getByRole('table', { name: 'Risk per tranche' }).querySelectorAll('tbody tr');
    expect([...rows].map((row) => row.getAttribute('data-tranche'))).toEqual([
      'entry',
      'target-1',
      'target-2',
      'target-3',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Save as draft' }));
    expect(props.onSaveDraft).toHaveBeenCalledWith(editor().value);
    fireEvent.click(screen.getByRole('button', { name: 'Export plan file' }));
    expect(props.onExport).toHaveBeenCalledWith(
      editor().value,
      'Out in thirds: breakeven after target 1, stop to target 1 after target 2',
    );
  });

  it('simulates a loaded CSV: the fills and the realized P&L', async () => {
    designer();
    const csv = new File(['time,price\n1,99\n2,100\n3,105\n4,110\n5,115\n6,113\n7,125\n'], 'ticks.csv', {
      type: 'text/csv',
    });
    const input = screen.getByLabelText(/Price data/) as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [csv], configurable: true });
    fireEvent.change(input);
    const fills = await waitFor(() => screen.getByRole('table', { name: 'Simulated fills' }));
    expect([...fills.querySelectorAll('tbody tr')].map((row) => row.getAttribute('data-fill'))).toEqual([
      'entry',
      'add-1',
      'add-2',
      'target-1',
      'target-2',
    ]);
    // The golden pyramid's path without its in-between ticks: 300 + 20 × 12 + 8 × 15 = 660; the
    // single entry 20 × (125 − 100) = 500.
    expect(document.querySelector('[data-stat="realized"]')?.textContent).toBe('660');
    expect(document.querySelector('[data-stat="baseline"]')?.textContent).toBe('500');
  });

  it('says which line of a bad CSV is wrong', async () => {
    designer();
    const input = screen.getByLabelText(/Price data/) as HTMLInputElement;
    const csv = new File(['time,price\n1,100\n2,abc\n'], 'bad.csv');
    Object.defineProperty(input, 'files', { value: [csv], configurable: true });
    fireEvent.change(input);
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('bad.csv:3: price "abc" is not a price above 0'),
    );
  });
});

describe('the risk table', () => {
  it('shows each tranche with its position, average, stops and open risk in money, % and R', () => {
    const pyramid = plan({
      entry: { price: '100' },
      scaleIn: [
        { step: { r: '1' }, size: '0.6' },
        { step: { r: '1' }, size: '0.4' },
      ],
      scaleOut: [
        { at: { r: '3' }, share: '0.5' },
        { at: { r: '5' }, share: 'rest' },
      ],
      stopRules: [{ on: 'add', set: 'breakeven' }],
    });
    const ladder = planLadder(pyramid);
    if (!ladder.ok) throw new Error(ladder.reason);
    render(<RiskTable plan={pyramid} ladder={ladder} />);
    const table = screen.getByRole('table', { name: 'Risk per tranche' });
    const cells = (tranche: string) =>
      [...(table.querySelector(`tr[data-tranche="${tranche}"]`)?.children ?? [])].map(
        (cell) => cell.textContent,
      );
    expect(table.querySelector('caption')?.textContent).toBe('R = 5.00 · risk budget 100 · initial risk 100');
    // Hand-computed in test/unit/sim/ladder.test.ts: 20 @ 100, stop 95, risk 100 = 1 % = 1 R.
    expect(cells('entry')).toEqual(['Entry', '100.00', '+20', '20', '100', '95.00', '100', '1%', '1R', '0']);
    // Average 101.875 shown whole (tick precision + 2), the breakeven stop rounded up to 101.88.
    expect(cells('add-1')).toEqual([
      'Add 1',
      '105.00',
      '+12',
      '32',
      '101.875',
      '101.88',
      '-0.16',
      '0%',
      '0R',
      '0',
    ]);
    expect(cells('target-1')).toEqual([
      'Target 1',
      '115.00',
      '−20',
      '20',
      '107',
      '103.50',
      '70',
      '0.7%',
      '0.7R',
      '300',
    ]);
    expect(cells('target-2')).toEqual(['Target 2', '125.00', '−20', '0', '—', '—', '0', '0%', '0R', '660']);
  });
});

describe('the ladder chart', () => {
  it('draws every level as a price line and removes the chart on unmount', async () => {
    const pyramid = plan({
      scaleIn: [{ step: { r: '1' }, size: '0.5' }],
      scaleOut: [{ at: { r: '2' }, share: 'rest' }],
      stopRules: [{ on: 'add', set: 'breakeven' }],
    });
    designer();
    fireEvent.input(editor(), { target: { value: JSON.stringify(pyramid) } });
    const chart = charts.created[charts.created.length - 1];
    // Entry 100 qty 20, add at 105 qty 10 (average 101.666… → breakeven stop rounds up to 101.67), target 110.
    expect(chart?.priceLines).toEqual([
      { price: 95, title: 'Stop' },
      { price: 100, title: 'Entry' },
      { price: 105, title: 'Add 1' },
      { price: 101.67, title: 'Stop after add 1' },
      { price: 110, title: 'Target 1' },
    ]);
    expect(chart?.data[0], 'the planned path, one step per tranche').toEqual([
      { time: 1, value: 100 },
      { time: 2, value: 105 },
      { time: 3, value: 110 },
    ]);
    expect(chart?.data[1], 'the stop after each fill').toEqual([
      { time: 1, value: 95 },
      { time: 2, value: 101.67 },
      { time: 3, value: 101.67 },
    ]);
    cleanup();
    // Preact runs an unmounted component's effect cleanups right after the unmount, not within it.
    await waitFor(() => expect(charts.created.map((created) => created.removed)).toEqual([true, true]));
  });

  it('rebuilds with the new data when its props change, removing the old chart', async () => {
    const props = {
      label: 'test',
      height: 100,
      formatValue: String,
      formatTime: String,
      series: [{ title: 'a', color: 'text' as const, points: [{ time: 1, value: 1 }] }],
    };
    const { rerender } = render(<LadderChart {...props} />);
    rerender(
      <LadderChart {...props} series={[{ title: 'b', color: 'text', points: [{ time: 1, value: 2 }] }]} />,
    );
    await waitFor(() => expect(charts.created.map((chart) => chart.removed)).toEqual([true, false]));
    expect(charts.created.map((chart) => chart.data)).toEqual([
      [[{ time: 1, value: 1 }]],
      [[{ time: 1, value: 2 }]],
    ]);
  });
});
