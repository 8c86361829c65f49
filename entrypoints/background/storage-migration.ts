import {
  CURRENT_STORAGE_VERSION,
  planStorageMigrations,
  STORAGE_VERSION_KEY,
  type MigrationPlan,
} from '../../lib/store/migrations';
import type { KeyValueArea } from './storage';

/**
 * Bring `storage.local` to this build's layout before anything else reads it. The usual
 * start reads one key; only storage behind the current version is read whole. The
 * migrations' writes go first, then the removals, then the new version: a worker stopped
 * in between runs them again on its next start (each migration is idempotent).
 */
export async function migrateStorage(
  local: KeyValueArea,
  now: () => number,
  log: (message: string) => void,
): Promise<MigrationPlan> {
  const stored = await local.get(STORAGE_VERSION_KEY);
  if (stored[STORAGE_VERSION_KEY] === CURRENT_STORAGE_VERSION) {
    return { status: 'current', version: CURRENT_STORAGE_VERSION };
  }
  const plan = planStorageMigrations(await local.get(null), { atMillis: now() });
  if (plan.status === 'newer') {
    log(`storage is at version ${plan.version}, newer than this build's ${plan.known}: left as it is`);
  }
  if (plan.status !== 'migrate') return plan;
  if (Object.keys(plan.writes).length > 0) await local.set({ ...plan.writes });
  if (plan.removals.length > 0) await local.remove([...plan.removals]);
  await local.set({ [STORAGE_VERSION_KEY]: plan.to });
  if (plan.from > 0 || Object.keys(plan.writes).length > 0 || plan.removals.length > 0) {
    log(`storage migrated from version ${plan.from} to ${plan.to} (${plan.applied.join(', ')})`);
  }
  return plan;
}
