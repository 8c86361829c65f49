import type { SenderFields } from '../../lib/messages/sender';
import {
  defaultWatchSettings,
  WATCH_SETTINGS_KEY,
  WatchSettingsSchema,
  type WatchSettings,
} from '../../lib/store/watch-settings';
import { PlanService } from '../../lib/worker/plan-service';
import type { Notifier } from '../../lib/worker/ports';
import { createAcceptContext, createHandlers } from './handlers';
import { createPlanHandlers } from './plan-handlers';
import { checkStaleQuotes, paintBadge, type BadgeApi } from './plans-wiring';
import { createMessageRouter } from './message-router';
import { PickedSitesService, type PickerApis } from './picked-sites-service';
import { createSerialQueue, StoredRecord, type KeyValueArea } from './storage';
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
}

/** Builds the background from its dependencies (the browser's, or fakes in tests). */
export function createBackground(deps: BackgroundDeps): Background {
  const queue = createSerialQueue();
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
    log: (message) => console.warn(`Tranche: ${message}`),
  });
  const wiring = { plans, local: deps.local, watchSettings, badge: deps.badge, now: deps.now };
  ticks.onTick(async (tick) => {
    await plans.onTick(tick);
    await paintBadge(wiring, tick);
  });
  ticks.onStale((stale) => plans.onStale(stale));
  const handleMessage = createMessageRouter({
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
      planHandlers: createPlanHandlers({ plans, local: deps.local, watchSettings, now: deps.now }),
    }),
  });
  return { handleMessage, ticks, pickedSites, plans, checkStale: () => checkStaleQuotes(wiring) };
}
