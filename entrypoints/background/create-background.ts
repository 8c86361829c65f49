import type { SenderFields } from '../../lib/messages/sender';
import type { ViewScope } from '../../lib/messages/view-port';
import { withMemory } from '../../lib/store/cached-area';
import { migrateStorage } from '../../lib/store/migrations/run';
import { observedArea } from '../../lib/store/observed-area';
import type { StorageArea } from '../../lib/store/storage-area';
import { WORKER_RECORD_KEYS } from '../../lib/store/stored-keys';
import { createStores, type Stores } from '../../lib/store/stores';
import { WATCH_SETTINGS_KEY } from '../../lib/store/watch-settings';
import { JournalCache } from '../../lib/worker/journal-cache';
import { KeptAsideCache } from '../../lib/worker/kept-aside-cache';
import { answerButton } from '../../lib/worker/notification-buttons';
import { PlanService } from '../../lib/worker/plan-service';
import { buildPlansView } from '../../lib/worker/plans-view';
import type { Notifier } from '../../lib/worker/ports';
import { createSerialQueue } from '../../lib/worker/serial-queue';
import { ViewHub } from '../../lib/worker/view-hub';
import { createAcceptContext, createHandlers } from './handlers';
import { createMessageRouter, recordRefusal } from './message-router';
import { createOverlayHandlers } from './overlay-handlers';
import { PickedSitesService, type PickerApis } from './picked-sites-service';
import { createAdjustHandlers } from './adjust-handlers';
import { createPlanHandlers } from './plan-handlers';
import { createPlannerHandlers } from './planner-handlers';
import { catchUpPlans, checkStaleQuotes, paintBadge, type BadgeApi } from './plans-wiring';
import { TabPagesRecorder } from './tab-pages';
import { TickIntake } from './tick-intake';
import { acceptViewPort, type SurfacePortLike } from './view-ports';

export interface BackgroundDeps {
  readonly local: StorageArea;
  readonly session: StorageArea;
  readonly now: () => number;
  readonly extensionId: string;
  /** "chrome-extension://<id>": the origin of the popup and the planner. */
  readonly extensionOrigin: string;
  /** The manifest's content-script matches: the supported sites. */
  readonly manifestPatterns: readonly string[];
  readonly pickerApis: PickerApis;
  readonly matchPatternFor: (origin: string) => string;
  readonly notifier: Notifier;
  readonly badge: BadgeApi;
  /** Random ids: plans, and the epoch of an alert counter a repair resets. */
  readonly newId: () => string;
}

export interface Background {
  readonly handleMessage: (raw: unknown, sender: SenderFields) => Promise<unknown>;
  /** A surface's port (`runtime.onConnect`): it is pushed its view after every change. */
  readonly connectView: (port: SurfacePortLike) => void;
  /** The connected surfaces and their views. */
  readonly views: ViewHub;
  /** Accepted ticks; `ticks.onTick(listener)` is where the plan engine hooks in. */
  readonly ticks: TickIntake;
  readonly pickedSites: PickedSitesService;
  readonly plans: PlanService;
  readonly stores: Stores;
  /** The `stale-check` alarm's work: stale prices, and notifications still owed. */
  readonly checkStale: () => Promise<void>;
  /** A click on a notification's button (`index` 0: Confirm fill, 1: Skip). */
  readonly onNotificationButton: (id: string, index: number) => Promise<void>;
  /**
   * The worker's start, begun when the background is built: storage migrated, the latest
   * quotes given to the plans again, and every notification a stopped worker owed shown.
   * Messages and alarms are handled after it.
   */
  readonly ready: Promise<void>;
}

