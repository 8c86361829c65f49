// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { AdjustPanel } from '../../../components/adjust/AdjustPanel';
import { CorrectFill } from '../../../components/adjust/CorrectFill';
import { LiveTrades } from '../../../components/adjust/LiveTrades';
import type { AdjustSender } from '../../../components/adjust/adjust-port';
import { createAdjustHandlers } from '../../../entrypoints/background/adjust-handlers';
import { applyTick } from '../../../lib/store/quotes';
import { createStores } from '../../../lib/store/stores';
import { PlanService } from '../../../lib/worker/plan-service';
import { planView, type PlanView } from '../../../lib/worker/view';
import { MemoryStore } from '../worker/memory-store';
import { plan } from './plan-views';

vi.mock('lightweight-charts', () => import('./chart-mock'));

/*
 * The adjustment panel against the real background service on memory storage: what the
 * trader sees before and after each adjustment is what the engine computes.
 *
 * The component tests' plan (./plan-views.ts), BTCUSDT long: entry 60,000, stop 59,000 →
 * R = 1,000; budget 10,000 × 1 % = 100 → qty 0.100; ATR 500. Here with a support at
 * 59,800. The entry is confirmed; the price is 60,500.
 */
const PLAN = { ...plan, levels: [{ price: '59800', label: 'support' }] };

let plans: PlanService;
let id: string;
let now: number;

async function currentView(): Promise<PlanView> {
  const record = (await plans.records()).find((found) => found.id === id);
  if (record === undefined) throw new Error('the plan is stored');
  return planView(record, null, await plans.journal(id));
}

beforeEach(async () => {
  now = 1_000;
  let ids = 0;
  const newId = () => `p${(ids += 1)}`;
  const stores = createStores({
    local: new MemoryStore(),
    session: new MemoryStore(),
    now: () => now,
    log: () => undefined,
    newId,
  });
  plans = new PlanService({
    stores,
    notifier: {
      show: async () => undefined,
      shown: async () => [],
      clear: async () => undefined,
      explain: async () => undefined,
    },
    clock: { now: () => now },
    newId,
  });
  const imported = await plans.importPlan(PLAN);
  if (!imported.ok) throw new Error('the plan imports');
  id = imported.id;
  await plans.arm(id);
  // Each price as the background's tick intake takes it: the latest quote, then the plans.
  const tick = async (price: string) => {
    const incoming = {
      venue: 'binance-futures',
      symbol: 'BTCUSDT',
      price,
      time: (now += 1_000),
      source: 'binance-futures',
    };
    await stores.quotes.write(applyTick(await stores.quotes.read(), incoming, now));
    await plans.onTick(incoming);
  };
  await tick('60000');
  await plans.confirm({ id, tranche: 'entry', requestId: 'fill-entry-0001' });
  await tick('60500');
});
afterEach(cleanup);

/** The panel's sender: the background's own handler, as the message router calls it. */
function sender(): AdjustSender & ReturnType<typeof vi.fn> {
  const handlers = createAdjustHandlers(plans);
  return vi.fn(
    (mode: 'preview' | 'apply', adjustment: Record<string, string | number | boolean>, requestId: string) =>
      handlers['plan-adjust'](
        { type: 'plan-adjust', id, mode, adjustment, requestId },
        { role: 'extension-page' },
      ),
  );
}

async function panel(send: AdjustSender) {
  const view = await currentView();
  render(<AdjustPanel view={view} send={send} />);
}

function cells(row: string): string[] {
  const found = screen.getByRole('row', { name: new RegExp(`^${row}`) });
  return Array.from(found.querySelectorAll('td')).map((cell) => cell.textContent ?? '');
}

