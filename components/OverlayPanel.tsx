import type { ComponentChildren, Ref } from 'preact';

import type { PlanView } from '../lib/worker/view';
import * as format from './format';
import { levelName } from './LevelList';
import type { PlanActions } from './PlanCard';
import { PlanCard } from './PlanCard';

export interface OverlayPanelProps {
  /** The page's plans (any status: only armed and active ones are shown). */
  readonly plans: readonly PlanView[];
  /** The symbol of the page the panel is on. */
  readonly symbol: string;
  readonly isCollapsed: boolean;
  readonly error: string | null;
  readonly onToggle: () => void;
  /** Pointer down on the drag handle (the header, or the pill); the entrypoint moves the frame. */
  readonly onDragStart: (event: PointerEvent) => void;
  readonly actions: PlanActions;
  /** The panel's outer element, measured by the entrypoint to size its frame. */
  readonly rootRef?: Ref<HTMLElement>;
  /** Start a quick plan for the page ("Plan a trade here"). */
  readonly onPlanHere?: () => void;
  /** The quick plan, shown instead of the plans while the trader writes it. */
  readonly planning?: ComponentChildren;
}

/**
 * The panel on the exchange page: the plan for the page's symbol, its next levels and the
 * confirm buttons; collapsed, a pill with the distance to the next level (or "confirm"
 * when a tranche waits for the trader).
 */
export function OverlayPanel({
  plans,
  symbol,
  isCollapsed,
  error,
  onToggle,
  onDragStart,
  actions,
  rootRef,
  onPlanHere,
  planning,
}: OverlayPanelProps) {
  const shown = plans.filter((plan) => plan.status === 'armed' || plan.status === 'active');
  const first = shown[0];
  if (isCollapsed) {
    const isWaiting = shown.some((plan) => plan.waiting.length > 0);
    const next = first?.next ?? null;
    const summary = isWaiting
      ? 'confirm'
      : first?.divergence
        ? 'ticks held'
        : next !== null
          ? `${levelName(next)} · ${format.percent(next.distancePercent)}`
          : first === undefined
            ? 'no plan'
            : first.status;
    return (
      <div
        ref={rootRef as Ref<HTMLDivElement>}
        class="tr-root tr-auto"
        style={{ display: 'inline-block', background: 'transparent' }}
      >
        <button
          type="button"
          class={`tr-pill tr-drag${isWaiting ? ' tr-pill-act' : ''}`}
          aria-label={`Show the Tranche panel: ${symbol}, ${summary}`}
          onClick={onToggle}
          onPointerDown={(event) => onDragStart(event)}
        >
          <span>{symbol}</span>
          <span class="tr-pill-next">{summary}</span>
        </button>
      </div>
    );
  }
  return (
    <section
      ref={rootRef}
      class={`tr-root tr-auto tr-overlay${planning === undefined || planning === null ? '' : ' tr-overlay-wide'}`}
      aria-label={`Tranche: ${symbol}`}
    >
      <div class="tr-header tr-drag" onPointerDown={(event) => onDragStart(event)} title="Drag to move">
        <h1>Tranche</h1>
        <button
          type="button"
          class="tr-button"
          aria-label="Collapse the Tranche panel"
          title="Collapse"
          onClick={onToggle}
          onPointerDown={(event) => event.stopPropagation()}
        >
          –
        </button>
      </div>
      {error !== null && (
        <div class="tr-banner" role="alert">
          {error}
        </div>
      )}
      {planning !== undefined && planning !== null ? (
        planning
      ) : first === undefined ? (
        <div class="tr-empty">
          <strong>No armed plan for {symbol}</strong>
          Plan a trade on {symbol} here, or arm one in the planner: its next levels show here.
          <div class="tr-actions" style={{ justifyContent: 'center' }}>
            {onPlanHere !== undefined && (
              <button type="button" class="tr-button tr-primary" onClick={onPlanHere}>
                Plan a trade here
              </button>
            )}
            <button type="button" class="tr-button" onClick={() => actions.onOpenPlanner()}>
              Open the planner
            </button>
          </div>
        </div>
      ) : (
        <>
          {shown.map((plan) => (
            <PlanCard key={plan.id} view={plan} actions={actions} isCompact />
          ))}
          {onPlanHere !== undefined && (
            <div class="tr-plan-here">
              <button type="button" class="tr-button" onClick={onPlanHere}>
                Plan another trade here
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
