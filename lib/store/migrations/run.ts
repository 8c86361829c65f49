import type { StorageArea } from '../storage-area';
import {
  planStorageMigrations,
  STORAGE_MIGRATIONS,
  STORAGE_VERSION_KEY,
  type MigrationPlan,
  type StorageMigration,
} from '.';

/**
 * Bring storage to this build's layout: the one runner, which the background calls at the
 * worker's start (before anything else reads storage) and the migration snapshot tests
 * call on their stored items. The usual start reads one key; only storage behind the
 * current version is read whole. The migrations' writes go first, then the removals, then
 * the new version: a worker stopped in between runs them again on its next start (each
 * migration is idempotent). `migrations` is every migration of this build; a test may run
 * the first few.
 */
export async function migrateStorage(
  area: StorageArea,
  now: () => number,
  log: (message: string) => void,
  migrations: readonly StorageMigration[] = STORAGE_MIGRATIONS,
): Promise<MigrationPlan> {
  const stored = await area.get(STORAGE_VERSION_KEY);
  if (stored[STORAGE_VERSION_KEY] === migrations.length) {
    return { status: 'current', version: migrations.length };
  }
  const plan = planStorageMigrations(await area.get(null), { atMillis: now() }, migrations);
  if (plan.status === 'newer') {
    log(`storage is at version ${plan.version}, newer than this build's ${plan.known}: left as it is`);
  }
  if (plan.status !== 'migrate') return plan;
  if (Object.keys(plan.writes).length > 0) await area.set({ ...plan.writes });
  if (plan.removals.length > 0) await area.remove([...plan.removals]);
  await area.set({ [STORAGE_VERSION_KEY]: plan.to });
  if (plan.from > 0 || Object.keys(plan.writes).length > 0 || plan.removals.length > 0) {
    log(`storage migrated from version ${plan.from} to ${plan.to} (${plan.applied.join(', ')})`);
  }
  return plan;
}
