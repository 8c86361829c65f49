import type { ComponentChildren } from 'preact';

import type { PlanView } from '../lib/worker/view';
import { EmptyState } from './EmptyState';
import type { PlanActions } from './PlanCard';
import { PlanCard } from './PlanCard';

export interface PopupProps {
  readonly plans: readonly PlanView[];
  readonly isQuiet: boolean;
  readonly error: string | null;
  readonly actions: PlanActions & {
    onQuiet: (isQuiet: boolean) => void;
    onOpenPlanner: (planId?: string) => void;
  };
  /** The price picker section (a site no adapter reads), supplied by the entrypoint. */
  readonly children?: ComponentChildren;
}

/** The toolbar popup: every armed and active plan, quiet mode, and the way to the planner. */
export function Popup({ plans, isQuiet, error, actions, children }: PopupProps) {
  const shown = plans.filter((plan) => plan.status === 'armed' || plan.status === 'active');
  return (
    <main class="tr-root" style={{ width: '380px', minHeight: '120px' }}>
      <header class="tr-header">
        <h1>Tranche</h1>
        <label class="tr-muted">
          <input
            type="checkbox"
            checked={isQuiet}
            onChange={(event) => actions.onQuiet(event.currentTarget.checked)}
          />{' '}
          Quiet
        </label>
        <button type="button" class="tr-button" onClick={() => actions.onOpenPlanner()}>
          Planner
        </button>
      </header>
      {error && (
        <div class="tr-error" role="alert" style={{ padding: '6px 10px' }}>
          {error}
        </div>
      )}
      {shown.length === 0 ? (
        <EmptyState onOpenPlanner={() => actions.onOpenPlanner()} />
      ) : (
        shown.map((plan) => <PlanCard key={plan.id} view={plan} actions={actions} />)
      )}
      {children}
    </main>
  );
}
