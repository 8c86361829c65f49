import { useMemo, useState } from 'preact/hooks';

import { Decimal, toCanonical } from '../../lib/decimal';
import { roundStop } from '../../lib/sizing/round';

import type { PlanView } from '../../lib/worker/view';
import * as format from '../format';
import { LadderChart } from '../LadderChart';
import type { PlanActions } from '../PlanCard';
import { AdjustPanel } from './AdjustPanel';
import { CorrectFill } from './CorrectFill';
import { HeatSetting } from './HeatSetting';
import type { HeatView } from './HeatMeter';
import type { AdjustmentFields } from './adjust-port';
import { liveChartData, stopAdjustmentFor } from './live-chart-data';

/** What the planner's live trades send: the adjustments and corrections the cards send, and the heat setting. */
export type LiveActions = Required<Pick<PlanActions, 'onAdjust' | 'onCorrect'>> & {
  readonly onHeat: (equity: string | null, capPercent: string | null) => Promise<void> | void;
};

/** The planner's live trades: each active plan drawn with its stops and key levels, and adjusted here; the account heat setting. */
export function LiveTrades({
  plans,
  heat,
  actions,
}: {
  plans: readonly PlanView[];
  heat: HeatView;
  actions: LiveActions;
}) {
  const active = plans.filter((plan) => plan.status === 'active');
  return (
    <>
      {active.length > 0 && (
        <section class="tr-section" aria-labelledby="tr-live-title">
          <h2 id="tr-live-title">Live trades</h2>
          {active.map((view) => (
            <LiveTrade key={view.id} view={view} actions={actions} />
          ))}
        </section>
      )}
      <HeatSetting heat={heat} onHeat={actions.onHeat} />
    </>
  );
}

function LiveTrade({ view, actions }: { view: PlanView; actions: LiveActions }) {
  // Redrawn when a line moves, not on every refresh of the view.
  const drawn = liveChartData(view);
  const drawnKey = JSON.stringify(drawn);
  const chart = useMemo(() => drawn, [drawnKey]);
  const formatValue = useMemo(() => (value: number) => format.axis(value, view.tickSize), [view.tickSize]);
  // A stop line dragged: snapped to the tick toward safety, then previewed in the panel (the guard applies).
  const [proposal, setProposal] = useState<{ adjustment: AdjustmentFields; at: number } | null>(null);
  const onTick = (price: number) => roundStop(new Decimal(price), new Decimal(view.tickSize), view.side);
  const snapPrice = (price: number) => Number(onTick(price));
  const onDragLevel = (key: string, price: number) => {
    const adjustment = stopAdjustmentFor(key, toCanonical(onTick(price)));
    if (adjustment !== null) setProposal({ adjustment, at: Date.now() });
  };
  return (
    <div class="tr-live" data-plan={view.id}>
      <div class="tr-card-head">
        <span class="tr-symbol">{view.symbol}</span>
        <span class={`tr-side tr-${view.side}`}>{view.side}</span>
        <span class="tr-muted">
          {format.qty(view.position, view.lotStep)} @ {format.price(view.averageEntry, view.tickSize)} · open
          risk {format.money(view.openRisk)} · {format.percent(view.openRiskPercent)} ·{' '}
          {format.rMultiple(view.openRiskR)}
        </span>
      </div>
      <div class="tr-live-body">
        <LadderChart
          label={`${view.symbol} live: ${chart.levels.map((level) => `${level.title} ${formatValue(level.price)}`).join(', ')}`}
          series={chart.series}
          levels={chart.levels}
          range={chart.range}
          onDragLevel={onDragLevel}
          snapPrice={snapPrice}
          height={260}
          formatValue={formatValue}
          formatTime={() => ''}
        />
        <div>
          <AdjustPanel
            view={view}
            proposal={proposal}
            send={(mode, adjustment, requestId) => actions.onAdjust(view.id, mode, adjustment, requestId)}
          />
          <CorrectFill
            view={view}
            onCorrect={(fill, price, qty) => actions.onCorrect(view.id, fill, price, qty)}
          />
        </div>
      </div>
    </div>
  );
}
