import * as z from 'zod/mini';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';

import { OverlayPanel } from '../../components/OverlayPanel';
import type { QuickPlan } from '../../components/QuickPlan';
import type { PlanActions } from '../../components/PlanCard';
import {
  OVERLAY_CHANNEL,
  OverlayPlacedMessageSchema,
  type FrameMessage,
  type OverlayPosition,
} from '../../lib/messages/overlay-frame';
import type { PageQuoteView } from '../../lib/messages/planner';
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
import { createDrag } from './drag';
import type { FrameParams } from './frame-params';

/** This site's place for the panel and its fold: read once, then changed only here. */
interface SiteSettings {
  readonly isCollapsed: boolean;
  readonly position: OverlayPosition | null;
}

/**
 * The on-page panel, an extension page framed into the exchange page: it alone subscribes
 * to the page's plans (pushed by the background after each change) and sends
 * confirmations (extension-page messages); the content script around it only places the
 * frame where this page asks.
 */
export function OverlayApp({ params }: { params: FrameParams }) {
  const scope: ViewScope = { kind: 'page', venue: params.venue, symbol: params.symbol };
  const { view, error: viewError } = usePlansView(scope);
  const [settings, setSettings] = useState<SiteSettings | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const error = actionError ?? viewError;
  const [planning, setPlanning] = useState<{
    page: PageQuoteView;
    account: AccountInput;
    Form: typeof QuickPlan;
  } | null>(null);
  const [arming, setArming] = useState<{ isBusy: boolean; error: string | null }>({
    isBusy: false,
    error: null,
  });
  const root = useRef<HTMLElement>(null);
  const lastLayout = useRef('');

  const post = useCallback(
    (message: FrameMessage) => window.parent.postMessage(message, params.origin),
    [params.origin],
  );
  const drag = useMemo(
    () => createDrag((report) => post({ channel: OVERLAY_CHANNEL, type: 'drag', ...report })),
    [post],
  );

  const saveSettings = useCallback(
    async (change: { position?: OverlayPosition; isCollapsed?: boolean }) => {
      const reply = await ask<'overlay-settings-set'>({
        type: 'overlay-settings-set',
        host: params.host,
        ...change,
      });
      if (!reply.ok) setActionError(reply.error);
    },
    [params.host],
  );

  // The planner's switch (show without a plan) comes with every view; this site's place and
  // fold change only here, so they are read once (a late answer must not undo a drag).
  useEffect(() => {
    void ask<'overlay-settings-get'>({ type: 'overlay-settings-get', host: params.host }).then((reply) => {
      if (!reply.ok) {
        setActionError(reply.error);
        setSettings({ isCollapsed: false, position: null });
        return;
      }
      setSettings({ isCollapsed: reply.site.isCollapsed, position: reply.site.position });
    });
  }, [params.host]);

  // Where a drag left the panel, as the content script clamped it: remembered for this site.
  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.source !== window.parent || event.origin !== params.origin) return;
      const placed = z.safeParse(OverlayPlacedMessageSchema, event.data);
      if (!placed.success) return;
      const { position } = placed.data;
      setSettings((current) => (current === null ? current : { ...current, position }));
      void saveSettings({ position });
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [params.origin, saveSettings]);

  // After every render, and whenever the panel's box changes size without one (its fonts
  // arrive, a quick plan is typed): the frame's wished size and place, sent when they change.
  const postLayout = useCallback(() => {
    const element = root.current;
    if (view === null || settings === null || element === null) return;
    const rect = element.getBoundingClientRect();
    const chrome = element.offsetHeight - element.clientHeight;
    const layout: FrameMessage = {
      channel: OVERLAY_CHANNEL,
      type: 'layout',
      isWanted:
        view.isShownWithoutPlan ||
        view.plans.some((plan) => plan.status === 'armed' || plan.status === 'active'),
      isCollapsed: settings.isCollapsed,
      width: Math.ceil(rect.width),
      height: Math.ceil(Math.max(rect.height, element.scrollHeight + chrome)),
      position: settings.position,
    };
    const key = JSON.stringify(layout);
    if (key === lastLayout.current) return;
    lastLayout.current = key;
    post(layout);
  }, [view, settings, post]);
  useLayoutEffect(postLayout);
  useEffect(() => {
    const element = root.current;
    if (element === null) return;
    const observer = new ResizeObserver(postLayout);
    observer.observe(element);
    return () => observer.disconnect();
  }, [postLayout, view === null, settings === null]);

  /** An action's refusal is shown; its effect arrives as the next view. */
  const after = useCallback(async (reply: Promise<Ack>) => {
    const result = await reply;
    setActionError(result.ok ? null : result.error);
  }, []);
  const actions: PlanActions = {
    ...planRequests(after),
    onOpenPlanner: (id) => void openPlanner(id).catch((cause: unknown) => setActionError(String(cause))),
  };

  const planHere = async () => {
    const [page, account, Form] = await Promise.all([
      pageToPlan({ venue: params.venue, symbol: params.symbol }),
      accountDefaults(),
      loadQuickPlan(),
    ]);
    setArming({ isBusy: false, error: null });
    setPlanning({
      page: page ?? {
        venue: params.venue,
        symbol: params.symbol,
        price: null,
        ageSeconds: null,
        isStale: false,
      },
      account,
      Form,
    });
  };
  const arm = async (plan: Record<string, unknown>, account: AccountInput | null) => {
    setArming({ isBusy: true, error: null });
    const failure = await armQuickPlan(plan, account);
    setArming({ isBusy: false, error: failure });
    // The armed plan arrives as the next view.
    if (failure === null) setPlanning(null);
  };

  if (view === null || settings === null) return null;
  return (
    <OverlayPanel
      rootRef={root}
      plans={view.plans}
      symbol={params.symbol}
      isCollapsed={settings.isCollapsed}
      error={error}
      onToggle={() => {
        if (drag.wasDragged()) return;
        const isCollapsed = !settings.isCollapsed;
        setSettings({ ...settings, isCollapsed });
        void saveSettings({ isCollapsed });
      }}
      onDragStart={drag.start}
      actions={actions}
      onPlanHere={() => void planHere()}
      planning={
        planning === null ? null : (
          <planning.Form
            page={planning.page}
            account={planning.account}
            isArming={arming.isBusy}
            armError={arming.error}
            onArm={(plan, account) => void arm(plan, account)}
            onClose={() => setPlanning(null)}
          />
        )
      }
    />
  );
}
