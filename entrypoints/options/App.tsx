import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

import { PageTabs, type PageTab } from '../../components/PageTabs';
import { PlanDesigner } from '../../components/PlanDesigner';
import type { SaveResult } from '../../components/PlanCheck';
import type { ImportResult } from '../../components/PlanImport';
import type { PlanAction } from '../../components/PlanList';
import { Planner } from '../../components/Planner';
import type { ViewScope } from '../../lib/messages/view-port';
import { exportFileName, parsePlanText, planNameOf, type ExportKind } from '../../lib/plan/plan-text';
import { ask } from '../extension-pages/background-client';
import { liveRequests } from '../extension-pages/live-requests';
import { usePlansView } from '../extension-pages/use-plans-view';
import { downloadText } from './download';
import { useLibrary } from './use-library';

/** The planner lists every plan, the records kept aside and the tick history's size. */
const PLANNER_SCOPE: ViewScope = { kind: 'all' };

/** The options page wired to the background: import, lifecycle, export, the panel's switch. */
export function App({
  initialHighlight,
  initialTab,
}: {
  initialHighlight: string | null;
  initialTab: PageTab;
}) {
  const [tab, setTab] = useState<PageTab>(initialTab);
  // The designer mounts when first opened, then stays (hidden) so its text survives a tab switch.
  const [hasDesigner, setHasDesigner] = useState(initialTab === 'design');
  const [saveResult, setSaveResult] = useState<SaveResult | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const { view: loaded, error: viewError } = usePlansView(PLANNER_SCOPE);
  const [actionError, setError] = useState<string | null>(null);
  const error = actionError ?? viewError;
  const [highlightId, setHighlightId] = useState(initialHighlight);
  const [importResult, setImportResult] = useState<ImportResult | null>(null);
  const [isImporting, setIsImporting] = useState(false);
  const [deleted, setDeleted] = useState<{ id: string; name: string } | null>(null);
  // The switch as the trader just set it, until a view carries it (or the change is refused).
  const [switchPending, setSwitchPending] = useState<boolean | null>(null);
  const shownInView = loaded?.isShownWithoutPlan;
  useEffect(() => {
    if (switchPending !== null && shownInView === switchPending) setSwitchPending(null);
  }, [switchPending, shownInView]);
  const [shortcut, setShortcut] = useState<string | null>(null);
  const library = useLibrary(setError);

  useEffect(() => {
    void browser.commands
      .getAll()
      .then((commands) =>
        setShortcut(commands.find((command) => command.name === 'toggle-overlay')?.shortcut || null),
      )
      .catch(() => setShortcut(null));
  }, []);

  const onImport = async (text: string, source: string) => {
    const read = parsePlanText(text, source);
    if (!read.ok) {
      setImportResult({ kind: 'refused', error: read.error, problems: [] });
      return;
    }
    setIsImporting(true);
    const reply = await ask<'plan-import'>({ type: 'plan-import', plan: read.json });
    setIsImporting(false);
    if (!reply.ok) {
      setImportResult({ kind: 'refused', error: reply.error, problems: reply.problems ?? [] });
      return;
    }
    setImportResult({ kind: 'imported', name: planNameOf(read.json) ?? source, warnings: reply.warnings });
    setHighlightId(reply.id);
  };

  const onAction = async (id: string, action: PlanAction) => {
    const plan = loaded?.plans.find((candidate) => candidate.id === id);
    const reply = await ask<'plan-action'>({ type: 'plan-action', id, action });
    setError(reply.ok ? null : reply.error);
    if (reply.ok && action === 'delete') setDeleted({ id, name: plan?.name || plan?.symbol || id });
    if (reply.ok && action === 'restore') setDeleted(null);
  };

  const onExport = async (id: string, kind: ExportKind) => {
    const reply = await ask<'plan-export'>({ type: 'plan-export', id });
    if (!reply.ok) {
      setError(reply.error);
      return;
    }
    const plan = loaded?.plans.find((candidate) => candidate.id === id);
    const fileName = exportFileName(plan?.name ?? '', id, kind);
    if (kind === 'plan')
      downloadText(fileName, `${JSON.stringify(reply.plan, null, 2)}\n`, 'application/json');
    if (kind === 'journal-json')
      downloadText(fileName, `${JSON.stringify(reply.journal, null, 2)}\n`, 'application/json');
    if (kind === 'journal-csv') downloadText(fileName, reply.journalCsv, 'text/csv');
  };

  const onShowWithoutPlan = async (isShown: boolean) => {
    setSwitchPending(isShown);
    const reply = await ask<'overlay-settings-set'>({
      type: 'overlay-settings-set',
      isShownWithoutPlan: isShown,
    });
    if (reply.ok) return;
    setSwitchPending(null);
    setError(reply.error);
  };

  /** The plan library: a copy of a stored plan, as a new draft named so. */
  const onDuplicate = async (id: string) => {
    const exported = await ask<'plan-export'>({ type: 'plan-export', id });
    if (!exported.ok) {
      setError(exported.error);
      return;
    }
    const plan = exported.plan as Record<string, unknown>;
    const name = typeof plan['name'] === 'string' && plan['name'] !== '' ? plan['name'] : 'plan';
    const reply = await ask<'plan-import'>({
      type: 'plan-import',
      plan: { ...plan, name: `${name} (copy)` },
    });
    setError(reply.ok ? null : reply.error);
    // The copy arrives as the next view.
    if (reply.ok) setHighlightId(reply.id);
  };

  const onTab = (next: PageTab) => {
    setTab(next);
    if (next === 'design') setHasDesigner(true);
    history.replaceState(null, '', next === 'design' ? '#design' : location.pathname + location.search);
  };

  const onSaveDraft = async (text: string) => {
    const read = parsePlanText(text, 'The plan');
    if (!read.ok) return;
    setIsSaving(true);
    const reply = await ask<'plan-import'>({ type: 'plan-import', plan: read.json });
    setIsSaving(false);
    if (!reply.ok) {
      setSaveResult({ kind: 'refused', error: reply.error, problems: reply.problems ?? [] });
      return;
    }
    setSaveResult({ kind: 'saved', id: reply.id, name: planNameOf(read.json) ?? 'the plan' });
  };

  const onExportDesign = (text: string, planName: string) => {
    const read = parsePlanText(text, 'The plan');
    if (read.ok)
      downloadText(
        exportFileName(planName, 'draft', 'plan'),
        `${JSON.stringify(read.json, null, 2)}\n`,
        'application/json',
      );
  };

  return (
    <>
      <PageTabs tab={tab} onTab={onTab} />
      {hasDesigner && (
        <main class="tr-page tr-page-wide" hidden={tab !== 'design'}>
          {library.draftText === undefined ? (
            <p role="status" class="tr-muted">
              Loading the draft…
            </p>
          ) : (
            <PlanDesigner
              initialText={library.draftText}
              onDraftText={library.onDraftText}
              templates={library.templates}
              templateResult={library.templateResult}
              onSaveTemplate={(label, plan) => void library.saveTemplate(label, plan)}
              onDeleteTemplate={(id) => void library.deleteTemplate(id)}
              account={library.account}
              history={library.history}
              saveResult={saveResult}
              isSaving={isSaving}
              onSaveDraft={(text) => void onSaveDraft(text)}
              onExport={onExportDesign}
              onShowSaved={(id) => {
                setHighlightId(id);
                onTab('plans');
              }}
            />
          )}
        </main>
      )}
      <div hidden={tab !== 'plans'}>
        <Planner
          plans={loaded?.plans ?? null}
          quarantined={loaded?.quarantined ?? []}
          history={loaded?.history ?? null}
          error={error}
          highlightId={highlightId}
          importResult={importResult}
          isImporting={isImporting}
          deleted={deleted}
          isShownWithoutPlan={switchPending ?? loaded?.isShownWithoutPlan ?? null}
          shortcut={shortcut}
          onImport={(text, source) => void onImport(text, source)}
          onAction={(id, action) => void onAction(id, action)}
          onExport={(id, kind) => void onExport(id, kind)}
          onUndoDelete={(id) => void onAction(id, 'restore')}
          onDismissDelete={() => setDeleted(null)}
          onExportQuarantined={(entry) =>
            downloadText(
              `quarantined-${entry.key.replace(/[^A-Za-z0-9]+/g, '-')}-${entry.at}.json`,
              `${entry.raw}\n`,
              'application/json',
            )
          }
          onShowWithoutPlan={(isShown) => void onShowWithoutPlan(isShown)}
          live={{
            heat: loaded?.heat ?? null,
            actions: liveRequests(async (reply) => {
              const answer = await reply;
              setError(answer.ok ? null : answer.error);
            }),
          }}
          onDuplicate={(id) => void onDuplicate(id)}
          account={library.account}
          onSaveAccount={(equity, riskPercent) => library.saveAccount({ equity, riskPercent })}
        />
      </div>
    </>
  );
}
