import * as z from 'zod/mini';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';

import { OverlayPanel } from '../../components/OverlayPanel';
import { QuickPlan } from '../../components/QuickPlan';
import type { PlanActions } from '../../components/PlanCard';
import {
  OVERLAY_CHANNEL,
  OverlayPlacedMessageSchema,
  type FrameMessage,
  type OverlayPosition,
} from '../../lib/messages/overlay-frame';
import type { PageQuoteView } from '../../lib/messages/planner';
import type { PlanView } from '../../lib/worker/view';
import { ask } from '../extension-pages/background-client';
import { openPlanner } from '../extension-pages/open-planner';
import { planRequests, type Ack } from '../extension-pages/plan-requests';
import {
  accountDefaults,
  armQuickPlan,
  pageToPlan,
  type AccountInput,
} from '../extension-pages/quick-plan-requests';
import { usePolling } from '../extension-pages/use-polling';
import { createDrag } from './drag';
import type { FrameParams } from './frame-params';

/** How often the panel asks for its plans while the page is visible. */
const REFRESH_MILLIS = 1000;

interface Settings {
  readonly isShownWithoutPlan: boolean;
  readonly isCollapsed: boolean;
  readonly position: OverlayPosition | null;
}

/**
 * The on-page panel, an extension page framed into the exchange page: it alone asks the
 * background for the page's plans and sends confirmations (extension-page messages); the
 * content script around it only places the frame where this page asks.
 */
export function OverlayApp({ params }: { params: FrameParams }) {
  const [plans, setPlans] = useState<readonly PlanView[] | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [planning, setPlanning] = useState<{ page: PageQuoteView; account: AccountInput } | null>(null);
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

  const load = useCallback(async () => {
    const [reply, shown] = await Promise.all([
      ask<'plans-view'>({ type: 'plans-view', page: { venue: params.venue, symbol: params.symbol } }),
      ask<'overlay-settings-get'>({ type: 'overlay-settings-get' }),
    ]);
    if (reply.ok) setPlans(reply.plans);
    else setError(reply.error);
    // The planner's switch may change while the page is open; this site's place and fold
    // change only here, so they are read once (a late answer must not undo a drag).
    if (shown.ok) {
      setSettings((current) =>
        current === null ? current : { ...current, isShownWithoutPlan: shown.isShownWithoutPlan },
      );
    }
  }, [params.venue, params.symbol]);
  usePolling(load, REFRESH_MILLIS);

  const saveSettings = useCallback(
    async (change: { position?: OverlayPosition; isCollapsed?: boolean }) => {
      const reply = await ask<'overlay-settings-set'>({
        type: 'overlay-settings-set',
        host: params.host,
        ...change,
      });
      if (!reply.ok) setError(reply.error);
    },
    [params.host],
  );

  useEffect(() => {
    void ask<'overlay-settings-get'>({ type: 'overlay-settings-get', host: params.host }).then((reply) => {
      if (!reply.ok) {
        setError(reply.error);
        setSettings({ isShownWithoutPlan: false, isCollapsed: false, position: null });
        return;
      }
      setSettings({
        isShownWithoutPlan: reply.isShownWithoutPlan,
        isCollapsed: reply.site.isCollapsed,
        position: reply.site.position,
      });
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

  // The panel's content can change size without this component rendering (a quick plan
  // being typed): a resize renders it again, so the layout below is measured again.
  const [, setResizes] = useState(0);
  const isCollapsed = settings?.isCollapsed;
  const isReady = plans !== null && settings !== null;
  useEffect(() => {
    const element = root.current;
    if (element === null) return undefined;
    const observer = new ResizeObserver(() => setResizes((count) => count + 1));
    observer.observe(element);
    return () => observer.disconnect();
  }, [isReady, isCollapsed]);

  // After every render: the frame's wished size and place, sent when they change.
  useLayoutEffect(() => {
    const element = root.current;
    if (plans === null || settings === null || element === null) return;
    const rect = element.getBoundingClientRect();
    const chrome = element.offsetHeight - element.clientHeight;
    const layout: FrameMessage = {
      channel: OVERLAY_CHANNEL,
      type: 'layout',
      isWanted:
        settings.isShownWithoutPlan ||
        plans.some((plan) => plan.status === 'armed' || plan.status === 'active'),
      isCollapsed: settings.isCollapsed,
      width: Math.ceil(rect.width),
      height: Math.ceil(Math.max(rect.height, element.scrollHeight + chrome)),
      position: settings.position,
    };
    const key = JSON.stringify(layout);
    if (key === lastLayout.current) return;
    lastLayout.current = key;
    post(layout);
  });

  const after = useCallback(
    async (reply: Promise<Ack>) => {
      const result = await reply;
      setError(result.ok ? null : result.error);
      await load();
    },
    [load],
  );
  const actions: PlanActions = {
    ...planRequests(after),
    onOpenPlanner: (id) => void openPlanner(id).catch((cause: unknown) => setError(String(cause))),
  };

  const planHere = async () => {
    const [page, account] = await Promise.all([
      pageToPlan({ venue: params.venue, symbol: params.symbol }),
      accountDefaults(),
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
    });
  };
  const arm = async (plan: Record<string, unknown>, account: AccountInput | null) => {
    setArming({ isBusy: true, error: null });
    const failure = await armQuickPlan(plan, account);
    setArming({ isBusy: false, error: failure });
    if (failure === null) setPlanning(null);
    await load();
  };

  if (plans === null || settings === null) return null;
  return (
    <OverlayPanel
      rootRef={root}
      plans={plans}
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
          <QuickPlan
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
