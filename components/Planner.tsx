import type { QuarantinedView } from '../lib/messages/plans';
import type { ExportKind } from '../lib/plan/plan-text';
import type { PlanView } from '../lib/worker/view';
import { AccountDefaults } from './AccountDefaults';
import * as format from './format';
import type { HeatView } from './adjust/HeatMeter';
import { LiveTrades, type LiveActions } from './adjust/LiveTrades';
import { KeptAside } from './KeptAside';
import { PlanImport, type ImportResult } from './PlanImport';
import { PlanList, type PlanAction } from './PlanList';

export interface PlannerProps {
  /** null until the background first answers. */
  readonly plans: readonly PlanView[] | null;
  readonly quarantined: readonly QuarantinedView[];
  /** The tick history's size and its cap, in bytes. */
  readonly history: { readonly bytes: number; readonly maxBytes: number } | null;
  readonly error: string | null;
  readonly highlightId: string | null;
  readonly importResult: ImportResult | null;
  readonly isImporting: boolean;
  /** The plan just deleted, until it is restored or the notice dismissed. */
  readonly deleted: { readonly id: string; readonly name: string } | null;
  /** The on-page panel on supported pages without a plan; null until known. */
  readonly isShownWithoutPlan: boolean | null;
  /** The keyboard shortcut that shows or hides the panel ("Alt+Shift+O"), or null when none is set. */
  readonly shortcut: string | null;
  readonly onImport: (text: string, source: string) => void;
  readonly onAction: (planId: string, action: PlanAction) => void;
  readonly onExport: (planId: string, kind: ExportKind) => void;
  readonly onUndoDelete: (planId: string) => void;
  readonly onDismissDelete: () => void;
  readonly onExportQuarantined: (entry: QuarantinedView) => void;
  readonly onShowWithoutPlan: (isShown: boolean) => void;
  /** Live trades and the account heat: absent, the planner shows neither. */
  readonly live?: { readonly heat: HeatView; readonly actions: LiveActions };
  readonly onDuplicate: (planId: string) => void;
  /** The trader's account defaults ("" where not set). */
  readonly account: { readonly equity: string; readonly riskPercent: string };
  readonly onSaveAccount: (equity: string, riskPercent: string) => Promise<string | null>;
}

/**
 * The planner's Plans tab (options page): plans in and out, their
 * lifecycle, the on-page panel's switch, records kept aside as unreadable, and the size
 * of the tick history.
 */
export function Planner(props: PlannerProps) {
  const { plans, quarantined, history, error, deleted } = props;
  return (
    <main class="tr-page">
      <header class="tr-header" style={{ padding: '12px 0', flexWrap: 'wrap' }}>
        <h1>Tranche planner</h1>
        <span class="tr-muted" style={{ flexBasis: '100%' }}>
          Import a plan file, check it, arm it: Tranche then watches its symbol on your TradingView and
          exchange tabs and tells you when to act.
        </span>
      </header>
      {error !== null && (
        <div class="tr-banner" role="alert">
          {error}
        </div>
      )}
      {deleted !== null && (
        <div class="tr-notice" role="status">
          <span style={{ flex: 1 }}>Deleted “{deleted.name}”.</span>
          <button type="button" class="tr-button tr-primary" onClick={() => props.onUndoDelete(deleted.id)}>
            Undo
          </button>
          <button type="button" class="tr-button" aria-label="Dismiss" onClick={props.onDismissDelete}>
            ×
          </button>
        </div>
      )}
      <PlanImport result={props.importResult} isBusy={props.isImporting} onImport={props.onImport} />
      <section class="tr-section" aria-labelledby="tr-plans-title">
        <h2 id="tr-plans-title">Plans</h2>
        {plans === null ? (
          <p role="status" class="tr-muted">
            Loading plans…
          </p>
        ) : (
          <PlanList
            plans={plans}
            highlightId={props.highlightId}
            onAction={props.onAction}
            onExport={props.onExport}
            onDuplicate={props.onDuplicate}
          />
        )}
      </section>
      {props.live !== undefined && (
        <LiveTrades plans={plans ?? []} heat={props.live.heat} actions={props.live.actions} />
      )}
      <KeptAside records={quarantined} onExport={props.onExportQuarantined} />
      <section class="tr-section" aria-labelledby="tr-account-title">
        <h2 id="tr-account-title">Your account</h2>
        <p class="tr-muted" style={{ marginTop: 0 }}>
          A plan made on a page or from a pasted signal risks this much unless you change it there.
        </p>
        <AccountDefaults
          equity={props.account.equity}
          riskPercent={props.account.riskPercent}
          onSave={props.onSaveAccount}
        />
      </section>
      <section class="tr-section" aria-labelledby="tr-panel-title">
        <h2 id="tr-panel-title">On-page panel</h2>
        <label class="tr-check">
          <input
            type="checkbox"
            checked={props.isShownWithoutPlan === true}
            disabled={props.isShownWithoutPlan === null}
            onChange={(event) => props.onShowWithoutPlan(event.currentTarget.checked)}
          />
          Show the panel on supported exchange and chart pages that have no armed plan
        </label>
        <p class="tr-muted" style={{ margin: '6px 0 0' }}>
          {props.shortcut === null
            ? 'Set a keyboard shortcut for “Show or hide the Tranche panel” in the browser’s extension shortcuts.'
            : `${props.shortcut} shows or hides the panel on the page you are on.`}
        </p>
      </section>
      {history !== null && (
        <section class="tr-section" aria-labelledby="tr-history-title">
          <h2 id="tr-history-title">Tick history</h2>
          <label class="tr-check">
            <meter class="tr-meter" min={0} max={history.maxBytes} value={history.bytes} />
            {format.bytes(history.bytes)} of {format.bytes(history.maxBytes)} kept for replaying your plans on
            the prices you saw (the oldest go first).
          </label>
        </section>
      )}
    </main>
  );
}
