import { PLAN_FORMAT } from './schema';

/**
 * Plan files carry their format version (`tranche.plan/N`). A file written by an older
 * Tranche is lifted one version at a time by the numbered migrations below, each a pure
 * function over plain JSON that knows only its own input shape; a file from a newer
 * Tranche is refused with a message rather than half-read.
 */
export type PlanMigration = (plan: Record<string, unknown>) => Record<string, unknown>;

/** `PLAN_MIGRATIONS[n]` lifts a `tranche.plan/n` file to `tranche.plan/n+1`. */
export const PLAN_MIGRATIONS: Readonly<Record<number, PlanMigration>> = {};

export const CURRENT_PLAN_VERSION = Number(PLAN_FORMAT.split('/')[1]);

const FORMAT_PATTERN = /^tranche\.plan\/(\d+)$/;

export type MigrationResult =
  { ok: true; plan: Record<string, unknown> } | { ok: false; field: string; message: string };

export function migratePlan(
  input: unknown,
  migrations: Readonly<Record<number, PlanMigration>> = PLAN_MIGRATIONS,
  current: number = CURRENT_PLAN_VERSION,
): MigrationResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      ok: false,
      field: 'plan',
      message: 'a plan file is a JSON object, like { "format": "tranche.plan/1", … }',
    };
  }
  const plan = input as Record<string, unknown>;
  const match = typeof plan.format === 'string' ? FORMAT_PATTERN.exec(plan.format) : null;
  if (!match) {
    return {
      ok: false,
      field: 'format',
      message: `must be "${PLAN_FORMAT}" (this file says ${JSON.stringify(plan.format ?? null)})`,
    };
  }
  let version = Number(match[1]);
  if (version > current) {
    return {
      ok: false,
      field: 'format',
      message: `"${plan.format as string}" was written by a newer Tranche; this one reads up to "${PLAN_FORMAT}": update Tranche`,
    };
  }
  let lifted = plan;
  while (version < current) {
    const migrate = migrations[version];
    if (!migrate)
      return { ok: false, field: 'format', message: `no migration from "tranche.plan/${version}" is known` };
    lifted = { ...migrate(lifted), format: `tranche.plan/${version + 1}` };
    version += 1;
  }
  return { ok: true, plan: lifted };
}
