import type { PlanView } from '../lib/worker/view';
import type { AdjustmentFields, AdjustReply } from './adjust/adjust-port';
import { AdjustPanel } from './adjust/AdjustPanel';
import { CorrectFill } from './adjust/CorrectFill';
import { KeyLevelList } from './adjust/KeyLevelList';
import { ConfirmForm } from './ConfirmForm';
import * as format from './format';
import { LevelList } from './LevelList';
import { TrancheTable } from './TrancheTable';

export interface PlanActions {
  /** Settles when the background has answered: the form waits, so a double click sends once. */
  readonly onConfirm: (planId: string, tranche: string, price: string, qty: string) => Promise<void> | void;
  readonly onSkip: (planId: string, tranche: string) => Promise<void> | void;
  readonly onPause: (planId: string) => void;
  readonly onResume: (planId: string) => void;
  /** Open the planner, on this plan when one is given. */
  readonly onOpenPlanner: (planId?: string) => void;
  /** Adjusting a live trade: the preview of an adjustment, or the adjustment itself. */
  readonly onAdjust?: (
    planId: string,
    mode: 'preview' | 'apply',
    adjustment: AdjustmentFields,
    requestId: string,
  ) => Promise<AdjustReply>;
  /** A confirmed fill corrected to the price and quantity the exchange really filled. */
  readonly onCorrect?: (
    planId: string,
    fill: string,
    price: string,
    qty: string,
  ) => Promise<{ ok: true } | { ok: false; error: string }>;
}

/** "armed", "active", "paused", "closed": what the plan is doing, in one word. */
export function planState(view: PlanView): string {
  return view.isPaused && (view.status === 'armed' || view.status === 'active') ? 'paused' : view.status;
}

/**
 * One plan as the popup shows it: the price, what is waiting for the trader, the next
 * levels and how far they are, the position and its risk, the ladder and recent alerts.
 * Compact (the on-page panel): the price, what is waiting, the next levels, the position
 * and the key levels on one line, then the adjustments and corrections of a live trade.
 */
export function PlanCard({
  view,
  actions,
  isCompact = false,
  isHighlighted = false,
}: {
  view: PlanView;
  actions: PlanActions;
  isCompact?: boolean;
  isHighlighted?: boolean;
}) {
  const { tickSize, lotStep } = view;
  const state = planState(view);
  const hasPosition = view.status === 'active' || view.position !== '0';
  const { onAdjust, onCorrect } = actions;
  return (
    <section
      class={`tr-card${isHighlighted ? ' tr-highlight' : ''}`}
      aria-label={`${view.symbol} ${view.side} plan`}
      data-plan={view.id}
    >
      <div class="tr-card-head">
        <span class="tr-symbol">{view.symbol}</span>
        <span class={`tr-side tr-${view.side}`}>{view.side}</span>
        <span class="tr-status" data-status={state}>
          {state}
          {view.isMuted && ' · muted'}
        </span>
      </div>
      {!isCompact && view.name !== '' && <div class="tr-name">{view.name}</div>}
      <div class="tr-quote">
        <span class="tr-price" aria-label="Last price">
          {view.quote ? format.price(view.quote.price, tickSize) : '—'}
        </span>
        {view.quote ? (
          <span class={view.quote.isStale ? 'tr-source tr-stale' : 'tr-source'}>
            {view.quote.isStale ? 'STALE · ' : ''}
            {view.quote.source} · {format.time(view.quote.receivedAt)}
          </span>
        ) : (
          <span class="tr-source">no price yet: open a chart of {view.symbol}</span>
        )}
      </div>
      {view.divergence !== null && (
        <div
          class="tr-diverged"
          role="alert"
          title="The page shows two different prices: Tranche takes neither until they agree again."
        >
          ⚠ {format.divergence(view.divergence, tickSize)} — ticks held
        </div>
      )}
      {view.quote?.isStale === true && (
        <div class="tr-stale-note" role="status">
          No fresh price since {format.time(view.quote.receivedAt)}: distances are from the last price seen.
          Check the {view.symbol} tab.
        </div>
      )}
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
        title={view.status === 'armed' ? 'Waiting for the entry' : 'Next levels'}
        levels={view.status === 'armed' ? [view.entry] : [view.nextAdd, view.nextTarget, view.nextStop]}
        tickSize={tickSize}
        nextTranche={view.next?.tranche ?? null}
      />
      {hasPosition && (
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
          {!isCompact && (
            <>
              <dt>Realized P&amp;L</dt>
              <dd>{format.money(view.realizedPnl)}</dd>
            </>
          )}
        </dl>
      )}
      {isCompact && <KeyLevelList view={view} isCompact />}
      {view.status === 'active' && onAdjust !== undefined && (
        <AdjustPanel
          view={view}
          send={(mode, adjustment, requestId) => onAdjust(view.id, mode, adjustment, requestId)}
        />
      )}
      {view.status === 'active' && onCorrect !== undefined && (
        <CorrectFill view={view} onCorrect={(fill, price, qty) => onCorrect(view.id, fill, price, qty)} />
      )}
      {!isCompact && <KeyLevelList view={view} />}
      {!isCompact && <TrancheTable tranches={view.tranches} tickSize={tickSize} lotStep={lotStep} />}
      {!isCompact && view.alerts.length > 0 && (
        <>
          <div class="tr-subtitle" id={`tr-alerts-${view.id}`}>
            Recent alerts
          </div>
          <ul class="tr-alerts" aria-labelledby={`tr-alerts-${view.id}`}>
            {view.alerts.map((alert) => (
              <li key={`${alert.at}-${alert.text}`} title={alert.text}>
                {format.time(alert.at)} · {alert.text}
              </li>
            ))}
          </ul>
        </>
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
