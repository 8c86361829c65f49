import type { SenderFields } from '../../lib/messages/sender';
import {
  defaultWatchSettings,
  WATCH_SETTINGS_KEY,
  WatchSettingsSchema,
  type WatchSettings,
} from '../../lib/store/watch-settings';
import { createAcceptContext, createHandlers } from './handlers';
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
}

export interface Background {
  readonly handleMessage: (raw: unknown, sender: SenderFields) => Promise<unknown>;
  /** Accepted ticks; `ticks.onTick(listener)` is where the plan engine hooks in. */
  readonly ticks: TickIntake;
  readonly pickedSites: PickedSitesService;
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
    handlers: createHandlers({ ticks, pickedSites, watchSettings }),
  });
  return { handleMessage, ticks, pickedSites };
}
