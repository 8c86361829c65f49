import type { Problem } from '../plan/problems';
import { readPlanFields } from '../plan/problems';
import type { Plan } from '../plan/schema';
import { checkLadder } from './ladder-checks';
import { checkTrade } from './trade-checks';
import { venueWarnings } from './venue-warnings';

export type PlanCheck = { ok: true; plan: Plan; warnings: Problem[] } | { ok: false; problems: Problem[] };

/**
 * Read a plan from untrusted JSON, as import, storage, the planner and `tranche validate`
 * all do: its fields (lib/plan), then the trade as a whole on rounded prices, then the
 * ladder walked as planned; too-small tranches and an unknown venue are warnings.
 */
export function checkPlan(input: unknown): PlanCheck {
  const read = readPlanFields(input);
  if (!read.ok) return read;
  const { plan } = read;
  const problems = checkTrade(plan);
  if (problems.length > 0) return { ok: false, problems };
  const ladder = checkLadder(plan);
  if (ladder.problems.length > 0) return { ok: false, problems: ladder.problems };
  return { ok: true, plan, warnings: [...venueWarnings(plan), ...ladder.warnings] };
}
