import type { PlanView } from '../lib/worker/view';
import * as format from './format';
import type { PlanActions } from './PlanCard';
import { PlanCard } from './PlanCard';

export interface OverlayPanelProps {
  readonly plans: readonly PlanView[];
  readonly isCollapsed: boolean;
  readonly onToggle: () => void;
  /** Pointer down on the drag handle; the entrypoint moves the host element. */
  readonly onDragStart: (event: PointerEvent) => void;
  readonly actions: PlanActions;
}

/**
 * The panel on the exchange page: the plan for the page's symbol, its next levels and the
 * confirm buttons; collapsed, a pill with the distance to the next level.
 */
export function OverlayPanel({ plans, isCollapsed, onToggle, onDragStart, actions }: OverlayPanelProps) {
  const first = plans[0];
  if (first === undefined) return null;
  if (isCollapsed) {
    const next = first.next;
    const isWaiting = plans.some((plan) => plan.waiting.length > 0);
    return (
      <button
        type="button"
        class="tr-pill tr-root"
        aria-label="Show the Tranche panel"
        onClick={onToggle}
        onPointerDown={(event) => onDragStart(event)}
        style={{ borderColor: isWaiting ? 'var(--tr-warn)' : undefined }}
      >
        <span>{first.symbol}</span>
        <span class="tr-muted">
          {isWaiting
            ? 'confirm'
            : next
              ? `${next.kind === 'stop' ? 'stop' : next.label} ${format.percent(next.distancePercent)}`
              : first.status}
        </span>
      </button>
    );
  }
  return (
    <div class="tr-root tr-overlay" role="dialog" aria-label="Tranche">
      <div class="tr-header tr-drag" onPointerDown={(event) => onDragStart(event)}>
        <h1>Tranche</h1>
        <button
          type="button"
          class="tr-button"
          aria-label="Collapse the Tranche panel"
          onClick={onToggle}
          onPointerDown={(event) => event.stopPropagation()}
        >
          –
        </button>
      </div>
      {plans.map((plan) => (
        <PlanCard key={plan.id} view={plan} actions={actions} isCompact />
      ))}
    </div>
  );
}
