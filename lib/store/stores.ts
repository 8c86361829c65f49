import { ACCOUNT_DEFAULTS, type AccountDefaults } from './account-defaults';
import { ALERT_SETTINGS, type AlertSettings } from './alert-settings';
import { EventLogRepository } from './event-log';
import { HEAT_SETTINGS, type HeatSettings } from './heat-settings';
import { JournalRepository } from './journal';
import { Outbox } from './outbox';
import { OVERLAY_SETTINGS, type OverlaySettings } from './overlay-settings';
import { PICKED_SITES, PICKER_PENDING, type PickedSitesRecord, type PickerPending } from './picked-sites';
import { PLAN_TEMPLATES, type PlanTemplates } from './plan-templates';
import { PlanRepository } from './plan-repository';
import { PLANNER_DRAFT, type PlannerDraft } from './planner-draft';
import { Quarantine } from './quarantine';
import { QUOTES, type QuotesRecord } from './quotes';
import { SECURITY, type SecurityRecord } from './security';
import type { StorageArea } from './storage-area';
import { StoredRecord } from './stored-record';
import { TAB_PAGES, type TabPages } from './tab-pages';
import { TickHistoryStore } from './tick-history-store';
import { Trash } from './trash';
import { WATCH_SETTINGS, type WatchSettings } from './watch-settings';

/** One repository per stored thing, all sharing the one quarantine. */
export interface Stores {
  readonly local: StorageArea;
  readonly quarantine: Quarantine;
  readonly plans: PlanRepository;
  readonly journals: JournalRepository;
  readonly eventLogs: EventLogRepository;
  readonly trash: Trash;
  readonly outbox: Outbox;
  readonly alertSettings: StoredRecord<AlertSettings>;
  readonly heatSettings: StoredRecord<HeatSettings>;
  readonly quotes: StoredRecord<QuotesRecord>;
  readonly tickHistory: TickHistoryStore;
  readonly watchSettings: StoredRecord<WatchSettings>;
  readonly overlaySettings: StoredRecord<OverlaySettings>;
  readonly pickedSites: StoredRecord<PickedSitesRecord>;
  /** In storage.session. */
  readonly pickerPending: StoredRecord<PickerPending | null>;
  readonly security: StoredRecord<SecurityRecord>;
  readonly plannerDraft: StoredRecord<PlannerDraft | null>;
  readonly accountDefaults: StoredRecord<AccountDefaults>;
  readonly planTemplates: StoredRecord<PlanTemplates>;
  /** In storage.session. */
  readonly tabPages: StoredRecord<TabPages>;
}

export interface StoresDeps {
  readonly local: StorageArea;
  readonly session: StorageArea;
  readonly now: () => number;
  readonly log: (message: string) => void;
  /** Random ids (a repaired alert counter's new epoch). */
  readonly newId: () => string;
}

export function createStores({ local, session, now, log, newId }: StoresDeps): Stores {
  const quarantine = new Quarantine({ area: local, now, log });
  return {
    local,
    quarantine,
    plans: new PlanRepository({ area: local, quarantine, log, newEpoch: newId }),
    journals: new JournalRepository(local, quarantine),
    eventLogs: new EventLogRepository(local, quarantine),
    trash: new Trash(local, quarantine),
    outbox: new Outbox(local, quarantine),
    alertSettings: new StoredRecord(local, ALERT_SETTINGS, quarantine),
    heatSettings: new StoredRecord(local, HEAT_SETTINGS, quarantine),
    quotes: new StoredRecord(local, QUOTES, quarantine),
    tickHistory: new TickHistoryStore(local, quarantine),
    watchSettings: new StoredRecord(local, WATCH_SETTINGS, quarantine),
    overlaySettings: new StoredRecord(local, OVERLAY_SETTINGS, quarantine),
    pickedSites: new StoredRecord(local, PICKED_SITES, quarantine),
    pickerPending: new StoredRecord(session, PICKER_PENDING, quarantine),
    security: new StoredRecord(local, SECURITY, quarantine),
    plannerDraft: new StoredRecord(local, PLANNER_DRAFT, quarantine),
    accountDefaults: new StoredRecord(local, ACCOUNT_DEFAULTS, quarantine),
    planTemplates: new StoredRecord(local, PLAN_TEMPLATES, quarantine),
    tabPages: new StoredRecord(session, TAB_PAGES, quarantine),
  };
}
