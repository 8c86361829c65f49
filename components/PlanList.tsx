import { useState } from 'preact/hooks';

import type { PLAN_ACTIONS } from '../lib/messages/plans';
import type { ExportKind } from '../lib/plan/plan-text';
import type { PlanView } from '../lib/worker/view';
import * as format from './format';
import { levelName } from './LevelList';

export type PlanAction = (typeof PLAN_ACTIONS)[number];

/** What a plan can be exported as: the button's text and, after "Export <plan>: ", its accessible name. */
const EXPORTS: readonly { readonly kind: ExportKind; readonly text: string; readonly label: string }[] = [
  { kind: 'plan', text: 'plan', label: 'plan file' },
  { kind: 'journal-json', text: 'journal JSON', label: 'journal as JSON' },
  { kind: 'journal-csv', text: 'journal CSV', label: 'journal as CSV' },
];

export interface PlanListProps {
  readonly plans: readonly PlanView[];
  /** A plan to outline (options.html?plan=ID, or the one just imported). */
  readonly highlightId: string | null;
  readonly onAction: (planId: string, action: PlanAction) => void;
  readonly onExport: (planId: string, kind: ExportKind) => void;
  /** Store a copy of the plan as a new draft (the plan library). */
  readonly onDuplicate: (planId: string) => void;
}

/**
 * Every stored plan with its state (draft, armed, active, closed; paused, muted) and what
 * can be done with it: arm, pause or resume, mute, close (asked twice: it cancels what is
 * pending), delete (undoable), duplicate as a new draft, export the plan and its journal.
 */
export function PlanList({ plans, highlightId, onAction, onExport, onDuplicate }: PlanListProps) {
  const [closing, setClosing] = useState<string | null>(null);
  if (plans.length === 0) {
    return <p class="tr-muted">No plans yet: import a plan file above.</p>;
  }
  return (
    <table class="tr-plans" aria-label="Plans">
      <thead>
        <tr>
          <th scope="col">Plan</th>
          <th scope="col">State</th>
          <th scope="col">Last price</th>
          <th scope="col">Next level</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {plans.map((plan) => {
          const isRunning = plan.status === 'armed' || plan.status === 'active';
          const title = plan.name === '' ? plan.symbol : plan.name;
          return (
            <tr
              key={plan.id}
              data-plan={plan.id}
              class={plan.id === highlightId ? 'tr-highlight' : undefined}
            >
              <td>
                <strong>{plan.symbol}</strong> <span class={`tr-side tr-${plan.side}`}>{plan.side}</span>
                <div class="tr-muted">
                  {title !== plan.symbol && `${title} · `}
                  {plan.venue}
                </div>
              </td>
              <td>
                <span class={`tr-badge tr-badge-${plan.status}`} data-status={plan.status}>
                  {plan.status}
                </span>
                {plan.isPaused && <span class="tr-flag">paused</span>}
                {plan.isMuted && <span class="tr-flag">muted</span>}
                {plan.status === 'active' && (
                  <div class="tr-muted">
                    {format.qty(plan.position, plan.lotStep)}
                    {plan.averageEntry !== null && ` @ ${format.price(plan.averageEntry, plan.tickSize)}`}
                  </div>
                )}
              </td>
              <td>
                {plan.quote === null ? '—' : format.price(plan.quote.price, plan.tickSize)}
                {plan.quote?.isStale === true && <div class="tr-stale">stale</div>}
              </td>
              <td>
                {plan.next === null || !isRunning ? (
                  '—'
                ) : (
                  <>
                    {levelName(plan.next)} {format.price(plan.next.level, plan.tickSize)}
                    <div class="tr-muted">
                      {format.distance(plan.next.distancePercent, plan.next.distanceAtr)}
                    </div>
                  </>
                )}
              </td>
              <td>
                <div class="tr-actions" style={{ marginTop: 0 }}>
                  {(plan.status === 'draft' || plan.status === 'closed') && (
                    <button
                      type="button"
                      class="tr-button tr-primary"
                      onClick={() => onAction(plan.id, 'arm')}
                    >
                      {plan.status === 'draft' ? 'Arm' : 'Arm again'}
                    </button>
                  )}
                  {isRunning &&
                    (plan.isPaused ? (
                      <button type="button" class="tr-button" onClick={() => onAction(plan.id, 'resume')}>
                        Resume
                      </button>
                    ) : (
                      <button type="button" class="tr-button" onClick={() => onAction(plan.id, 'pause')}>
                        Pause
                      </button>
                    ))}
                  {isRunning && (
                    <button
                      type="button"
                      class="tr-button"
                      onClick={() => onAction(plan.id, plan.isMuted ? 'unmute' : 'mute')}
                    >
                      {plan.isMuted ? 'Unmute' : 'Mute'}
                    </button>
                  )}
                  {plan.status !== 'closed' &&
                    (closing === plan.id ? (
                      <span class="tr-check">
                        Close and cancel what is pending?
                        <button
                          type="button"
                          class="tr-button tr-danger"
                          onClick={() => {
                            setClosing(null);
                            onAction(plan.id, 'close');
                          }}
                        >
                          Close plan
                        </button>
                        <button type="button" class="tr-button" onClick={() => setClosing(null)}>
                          Keep
                        </button>
                      </span>
                    ) : (
                      <button type="button" class="tr-button" onClick={() => setClosing(plan.id)}>
                        Close
                      </button>
                    ))}
                  <button
                    type="button"
                    class="tr-button"
                    aria-label={`Duplicate ${title}`}
                    onClick={() => onDuplicate(plan.id)}
                  >
                    Duplicate
                  </button>
                  <button
                    type="button"
                    class="tr-button tr-danger"
                    aria-label={`Delete ${title}`}
                    onClick={() => onAction(plan.id, 'delete')}
                  >
                    Delete
                  </button>
                </div>
                <div class="tr-actions" style={{ marginTop: '4px' }}>
                  <span class="tr-muted">Export:</span>
                  {EXPORTS.map(({ kind, text, label }) => (
                    <button
                      key={kind}
                      type="button"
                      class="tr-link"
                      aria-label={`Export ${title}: ${label}`}
                      onClick={() => onExport(plan.id, kind)}
                    >
                      {text}
                    </button>
                  ))}
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