/** Builds the background from its dependencies (the browser's, or fakes in tests). */
export function createBackground(deps: BackgroundDeps): Background {
  const log = (message: string) => console.warn(`Tranche: ${message}`);
  // Every write through `local` is a commit the surfaces may need to see: the hub pushes
  // their fresh views (views of plans, quotes and settings not yet built are made when asked).
  const keptAside = new KeptAsideCache(() => plans.quarantined());
  const journals = new JournalCache((planId) => stores.journals.read(planId));
  const viewOf = (scope: ViewScope) =>
    buildPlansView(
      {
        plans,
        stores,
        journal: (planId) => journals.read(planId),
        keptAside: () => keptAside.read(),
        now: deps.now,
      },
      scope,
    );
  const views = new ViewHub({
    build: async (scope) => {
      await ready;
      return viewOf(scope);
    },
    schedule: (run, delayInMillis) => void setTimeout(run, delayInMillis),
    now: deps.now,
    log,
  });
  // The records read on every price are kept in memory, written through (lib/store/cached-area).
  // The price-watching settings have no message of their own: written from outside the
  // worker, they still change what every view shows (when a price is stale).
  deps.local.onChanged?.addListener((changes) => {
    if (WATCH_SETTINGS_KEY in changes) views.changed();
  });
  const local = observedArea(withMemory(deps.local), (keys) => {
    keptAside.noticeWrite(keys);
    journals.noticeWrite(keys);
    views.changed();
  });
  // Before anything else reads storage; a failed migration is logged and the records are
  // still read field by field (and quarantined where unreadable).
  const migrated = migrateStorage(local, deps.now, log).catch((error: unknown) =>
    log(`the storage migration failed: ${String(error)}`),
  );
  const stores = createStores({
    local,
    session: withMemory(deps.session),
    now: deps.now,
    log,
    newId: deps.newId,
  });
  const queue = createSerialQueue(migrated);
  const ticks = new TickIntake({ stores, queue, now: deps.now });
  const pickedSites = new PickedSitesService({
    stores,
    queue,
    now: deps.now,
    apis: deps.pickerApis,
    matchPatternFor: deps.matchPatternFor,
    manifestPatterns: deps.manifestPatterns,
  });
  const plans = new PlanService({
    stores,
    notifier: deps.notifier,
    clock: { now: deps.now },
    newId: deps.newId,
    log,
    ready: migrated,
  });
  const tabPages = new TabPagesRecorder({ record: stores.tabPages, queue, now: deps.now });
  const wiring = { plans, stores, badge: deps.badge, now: deps.now };
  ticks.onTick(async (tick) => {
    await plans.onTick(tick);
    await paintBadge(wiring, tick);
  });
  ticks.onStale((stale) => plans.onStale(stale));
  const ready = migrated
    // One round trip for what every price and view reads; a failure here shows on those reads.
    .then(() => local.get([...WORKER_RECORD_KEYS]).catch(() => undefined))
    .then(() => catchUpPlans(wiring))
    .then(() => plans.flushOutbox())
    .catch((error: unknown) => log(`starting failed: ${String(error)}`));
  const route = createMessageRouter({
    stores,
    queue,
    now: deps.now,
    acceptContext: createAcceptContext({
      extensionId: deps.extensionId,
      extensionOrigin: deps.extensionOrigin,
      manifestPatterns: deps.manifestPatterns,
      pickedSites,
    }),
    handlers: createHandlers({
      ticks,
      pickedSites,
      stores,
      tabPages,
      plannerHandlers: createPlannerHandlers({ stores, queue, now: deps.now, newId: deps.newId, tabPages }),
      planHandlers: createPlanHandlers({ plans, view: viewOf }),
      overlayHandlers: createOverlayHandlers({ settings: stores.overlaySettings, queue, now: deps.now }),
      adjustHandlers: createAdjustHandlers(plans),
    }),
  });
  return {
    handleMessage: async (raw, sender) => {
      await ready;
      return route(raw, sender);
    },
    connectView: (port) =>
      acceptViewPort(
        {
          views,
          extensionId: deps.extensionId,
          extensionOrigin: deps.extensionOrigin,
          refuse: (refusal) => void recordRefusal({ stores, queue, now: deps.now }, refusal),
        },
        port,
      ),
    views,
    ticks,
    pickedSites,
    plans,
    stores,
    checkStale: async () => {
      await ready;
      await checkStaleQuotes(wiring);
      // A notification the browser refused is tried again even when no price arrives.
      await plans.flushOutbox();
    },
    onNotificationButton: async (id, index) => {
      await ready;
      await answerButton(
        {
          confirm: (request) => plans.confirm(request),
          skip: (request) => plans.skip(request),
          notifier: deps.notifier,
        },
        id,
        index,
      );
    },
    ready,
  };
}
