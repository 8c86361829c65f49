import { parsePlanText } from '../plan/plan-text';
import type { Problem } from '../plan/problems';
import type { Plan } from '../plan/schema';
import { checkPlan } from './check-plan';

/** What the planner's editor says about its text while the trader types. */
export type TextCheck =
  | { readonly kind: 'unreadable'; readonly error: string }
  | { readonly kind: 'invalid'; readonly problems: readonly Problem[] }
  | { readonly kind: 'valid'; readonly plan: Plan; readonly warnings: readonly Problem[] };

/** Read and check a plan's text in one go: not JSON, not a valid plan (field by field), or valid. */
export function checkPlanText(text: string, source: string): TextCheck {
  const read = parsePlanText(text, source);
  if (!read.ok) return { kind: 'unreadable', error: read.error };
  const checked = checkPlan(read.json);
  return checked.ok
    ? { kind: 'valid', plan: checked.plan, warnings: checked.warnings }
    : { kind: 'invalid', problems: checked.problems };
}