describe('the adjustment panel', () => {
  it('previews a tighter stop with every number before and after, then applies it', async () => {
    const send = sender();
    await panel(send);
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    fireEvent.input(screen.getByLabelText('Stop price'), { target: { value: '59,500' } });
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    await screen.findByRole('table', { name: 'Effect of the adjustment' });
    expect(cells('Stops')).toEqual(['59,000.0', '59,500.0']);
    // Open risk: 0.1 × 1,000 = 100 (1 % of 10,000, 1R), then 0.1 × 500 = 50.
    expect(cells('Open risk')).toEqual(['100', '50']);
    expect(cells('… of equity')).toEqual(['1.00%', '0.50%']);
    expect(cells('… in R')).toEqual(['1.00R', '0.50R']);
    expect(cells('Position')).toEqual(['0.100', '0.100']);
    expect(send).toHaveBeenCalledTimes(1);
    expect((await currentView()).lots[0]?.stop).toBe('59000');

    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await screen.findByText(/^Applied:/);
    expect((await currentView()).lots[0]?.stop).toBe('59500');
  });

  it('puts the stop a quarter ATR below a key level', async () => {
    await panel(sender());
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    fireEvent.change(screen.getByLabelText('Move the stop'), { target: { value: 'level' } });
    fireEvent.change(screen.getByLabelText('By'), { target: { value: 'atr' } });
    fireEvent.input(screen.getByLabelText('ATR fraction'), { target: { value: '0.25' } });
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    await screen.findByRole('table', { name: 'Effect of the adjustment' });
    // 59,800 − 0.25 × 500 = 59,675.
    expect(cells('Stops')).toEqual(['59,000.0', '59,675.0']);
  });

  it('asks for the reason once the guard refused a wider stop, and applies it with the reason', async () => {
    await panel(sender());
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    fireEvent.input(screen.getByLabelText('Stop price'), { target: { value: '58800' } });
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/against the trade/);

    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await screen.findByText(/Refused, and kept in the journal/);
    const override = screen.getByRole('button', { name: 'Override and apply' });
    expect(override).toHaveProperty('disabled', true);
    const reason = 'news at 14:00: giving it room';
    fireEvent.input(screen.getByLabelText(/Why go against the plan/), { target: { value: reason } });
    fireEvent.click(override);
    await screen.findByText(/^Applied:/);

    const journal = await plans.journal(id);
    const adjusted = journal.filter((entry) => entry.event === 'adjust');
    expect(adjusted.map((entry) => entry.input['override'] ?? null)).toEqual([null, reason]);
    expect((await currentView()).lots[0]?.stop).toBe('58800');
  });

  it('takes a third off at the last price', async () => {
    await panel(sender());
    fireEvent.click(screen.getByRole('button', { name: 'Take off' }));
    fireEvent.click(screen.getByRole('button', { name: 'A third' }));
    // A third of 0.100 is 0.0333…, down to the lot step: 0.033.
    await screen.findByText('Sell 0.033 at 60,500.0 now');
    expect(cells('Position')).toEqual(['0.100', '0.067']);
  });

  it('says what is wrong with a typed price and sends nothing', async () => {
    const send = sender();
    await panel(send);
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    fireEvent.input(screen.getByLabelText('Stop price'), { target: { value: 'abc' } });
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('Stop "abc" is not a number above 0'),
    );
    expect(send).not.toHaveBeenCalled();
  });
});

