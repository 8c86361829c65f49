// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { HeatSetting } from '../../../components/adjust/HeatSetting';
import { liveChartData } from '../../../components/adjust/live-chart-data';
import { Popup } from '../../../components/Popup';
import { step } from '../../../lib/engine/step';
import { heatView } from '../../../lib/worker/account-heat';
import { planView } from '../../../lib/worker/view';
import { actions, quote, record, ticks } from './plan-views';

afterEach(cleanup);

/** The entry (0.100 at 60,000, stop 59,000) filled: open risk 0.1 × 1,000 = 100. */
function activeRecord() {
  const state = step(ticks('59800', '60000'), { type: 'fill', tranche: 'entry', time: 3 }).state;
  return record(state, 'active');
}

describe('the account heat', () => {
  it('shows in the popup against the cap', () => {
    // Cap: 2 % of 10,000 = 200; 100 of it is 50 %.
    const heat = heatView([activeRecord()], { version: 1, equity: '10000', capPercent: '2' });
    render(<Popup plans={[]} isQuiet={false} heat={heat} error={null} actions={actions()} />);
    expect(screen.getByRole('group', { name: 'Account heat' }).textContent).toBe(
      'Account heat100 of 200 (50.00% of the 2% cap)',
    );
  });

  it('is not shown without a cap', () => {
    const heat = heatView([activeRecord()], { version: 1, equity: null, capPercent: null });
    render(<Popup plans={[]} isQuiet={false} heat={heat} error={null} actions={actions()} />);
    expect(screen.queryByRole('group', { name: 'Account heat' })).toBeNull();
  });

  it('is set on the planner as an equity and a cap, or removed', () => {
    const onHeat = vi.fn();
    const { rerender } = render(<HeatSetting heat={null} onHeat={onHeat} />);
    fireEvent.input(screen.getByLabelText('Equity'), { target: { value: '25,000' } });
    fireEvent.input(screen.getByLabelText('Cap, % of equity'), { target: { value: 'six' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('alert').textContent).toBe('Cap "six" is not a number above 0');
    expect(onHeat).not.toHaveBeenCalled();
    fireEvent.input(screen.getByLabelText('Cap, % of equity'), { target: { value: '6' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onHeat).toHaveBeenLastCalledWith('25000', '6');

    const heat = heatView([activeRecord()], { version: 1, equity: '25000', capPercent: '6' });
    rerender(<HeatSetting heat={heat} onHeat={onHeat} />);
    fireEvent.click(screen.getByRole('button', { name: 'No cap' }));
    expect(onHeat).toHaveBeenLastCalledWith(null, null);
  });
});

describe('a live trade on the planner’s chart', () => {
  it('draws the average entry, the stop, the next add and target, and the key levels', () => {
    const view = planView(activeRecord(), quote('60500'), []);
    const keyed = {
      ...view,
      levels: [{ index: 1, price: '59800', label: 'support', distancePercent: null }],
    };
    expect(liveChartData(keyed).levels.map((level) => `${level.title} ${level.price}`)).toEqual([
      'Avg entry 60000',
      'Stop 59000',
      'add 1 of 1 61000',
      'target 1 of 1 62000',
      'support 59800',
    ]);
  });
});
