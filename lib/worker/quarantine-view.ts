import type { QuarantinedView } from '../messages/plans';
import type { NewerPlan } from '../store/plan-repository';
import { planKey } from '../store/plans';
import type { QuarantineEntry } from '../store/quarantine';
import { describeStoredKey } from '../store/stored-keys';

/** How much of a kept record the planner is sent for its export: the reply stays small. */
const RAW_LIMIT = 200_000;

/**
 * What the planner lists under "kept aside": every quarantined record, and every plan a
 * newer Tranche wrote (left where it is, not run), each named as a trader knows it, with
 * why, and the record as found for export.
 */
export function keptAsideViews(
  quarantined: readonly QuarantineEntry[],
  newer: readonly NewerPlan[],
): QuarantinedView[] {
  return [
    ...newer.map((plan) => view(planKey(plan.id), plan.raw, plan.problem, 0)),
    ...quarantined.map((entry) => view(entry.key, entry.raw, entry.problem, entry.at)),
  ];
}

function view(key: string, raw: unknown, problem: string, at: number): QuarantinedView {
  const text = JSON.stringify(raw) ?? 'undefined';
  return {
    key,
    label: describeStoredKey(key, raw) ?? key,
    problem: problem.slice(0, 500),
    raw: text.length > RAW_LIMIT ? `${text.slice(0, RAW_LIMIT)}…` : text,
    at,
  };
}
