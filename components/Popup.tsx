import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

import type { PageQuoteView } from '../lib/messages/planner';
import type { PlanView } from '../lib/worker/view';
import { HeatMeter, type HeatView } from './adjust/HeatMeter';
import { EmptyState } from './EmptyState';
import type { PlanActions } from './PlanCard';
import { PlanCard } from './PlanCard';

export interface PopupProps {
  readonly plans: readonly PlanView[];
  readonly isQuiet: boolean;
  /** The account heat against its cap; null without a cap. */
  readonly heat?: HeatView;
  readonly error: string | null;
  readonly actions: PlanActions & { readonly onQuiet: (isQuiet: boolean) => void };
  /** The plan a notification was about (popup.html?plan=ID): scrolled to and outlined. */
  readonly highlightId?: string | null;
  /** Before the first answer from the background. */
  readonly isLoading?: boolean;
  /** The price picker section (a site no adapter reads), supplied by the entrypoint. */
  readonly children?: ComponentChildren;
  /** The page of the active tab, when Tranche reads it: a trade can be planned there. */
  readonly page?: PageQuoteView | null;
  readonly onPlanHere?: () => void;
}

/** The toolbar popup: every armed and active plan, quiet mode, and the way to the planner. */
export function Popup({
  plans,
  isQuiet,
  heat = null,
  error,
  actions,
  highlightId = null,
  isLoading = false,
  children,
  page = null,
  onPlanHere,
}: PopupProps) {
  const shown = plans.filter((plan) => plan.status === 'armed' || plan.status === 'active');
  const main = useRef<HTMLElement>(null);
  const isHighlightShown = shown.some((plan) => plan.id === highlightId);
  useEffect(() => {
    if (!isHighlightShown || highlightId === null) return;
    const cards = Array.from(main.current?.querySelectorAll<HTMLElement>('[data-plan]') ?? []);
    cards.find((card) => card.dataset['plan'] === highlightId)?.scrollIntoView({ block: 'start' });
  }, [isHighlightShown, highlightId]);
  return (
    <main ref={main} class="tr-root tr-auto" style={{ width: '380px', minHeight: '120px' }}>
      <header class="tr-header">
        <h1>Tranche</h1>
        <label
          class="tr-check tr-muted"
          title="Alerts stay in the popup and the journal, without notifications"
        >
          <input
            type="checkbox"
            checked={isQuiet}
            onChange={(event) => actions.onQuiet(event.currentTarget.checked)}
          />
          Quiet
        </label>
        <button type="button" class="tr-button" onClick={() => actions.onOpenPlanner()}>
          Planner
        </button>
      </header>
      <HeatMeter heat={heat} />
      {error && (
        <div class="tr-banner" role="alert">
          {error}
        </div>
      )}
      {page !== null && onPlanHere !== undefined && (
        <div class="tr-plan-here">
          <button type="button" class="tr-button tr-primary" onClick={onPlanHere}>
            Plan a trade here · {page.symbol}
          </button>
        </div>
      )}
      {isLoading ? (
        <p class="tr-empty" role="status">
          Loading plans…
        </p>
      ) : shown.length === 0 ? (
        <EmptyState onOpenPlanner={() => actions.onOpenPlanner()} />
      ) : (
        shown.map((plan) => (
          <PlanCard key={plan.id} view={plan} actions={actions} isHighlighted={plan.id === highlightId} />
        ))
      )}
      {children}
    </main>
  );
}
