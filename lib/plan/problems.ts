import type { z } from 'zod';

import { migratePlan } from './migrate';
import type { Plan } from './schema';
import { PlanSchema } from './schema';

/** One thing wrong with a plan, tied to its field, saying what would fix it. */
export interface Problem {
  readonly field: string;
  readonly message: string;
}

/** One line per problem, as `validate` prints it: `stop.price: stop must be below entry for a long …`. */
export function formatProblem(problem: Problem): string {
  return `${problem.field}: ${problem.message}`;
}

export type SchemaRead = { ok: true; plan: Plan } | { ok: false; problems: Problem[] };

/**
 * A plan from untrusted JSON, as far as its fields go: migrated to the current format, then
 * every field checked with zod and each issue said in a trader's words on its field. What
 * needs the plan as a whole (stop side, targets, the ladder) is lib/checks' work.
 */
export function readPlanFields(input: unknown): SchemaRead {
  const migrated = migratePlan(input);
  if (!migrated.ok) return { ok: false, problems: [{ field: migrated.field, message: migrated.message }] };
  const parsed = PlanSchema.safeParse(migrated.plan, { error: traderMessage });
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.slice(0, MAX_PROBLEMS).map((issue) => toProblem(issue)),
    };
  return { ok: true, plan: parsed.data };
}

/** A file of garbage gets the first problems, not a line per byte. */
const MAX_PROBLEMS = 50;
/** Unknown fields named in one message; the rest are counted. */
const MAX_KEYS_NAMED = 5;

/** Zod's default texts for the issues no schema message covers, in a trader's words. */
export function traderMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is missing';
  if (issue.code === 'unrecognized_keys') {
    const named = issue.keys.slice(0, MAX_KEYS_NAMED).map((key) => JSON.stringify(key.slice(0, 40)));
    const more = issue.keys.length - named.length;
    return `has no field ${named.join(', ')}${more > 0 ? ` (and ${more} more)` : ''} (a typo?)`;
  }
  if (issue.code === 'invalid_type')
    return `must be ${issue.expected === 'array' ? 'a list [ … ]' : issue.expected === 'object' ? 'an object { … }' : `a ${issue.expected}`}`;
  return undefined;
}

/** An issue on its field; an issue on the whole input is named after it (`root`). */
export function toProblem(issue: z.core.$ZodIssue, root = 'plan'): Problem {
  return { field: fieldName(issue.path, root), message: issue.message };
}

function fieldName(path: readonly PropertyKey[], root: string): string {
  if (path.length === 0) return root;
  return path.reduce<string>(
    (name, key) =>
      typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key),
    '',
  );
}
