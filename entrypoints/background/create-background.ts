import type { SenderFields } from '../../lib/messages/sender';
import {
  defaultWatchSettings,
  WATCH_SETTINGS_KEY,
  WatchSettingsSchema,
  type WatchSettings,
} from '../../lib/store/watch-settings';
import { PlanService } from '../../lib/worker/plan-service';
import type { Notifier } from '../../lib/worker/ports';
import {
  defaultOverlaySettings,
  OVERLAY_SETTINGS_KEY,
  OverlaySettingsSchema,
  type OverlaySettings,
} from '../../lib/store/overlay-settings';
import { createAcceptContext, createHandlers } from './handlers';
import { createOverlayHandlers } from './overlay-handlers';
import { createPlanHandlers } from './plan-handlers';
import { createPlannerHandlers } from './planner-handlers';
import { catchUpPlans, checkStaleQuotes, paintBadge, type BadgeApi } from './plans-wiring';
import { createMessageRouter } from './message-router';
import { PickedSitesService, type PickerApis } from './picked-sites-service';
import { createSerialQueue, StoredRecord, type KeyValueArea } from './storage';
import { migrateStorage } from './storage-migration';
import { TabPagesRecorder } from './tab-pages';
import { TickIntake } from './tick-intake';

export interface BackgroundDeps {
  readonly local: KeyValueArea;
  readonly session: KeyValueArea;
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
  readonly newId: () => string;
}

export interface Background {
  readonly handleMessage: (raw: unknown, sender: SenderFields) => Promise<unknown>;
  /** Accepted ticks; `ticks.onTick(listener)` is where the plan engine hooks in. */
  readonly ticks: TickIntake;
  readonly pickedSites: PickedSitesService;
  readonly plans: PlanService;
  /** The `stale-check` alarm's work. */
  readonly checkStale: () => Promise<void>;
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
  // Before anything else reads storage; a failed migration is logged and the records are
  // still read field by field (and quarantined where unreadable).
  const migrated = migrateStorage(deps.local, deps.now, log).catch((error: unknown) =>
    log(`the storage migration failed: ${String(error)}`),
  );
  const queue = createSerialQueue(migrated);
  const ticks = new TickIntake({ local: deps.local, queue, now: deps.now });
  const pickedSites = new PickedSitesService({
    local: deps.local,
    session: deps.session,
    queue,
    now: deps.now,
    apis: deps.pickerApis,
    matchPatternFor: deps.matchPatternFor,
    manifestPatterns: deps.manifestPatterns,
  });
  const watchSettings = new StoredRecord<WatchSettings>(
    deps.local,
    WATCH_SETTINGS_KEY,
    WatchSettingsSchema,
    defaultWatchSettings,
    deps.now,
  );
  const plans = new PlanService({
    store: {
      get: (keys) => deps.local.get([...keys]),
      getAll: () => deps.local.get(null),
      set: (items) => deps.local.set(items),
      remove: (keys) => deps.local.remove([...keys]),
    },
    notifier: deps.notifier,
    clock: { now: deps.now },
    newId: deps.newId,
    log,
    ready: migrated,
  });
  const tabPages = new TabPagesRecorder({ session: deps.session, queue, now: deps.now });
  const wiring = { plans, local: deps.local, watchSettings, badge: deps.badge, now: deps.now };
  ticks.onTick(async (tick) => {
    await plans.onTick(tick);
    await paintBadge(wiring, tick);
  });
  ticks.onStale((stale) => plans.onStale(stale));
  const ready = migrated
    .then(() => catchUpPlans(wiring))
    .then(() => plans.flushOutbox())
    .catch((error: unknown) => log(`starting failed: ${String(error)}`));
  const route = createMessageRouter({
    local: deps.local,
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
      watchSettings,
      tabPages,
      plannerHandlers: createPlannerHandlers({
        local: deps.local,
        queue,
        now: deps.now,
        newId: deps.newId,
        watchSettings,
        tabPages,
      }),
      planHandlers: createPlanHandlers({ plans, local: deps.local, watchSettings, now: deps.now }),
      overlayHandlers: createOverlayHandlers({
        settings: new StoredRecord<OverlaySettings>(
          deps.local,
          OVERLAY_SETTINGS_KEY,
          OverlaySettingsSchema,
          defaultOverlaySettings,
          deps.now,
        ),
        queue,
        now: deps.now,
      }),
    }),
  });
  return {
    handleMessage: async (raw, sender) => {
      await ready;
      return route(raw, sender);
    },
    ticks,
    pickedSites,
    plans,
    checkStale: async () => {
      await ready;
      await checkStaleQuotes(wiring);
    },
    ready,
  };
}
