import type { PlanView } from '../lib/worker/view';
import { ConfirmForm } from './ConfirmForm';
import * as format from './format';
import { LevelList } from './LevelList';
import { TrancheTable } from './TrancheTable';

export interface PlanActions {
  readonly onConfirm: (planId: string, tranche: string, price: string, qty: string) => void;
  readonly onSkip: (planId: string, tranche: string) => void;
  readonly onPause: (planId: string) => void;
  readonly onResume: (planId: string) => void;
  readonly onOpenPlanner: (planId: string) => void;
}

/**
 * One plan as the popup shows it: the price, what is waiting for the trader, the next
 * levels and how far they are, the position and its risk, the ladder and recent alerts.
 */
export function PlanCard({
  view,
  actions,
  isCompact = false,
}: {
  view: PlanView;
  actions: PlanActions;
  isCompact?: boolean;
}) {
  const { tickSize, lotStep } = view;
  const status = view.isPaused ? 'paused' : view.status;
  return (
    <section class="tr-card" aria-label={`${view.symbol} ${view.side} plan`} data-plan={view.id}>
      <div class="tr-card-head">
        <span class="tr-symbol">{view.symbol}</span>
        <span class={`tr-side tr-${view.side}`}>{view.side}</span>
        <span class="tr-status" data-status={status}>
          {status}
          {view.isMuted && ' · muted'}
        </span>
      </div>
      <div>
        <span class="tr-price">{view.quote ? format.price(view.quote.price, tickSize) : '—'}</span>{' '}
        {view.quote ? (
          <span class={view.quote.isStale ? 'tr-source tr-stale' : 'tr-source'}>
            {view.quote.isStale ? 'STALE · ' : ''}
            {view.quote.source} · {format.age(view.quote.ageSeconds)}
          </span>
        ) : (
          <span class="tr-source">no price yet: open a chart of {view.symbol}</span>
        )}
      </div>
      {view.waiting.map((waiting) => (
        <ConfirmForm
          key={`${waiting.tranche}@${waiting.price}`}
          waiting={waiting}
          tickSize={tickSize}
          lotStep={lotStep}
          maxQty={waiting.side === (view.side === 'long' ? 'sell' : 'buy') ? view.position : null}
          onConfirm={(tranche, price, qty) => actions.onConfirm(view.id, tranche, price, qty)}
          onSkip={(tranche) => actions.onSkip(view.id, tranche)}
        />
      ))}
      <LevelList
        levels={view.status === 'armed' ? [view.entry] : [view.nextAdd, view.nextTarget, view.nextStop]}
        tickSize={tickSize}
      />
      {view.status !== 'armed' && (
        <dl class="tr-grid">
          <dt>Position</dt>
          <dd>
            {format.qty(view.position, lotStep)}
            {view.averageEntry !== null && ` @ ${format.price(view.averageEntry, tickSize)}`}
          </dd>
          <dt>Open risk</dt>
          <dd>
            {format.money(view.openRisk)} · {format.percent(view.openRiskPercent)} ·{' '}
            {format.rMultiple(view.openRiskR)}
          </dd>
          <dt>Unrealized</dt>
          <dd>{format.rMultiple(view.unrealizedR)}</dd>
          <dt>Realized P&amp;L</dt>
          <dd>{format.money(view.realizedPnl)}</dd>
        </dl>
      )}
      {!isCompact && <TrancheTable tranches={view.tranches} tickSize={tickSize} lotStep={lotStep} />}
      {!isCompact && view.alerts.length > 0 && (
        <ul class="tr-alerts" aria-label="Recent alerts">
          {view.alerts.map((alert) => (
            <li key={`${alert.at}-${alert.text}`} title={alert.text}>
              {new Date(alert.at).toLocaleTimeString()} · {alert.text}
            </li>
          ))}
        </ul>
      )}
      {!isCompact && (
        <div class="tr-actions">
          {view.isPaused ? (
            <button type="button" class="tr-button" onClick={() => actions.onResume(view.id)}>
              Resume
            </button>
          ) : (
            <button type="button" class="tr-button" onClick={() => actions.onPause(view.id)}>
              Pause
            </button>
          )}
          <button type="button" class="tr-button" onClick={() => actions.onOpenPlanner(view.id)}>
            Open in planner
          </button>
        </div>
      )}
    </section>
  );
}
