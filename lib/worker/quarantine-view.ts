import type { QuarantinedView } from '../messages/plans';
import { EVENT_LOG_PREFIX } from '../store/event-log';
import { JOURNAL_PREFIX } from '../store/journal';
import type { NewerPlan } from '../store/plan-repository';
import { PLAN_RECORD_PREFIX, planKey } from '../store/plans';
import type { QuarantineEntry } from '../store/quarantine';
import { describeStoredKey } from '../store/stored-keys';

/** How much of a kept record the planner is sent for its export: the reply stays small. */
const RAW_LIMIT = 200_000;

/** What each kind of record kept aside means for the trader. */
const EFFECT = {
  newerPlan: 'Not running here: a newer Tranche wrote it, so it is left as it is.',
  plan: 'This plan is not running. Its journal is kept; export the record to keep its plan file.',
  journal: 'The plan runs on; the journal entries that could not be read are kept here.',
  eventLog:
    'The plan runs on; its fills confirmed before now can no longer be corrected (the events to replay are kept here).',
  other: 'Replaced by its default (or rebuilt); everything else keeps working.',
} as const;

/**
 * What the planner lists under "kept aside": every plan a newer Tranche wrote (left where
 * it is, not run) and every quarantined record — plans first, then the newest first — each
 * named as a trader knows it, with why, what it means, and the record as found for export.
 */
export function keptAsideViews(
  quarantined: readonly QuarantineEntry[],
  newer: readonly NewerPlan[],
): QuarantinedView[] {
  const aside = [...quarantined]
    .sort((a, b) => Number(isPlanKey(b.key)) - Number(isPlanKey(a.key)) || b.at - a.at)
    .map((entry) => view(entry.key, entry.raw, entry.problem, effectOf(entry.key), entry.at));
  return [
    ...newer.map((plan) => view(planKey(plan.id), plan.raw, plan.problem, EFFECT.newerPlan, 0)),
    ...aside,
  ];
}

function isPlanKey(key: string): boolean {
  return key.startsWith(PLAN_RECORD_PREFIX);
}

function effectOf(key: string): string {
  if (isPlanKey(key)) return EFFECT.plan;
  if (key.startsWith(EVENT_LOG_PREFIX)) return EFFECT.eventLog;
  return key.startsWith(JOURNAL_PREFIX) ? EFFECT.journal : EFFECT.other;
}

function view(key: string, raw: unknown, problem: string, effect: string, at: number): QuarantinedView {
  const text = JSON.stringify(raw) ?? 'undefined';
  return {
    key,
    label: describeStoredKey(key, raw) ?? key,
    problem: problem.slice(0, 500),
    effect,
    raw: text.length > RAW_LIMIT ? `${text.slice(0, RAW_LIMIT)}…` : text,
    at,
  };
}
