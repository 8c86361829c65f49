import { ACCOUNT_DEFAULTS_KEY } from './account-defaults';
import { ALERT_SETTINGS_KEY } from './alert-settings';
import { EVENT_LOG_PREFIX } from './event-log';
import { HEAT_SETTINGS_KEY } from './heat-settings';
import { JOURNAL_PREFIX } from './journal';
import { STORAGE_VERSION_KEY } from './migrations';
import { OUTBOX_KEY } from './outbox';
import { OVERLAY_SETTINGS_KEY } from './overlay-settings';
import { PICKED_SITES_KEY, PICKER_PENDING_KEY } from './picked-sites';
import { PLAN_TEMPLATES_KEY } from './plan-templates';
import { PLANNER_DRAFT_KEY } from './planner-draft';
import { PLAN_INDEX_KEY, PLAN_RECORD_PREFIX } from './plans';
import { QUOTES_KEY } from './quotes';
import { SECURITY_KEY } from './security';
import { TAB_PAGES_KEY } from './tab-pages';
import { TICK_HISTORY_PREFIX } from './tick-history';
import { QUARANTINE_PREFIX } from './quarantine';
import { PLAN_TRASH_KEY } from './trash';
import { WATCH_SETTINGS_KEY } from './watch-settings';

/*
 * Every stored thing, by its key, with what a trader calls it: the planner names a record
 * kept aside by this, and a test checks that each key the background writes is here.
 */

const BY_KEY: Readonly<Record<string, string>> = {
  [STORAGE_VERSION_KEY]: 'Storage version',
  [PLAN_INDEX_KEY]: 'List of plans',
  [PLAN_TRASH_KEY]: 'Deleted plans (undo)',
  [OUTBOX_KEY]: 'Notifications not yet shown',
  [ALERT_SETTINGS_KEY]: 'Alert settings (quiet switch)',
  [HEAT_SETTINGS_KEY]: 'Account heat setting (equity and cap)',
  [QUOTES_KEY]: 'Latest prices',
  [WATCH_SETTINGS_KEY]: 'Price-watching settings',
  [PICKED_SITES_KEY]: 'Sites whose price you picked',
  [PICKER_PENDING_KEY]: 'Price picker in progress',
  [OVERLAY_SETTINGS_KEY]: 'On-page panel settings',
  [SECURITY_KEY]: 'Refused-message counters',
  [PLANNER_DRAFT_KEY]: 'Plan being designed (draft)',
  [ACCOUNT_DEFAULTS_KEY]: 'Account equity and risk',
  [PLAN_TEMPLATES_KEY]: 'Your plan templates',
  [TAB_PAGES_KEY]: 'Page of each tab',
};

/**
 * Whether the worker keeps `key` in memory (./cached-area): the small records it reads on
 * every price or view. Not the tick history (megabytes), the journals (up to 2,000 entries
 * a plan; views keep theirs parsed) or what is kept aside (read by the planner alone).
 */
export function isKeptInMemory(key: string): boolean {
  return (
    !key.startsWith(TICK_HISTORY_PREFIX) &&
    !key.startsWith(JOURNAL_PREFIX) &&
    !key.startsWith(QUARANTINE_PREFIX)
  );
}

/** The records every price or view reads: read in one call when the worker starts, kept in memory after. */
export const WORKER_RECORD_KEYS: readonly string[] = [
  PLAN_INDEX_KEY,
  QUOTES_KEY,
  OUTBOX_KEY,
  ALERT_SETTINGS_KEY,
  WATCH_SETTINGS_KEY,
  OVERLAY_SETTINGS_KEY,
  PICKED_SITES_KEY,
];

/** What the record under `key` is, in words; `raw` names a plan when it still can. Null for a key no stored thing uses. */
export function describeStoredKey(key: string, raw: unknown): string | null {
  const fixed = BY_KEY[key];
  if (fixed !== undefined) return fixed;
  if (key.startsWith(PLAN_RECORD_PREFIX)) return describePlan(key.slice(PLAN_RECORD_PREFIX.length), raw);
  if (key.startsWith(JOURNAL_PREFIX)) return `Journal of plan ${key.slice(JOURNAL_PREFIX.length)}`;
  if (key.startsWith(EVENT_LOG_PREFIX)) return `Event log of plan ${key.slice(EVENT_LOG_PREFIX.length)}`;
  if (key.startsWith(TICK_HISTORY_PREFIX)) return 'Tick history';
  return null;
}

/** `Plan “BTC breakout” · BTCUSDT long`, from as much of the record as can be read. */
function describePlan(id: string, raw: unknown): string {
  const plan = (
    raw as { plan?: { name?: unknown; side?: unknown; instrument?: { symbol?: unknown } } } | null
  )?.plan;
  const name = typeof plan?.name === 'string' && plan.name !== '' ? `“${plan.name.slice(0, 80)}”` : id;
  const symbol = plan?.instrument?.symbol;
  const side = plan?.side;
  const what = [typeof symbol === 'string' ? symbol : null, typeof side === 'string' ? side : null]
    .filter((word) => word !== null)
    .join(' ');
  return `Plan ${name}${what === '' ? '' : ` · ${what.slice(0, 80)}`}`;
}
