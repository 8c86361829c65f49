// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { LadderChart } from '../../../components/LadderChart';
import { RiskTable } from '../../../components/RiskTable';
import { planLadder } from '../../../lib/sim/ladder';
import { plan } from '../helpers';
import { charts } from './chart-mock';
import { renderDesigner } from './designer-setup';

vi.mock('lightweight-charts', () => import('./chart-mock'));

afterEach(() => {
  cleanup();
  charts.created.length = 0;
});

const designer = renderDesigner;

const editor = () => screen.getByLabelText('Plan JSON') as HTMLTextAreaElement;

describe('the plan editor', () => {
  it('checks the plan file at every keystroke and lists each problem on its field', () => {
    const props = designer();
    expect(screen.getByText('✓ Valid plan.')).toBeTruthy();
    const saveButton = screen.getByRole('button', { name: 'Save as draft' }) as HTMLButtonElement;
    expect(saveButton.disabled).toBe(false);

    fireEvent.input(editor(), { target: { value: editor().value.replace('"95"', '"105"') } });
    const problems = within(screen.getByRole('list', { name: 'Problems' })).getAllByRole('listitem');
    expect(problems.map((item) => item.getAttribute('data-field'))).toEqual(['stop.price']);
    expect(problems[0]?.textContent).toMatch(/stop must be below entry for a long \(stop 105, entry 100\)/);
    expect(
      document.querySelector('[data-field="stop"] input')?.getAttribute('aria-invalid'),
      'the form marks the stop',
    ).toBe('true');
    expect(saveButton.disabled, 'an invalid plan is not saved').toBe(true);
    expect(
      screen.queryByRole('table', { name: 'Risk per tranche' }),
      'no ladder for an invalid plan',
    ).toBeNull();

    fireEvent.input(editor(), { target: { value: '{ "format": ' } });
    expect(screen.getByText(/The plan file is not JSON/)).toBeTruthy();
    expect(editor().getAttribute('aria-invalid')).toBe('true');

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

  it('draws the plan’s key levels across the simulated price', async () => {
    designer();
    fireEvent.input(editor(), {
      target: { value: JSON.stringify(plan({ levels: [{ price: '120', label: 'resistance' }] })) },
    });
    const csv = new File(['time,price\n1,99\n2,100\n3,105\n'], 'ticks.csv', { type: 'text/csv' });
    const input = screen.getByLabelText(/Price data/) as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [csv], configurable: true });
    fireEvent.change(input);
    // The last two charts are the simulation's: the price, then the equity.
    await waitFor(() =>
      expect(charts.created.at(-2)?.priceLines).toEqual([{ price: 120, title: 'resistance' }]),
    );
    expect(charts.created.at(-1)?.priceLines).toEqual([]);
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

describe('the ladder chart’s drag (any owner: the planner, a live plan’s stop)', () => {
  it('hands over the key and the snapped price of a keyed level; a level without a key stays put', () => {
    const onDragLevel = vi.fn();
    render(
      <LadderChart
        label="test"
        height={100}
        formatValue={String}
        formatTime={String}
        series={[{ title: 'a', color: 'text', points: [{ time: 1, value: 100 }] }]}
        levels={[
          { price: 95, title: 'Stop', color: 'sell', style: 'solid', key: 'stop' },
          { price: 80, title: 'Support', color: 'muted', style: 'dotted' },
        ]}
        onDragLevel={onDragLevel}
        snapPrice={(price) => Math.round(price)}
      />,
    );
    const chart = document.querySelector('.tr-chart') as HTMLElement;
    // The mock draws price p at y = 1000 − p: the stop's line is at 905, the support's at 920.
    fireEvent.pointerDown(chart, { clientY: 905, pointerId: 1 });
    fireEvent.pointerMove(chart, { clientY: 902.4, pointerId: 1 });
    fireEvent.pointerUp(chart, { clientY: 902.4, pointerId: 1 });
    expect(onDragLevel).toHaveBeenCalledWith('stop', 98);
    fireEvent.pointerDown(chart, { clientY: 920, pointerId: 2 });
    fireEvent.pointerMove(chart, { clientY: 900, pointerId: 2 });
    fireEvent.pointerUp(chart, { clientY: 900, pointerId: 2 });
    expect(onDragLevel).toHaveBeenCalledTimes(1);
  });
});

describe('dragging the ladder’s levels', () => {
  /** Drag a level's line (the chart mock draws price p at y = 1000 − p) to a new price. */
  function drag(from: number, to: number): void {
    const chart = document.querySelector('.tr-ladder .tr-chart') as HTMLElement;
    fireEvent.pointerDown(chart, { clientY: 1000 - from, pointerId: 1 });
    fireEvent.pointerMove(chart, { clientY: 1000 - to, pointerId: 1 });
    fireEvent.pointerUp(chart, { clientY: 1000 - to, pointerId: 1 });
  }
  const file = () => JSON.parse((screen.getByLabelText('Plan JSON') as HTMLTextAreaElement).value);
  const level = (tranche: string) =>
    document.querySelector(`table[aria-label="Risk per tranche"] tr[data-tranche="${tranche}"] td`)
      ?.textContent;

  // The pyramid preset: entry 100, stop 95 (R = 5), adds at +1R from the fill before (105, 110),
  // targets at 3R (115) and 5R (125) from the entry.
  it.each([
    {
      what: 'a target, in R from the entry',
      from: 115,
      to: 120.004,
      path: ['scaleOut', 0, 'at'],
      measure: { r: '4' },
    },
    {
      what: 'an add, in R from the add before it',
      from: 110,
      to: 112,
      path: ['scaleIn', 1, 'step'],
      measure: { r: '1.4' },
    },
    { what: 'the stop, at its price', from: 95, to: 96, path: ['stop'], measure: { price: '96' } },
    { what: 'the entry, at its price', from: 100, to: 99.5, path: ['entry', 'price'], measure: '99.5' },
  ])('$what: snapped to the tick, the form and the risk table follow', ({ from, to, path, measure }) => {
    designer();
    drag(from, to);
    let value: unknown = file();
    for (const key of path) value = (value as Record<string | number, unknown>)[key];
    expect(value).toEqual(measure);
    expect(charts.created.at(-2)?.moved.at(-1)?.price, 'the line followed the pointer, on the tick').toBe(
      Math.round(to * 100) / 100,
    );
  });

  it('a target dragged to 4R: its level in the risk table is 100 + 4 × 5 = 120.00', () => {
    designer();
    drag(115, 120);
    expect(level('target-1')).toBe('120.00');
    expect((document.querySelector('[data-field="scaleOut[0].at"] input') as HTMLInputElement).value).toBe(
      '4',
    );
  });

  it('a press away from every line drags nothing', () => {
    const props = designer();
    drag(150, 160);
    expect(props.onDraftText).not.toHaveBeenCalledWith(expect.stringContaining('"r": "9"'));
    expect(file().scaleOut[0].at).toEqual({ r: '3' });
  });
});

describe('replaying the prices the extension recorded', () => {
  it('reads the chosen symbol and period from the background and simulates the plan on it', async () => {
    const start = Date.UTC(2026, 10, 26, 9, 30);
    const prices = ['99', '100', '105', '110', '115', '113', '125'];
    const read = vi.fn(async () => ({
      ok: true as const,
      rows: {
        kind: 'ticks' as const,
        ticks: prices.map((price, index) => ({ time: start + index * 1000, price })),
      },
    }));
    designer({
      history: { spans: [{ symbol: 'DEMO', fromMillis: start, toMillis: start + 3_600_000 }], read },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Replay these prices' }));
    const fills = await waitFor(() => screen.getByRole('table', { name: 'Simulated fills' }));
    // The chosen minute: the period's start and end as the inputs hold them (to the minute).
    expect(read).toHaveBeenCalledWith('DEMO', start, start + 3_600_000);
    expect([...fills.querySelectorAll('tbody tr')].map((row) => row.getAttribute('data-fill'))).toEqual([
      'entry',
      'add-1',
      'add-2',
      'target-1',
      'target-2',
    ]);
    // As the CSV above: 300 + 20 × 12 + 8 × 15 = 660.
    expect(document.querySelector('[data-stat="realized"]')?.textContent).toBe('660');
  });

  it('says so when the period holds no prices, and that nothing was recorded yet', async () => {
    const read = vi.fn(async () => ({ ok: true as const, rows: { kind: 'candles' as const, candles: [] } }));
    designer({ history: { spans: [{ symbol: 'DEMO', fromMillis: 0, toMillis: 60_000 }], read } });
    fireEvent.click(screen.getByRole('button', { name: 'Replay these prices' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toMatch(/^No DEMO prices were recorded between/),
    );
    cleanup();
    designer({ history: { spans: [], read } });
    expect(screen.getByText(/No recorded prices yet/)).toBeTruthy();
  });
});

describe('a pasted signal', () => {
  const SIGNAL = '#BTC/USDT LONG\nEntry: 64000\nTP1: 66000\nTP2: 68000';

  it('asks what it lacks in a field, never guesses, then fills the form with the trader’s risk', () => {
    designer({ account: { equity: '20000', riskPercent: '0.5' } });
    fireEvent.input(screen.getByLabelText(/Paste a signal/), { target: { value: SIGNAL } });
    const questions = screen.getByRole('list', { name: 'Questions about the signal' });
    expect(questions.textContent).toMatch(/^stop: no stop loss found/);
    expect(screen.queryByRole('button', { name: 'Fill the plan form' })).toBeNull();
    fireEvent.input(screen.getByLabelText('Stop price'), { target: { value: '63000' } });
    expect(screen.getByRole('status').textContent).toMatch(/^✓ BTCUSDT long · entry 64,000 · 2 targets/);
    fireEvent.click(screen.getByRole('button', { name: 'Fill the plan form' }));
    const file = JSON.parse((screen.getByLabelText('Plan JSON') as HTMLTextAreaElement).value);
    expect(file).toMatchObject({
      side: 'long',
      account: { equity: '20000', riskPercent: '0.5' },
      entry: { price: '64000' },
      stop: { price: '63000' },
      scaleOut: [
        { at: { price: '66000' }, share: '0.5' },
        { at: { price: '68000' }, share: 'rest' },
      ],
    });
    expect((document.querySelector('[data-field="instrument.symbol"] input') as HTMLInputElement).value).toBe(
      'BTCUSDT',
    );
  });

  it('asks a side it cannot tell, with a choice', () => {
    designer();
    fireEvent.input(screen.getByLabelText(/Paste a signal/), {
      target: { value: '#BTC/USDT\nEntry: 64000\nTP1: 63000\nSL: 63500' },
    });
    expect(screen.getByRole('list', { name: 'Questions about the signal' }).textContent).toMatch(/side:/);
    fireEvent.change(screen.getByLabelText('Side'), { target: { value: 'short' } });
    expect(screen.getByRole('list', { name: 'Questions about the signal' }).textContent).toMatch(
      /stop must be above entry for a short/,
    );
  });
});
