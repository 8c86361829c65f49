import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

import { PickPrice, type PickStatus } from '../../components/PickPrice';
import type { PlanActions } from '../../components/PlanCard';
import { Popup } from '../../components/Popup';
import type { QuickPlan } from '../../components/QuickPlan';
import type { PageQuoteView } from '../../lib/messages/planner';
import type { PickedSiteView } from '../../lib/messages/replies';
import { originToMatchPattern } from '../../lib/messages/sender';
import type { ViewScope } from '../../lib/messages/view-port';
import { ask } from '../extension-pages/background-client';
import { openPlanner } from '../extension-pages/open-planner';
import { planRequests, type Ack } from '../extension-pages/plan-requests';
import {
  accountDefaults,
  armQuickPlan,
  pageToPlan,
  type AccountInput,
} from '../extension-pages/quick-plan-requests';
import { loadQuickPlan } from '../extension-pages/quick-plan-loader';
import { usePlansView } from '../extension-pages/use-plans-view';
import type { TargetTab } from './target-tab';

/** The popup shows every armed and active plan. */
const POPUP_SCOPE: ViewScope = { kind: 'active' };

/** The popup wired to the background: plans, confirmations, quiet mode and the price picker. */
export function App({ target, highlightId }: { target: TargetTab | null; highlightId: string | null }) {
  const { view, error: loadError } = usePlansView(POPUP_SCOPE);
  const [actionError, setActionError] = useState<string | null>(null);
  const [sites, setSites] = useState<readonly PickedSiteView[]>([]);
  const [status, setStatus] = useState<PickStatus>({ kind: 'idle' });
  const [page, setPage] = useState<PageQuoteView | null>(null);
  const [planning, setPlanning] = useState<{
    page: PageQuoteView;
    account: AccountInput;
    Form: typeof QuickPlan;
  } | null>(null);
  const [arming, setArming] = useState<{ isBusy: boolean; error: string | null }>({
    isBusy: false,
    error: null,
  });

  /** Send an action and show its refusal plainly; its effect arrives as the next view. */
  const act = async (request: Promise<Ack>) => {
    const reply = await request;
    setActionError(reply.ok ? null : reply.error);
  };
  const actions: PlanActions & { onQuiet: (isQuiet: boolean) => void } = {
    ...planRequests(act),
    onQuiet: (isQuiet) => void act(ask<'quiet-set'>({ type: 'quiet-set', isQuiet })),
    onOpenPlanner: (id) =>
      void openPlanner(id).catch((error: unknown) =>
        setActionError(`The planner did not open: ${String(error)}`),
      ),
  };

  const refreshSites = useCallback(async () => {
    const reply = await ask<'picked-sites-list'>({ type: 'picked-sites-list' });
    if (reply.ok) setSites(reply.sites);
    else setStatus({ kind: 'error', text: reply.error });
  }, []);
  useEffect(() => void refreshSites(), [refreshSites]);

  // The active tab's page, if Tranche reads it: "Plan a trade here" starts from its price.
  useEffect(() => {
    const origin = target?.origin;
    if (target === null || origin === null || origin === undefined) return;
    void pageToPlan({ tabId: target.tabId, origin }).then(setPage);
  }, [target]);

  const planHere = async () => {
    if (page === null) return;
    // The price as of now, not as of the popup's opening.
    const [fresh, account, Form] = await Promise.all([
      pageToPlan({ venue: page.venue, symbol: page.symbol }),
      accountDefaults(),
      loadQuickPlan(),
    ]);
    setArming({ isBusy: false, error: null });
    setPlanning({ page: fresh ?? page, account, Form });
  };

  const arm = async (plan: Record<string, unknown>, account: AccountInput | null) => {
    setArming({ isBusy: true, error: null });
    const error = await armQuickPlan(plan, account);
    setArming({ isBusy: false, error });
    // The armed plan arrives as the next view.
    if (error === null) setPlanning(null);
  };

  const pick = async () => {
    const origin = target?.origin;
    if (target === null || origin === null || origin === undefined) return;
    setStatus({ kind: 'busy' });
    // permissions.request needs the click's user gesture: it is the first await here.
    const pattern = originToMatchPattern(origin, { withPort: !import.meta.env.FIREFOX });
    const isGranted = await browser.permissions.request({ origins: [pattern] }).catch(() => false);
    if (!isGranted) {
      setStatus({ kind: 'error', text: `Tranche needs your permission to read ${origin}.` });
      return;
    }
    const reply = await ask<'picker-start'>({ type: 'picker-start', tabId: target.tabId });
    setStatus(reply.ok ? { kind: 'picking', origin: reply.origin } : { kind: 'error', text: reply.error });
  };

  const remove = async (origin: string) => {
    const reply = await ask<'picked-site-remove'>({ type: 'picked-site-remove', origin });
    if (!reply.ok) setStatus({ kind: 'error', text: reply.error });
    await refreshSites();
  };

  if (planning !== null) {
    return (
      <main class="tr-root tr-auto" style={{ width: '380px' }}>
        <planning.Form
          page={planning.page}
          account={planning.account}
          isArming={arming.isBusy}
          armError={arming.error}
          onArm={(plan, account) => void arm(plan, account)}
          onClose={() => setPlanning(null)}
        />
      </main>
    );
  }
  return (
    <Popup
      page={page}
      onPlanHere={() => void planHere()}
      plans={view?.plans ?? []}
      isQuiet={view?.isQuiet ?? false}
      heat={view?.heat ?? null}
      isLoading={view === null && loadError === null}
      error={actionError ?? loadError}
      highlightId={highlightId}
      actions={actions}
    >
      <PickPrice
        pageOrigin={target?.origin ?? null}
        status={status}
        sites={sites}
        onPick={() => void pick()}
        onRemove={(origin) => void remove(origin)}
      />
    </Popup>
  );
}