describe('each adjustment’s form', () => {
  // The pending add-1 is at 61,000 (1R above the entry fill), target-1 at 62,000 (2R).
  it.each<[string, string, (() => void)[], Record<string, string | number | boolean>]>([
    [
      'a stop to breakeven',
      'Stop',
      [() => choose('Move the stop', 'breakeven'), () => click('Preview')],
      { action: 'stop', to: 'breakeven' },
    ],
    [
      'a target moved',
      'Targets',
      [() => type('New price', '61,800'), () => click('Preview the move')],
      { action: 'target', index: 1, price: '61800' },
    ],
    [
      'a new target with its share',
      'Targets',
      [
        () => choose('Target', '0'),
        () => type('Price', '63000'),
        () => type('Share of the peak', '0.5'),
        () => click('Preview the new target'),
      ],
      { action: 'target', price: '63000', share: '0.5' },
    ],
    [
      'an add moved',
      'Adds',
      [() => type('New price', '61200'), () => click('Preview the move')],
      { action: 'add', index: 1, price: '61200' },
    ],
    ['add now, the planned quantity', 'Add now', [() => click('Preview')], { action: 'addNow' }],
    ['half off', 'Take off', [() => click('Half')], { action: 'exitNow', share: '0.5' }],
    ['exit all', 'Take off', [() => click('Exit all')], { action: 'exitNow', all: true }],
    [
      'a quantity off',
      'Take off',
      [() => type('Or', '0.04'), () => choose('As', 'qty'), () => click('Preview')],
      { action: 'exitNow', qty: '0.04' },
    ],
    [
      'a key level added',
      'Levels',
      [() => type('Level', '61500'), () => type('Label', 'resistance'), () => click('Preview')],
      { action: 'level', price: '61500', label: 'resistance' },
    ],
  ])('sends %s to the preview', async (_title, tab, steps, adjustment) => {
    const send = sender();
    await panel(send);
    click(tab);
    for (const stepOf of steps) stepOf();
    await screen.findByRole('table', { name: 'Effect of the adjustment' });
    expect(send).toHaveBeenCalledWith('preview', adjustment, expect.any(String));
  });

  it('removes a key level by its number, and cancels every pending add', async () => {
    const send = sender();
    await panel(send);
    fireEvent.click(screen.getByRole('button', { name: 'Levels' }));
    fireEvent.click(screen.getByRole('button', { name: 'remove' }));
    await screen.findByRole('table', { name: 'Effect of the adjustment' });
    expect(send).toHaveBeenLastCalledWith(
      'preview',
      { action: 'level', index: 1, remove: true },
      expect.any(String),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Adds' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel every add' }));
    await waitFor(() =>
      expect(send).toHaveBeenLastCalledWith('preview', { action: 'add', cancel: true }, expect.any(String)),
    );
  });
});

function type(label: string, value: string): void {
  fireEvent.input(screen.getByLabelText(label, { exact: true }), { target: { value } });
}
function choose(label: string, value: string): void {
  fireEvent.change(screen.getByLabelText(label, { exact: true }), { target: { value } });
}
function click(name: string): void {
  fireEvent.click(screen.getByRole('button', { name }));
}

describe('correcting a confirmed fill', () => {
  it('sends the fill’s new price, and the trade is recomputed from it', async () => {
    const handlers = createAdjustHandlers(plans);
    render(
      <CorrectFill
        view={await currentView()}
        onCorrect={(fill, price, qty) =>
          handlers['plan-correct'](
            { type: 'plan-correct', id, fill, price, qty, requestId: 'correct-0001' },
            { role: 'extension-page' },
          )
        }
      />,
    );
    expect((screen.getByLabelText('Fill') as HTMLSelectElement).selectedOptions[0]?.textContent).toBe(
      'entry: 0.100 @ 60,000.0',
    );
    fireEvent.input(screen.getByLabelText('Filled at'), { target: { value: '60,020' } });
    fireEvent.click(screen.getByRole('button', { name: 'Correct' }));
    await screen.findByText('Corrected: the trade is recomputed from it.');
    // The stop at 59,000 now risks 0.1 × 1,020 = 102.
    expect(await currentView()).toMatchObject({ averageEntry: '60020', openRisk: '102' });
  });
});

describe('the planner’s live trade', () => {
  it('previews the stop where its line is dropped on the chart, snapped up to the tick', async () => {
    const send = sender();
    render(
      <LiveTrades
        plans={[await currentView()]}
        heat={null}
        actions={{ onAdjust: (_id, ...rest) => send(...rest), onCorrect: vi.fn(), onHeat: vi.fn() }}
      />,
    );
    // The chart mock draws price p at y = 1000 − p; 59,480.04 rounds up (toward safety) to 59,480.1.
    const chart = document.querySelector('.tr-live .tr-chart') as HTMLElement;
    fireEvent.pointerDown(chart, { clientY: 1000 - 59000, pointerId: 1 });
    fireEvent.pointerMove(chart, { clientY: 1000 - 59480.04, pointerId: 1 });
    fireEvent.pointerUp(chart, { clientY: 1000 - 59480.04, pointerId: 1 });
    await screen.findByRole('table', { name: 'Effect of the adjustment' });
    expect(send).toHaveBeenCalledWith('preview', { action: 'stop', price: '59480.1' }, expect.any(String));
    expect(cells('Stops')).toEqual(['59,000.0', '59,480.1']);
  });
});
