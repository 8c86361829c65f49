import { quarantineWrite } from '../quarantine';
import { planIndex } from './001-plan-index';
import { quarantineEnvelope } from './002-quarantine-envelope';
import { skipReasonsAsData } from './003-skip-reasons-as-data';
import { alertEpoch } from './004-alert-epoch';
import { planRevision } from './005-plan-revision';
import type { MigrationContext, StorageMigration, StoredItems } from './types';

export type { MigrationContext, StorageChange, StorageMigration, StoredItems } from './types';

/**
 * The version of the whole `storage.local` layout: the number of the last migration
 * applied. Storage written before this key existed is version 0; a fresh install is
 * migrated from 0 too (every migration does nothing on empty storage) and so gets it.
 */
export const STORAGE_VERSION_KEY = 'storage/version';

/** In order; each one's `version` is its position (a test holds this and the file names). */
export const STORAGE_MIGRATIONS: readonly StorageMigration[] = [
  planIndex,
  quarantineEnvelope,
  skipReasonsAsData,
  alertEpoch,
  planRevision,
];

export const CURRENT_STORAGE_VERSION = STORAGE_MIGRATIONS.length;

export type MigrationPlan =
  /** Nothing to do: storage is at the version this build writes. */
  | { readonly status: 'current'; readonly version: number }
  /**
   * Storage was written by a newer Tranche (the trader downgraded): nothing is changed;
   * records are still read field by field and quarantined where unreadable.
   */
  | { readonly status: 'newer'; readonly version: number; readonly known: number }
  | {
      readonly status: 'migrate';
      readonly from: number;
      readonly to: number;
      /** `001-plan-index`, … : the migrations run, in order. */
      readonly applied: readonly string[];
      /** Every key to write, with its final value. */
      readonly writes: Readonly<Record<string, unknown>>;
      /** Every key to remove (never also in `writes`). */
      readonly removals: readonly string[];
    };

/**
 * Which migrations storage needs and what they change, from every stored item (pure:
 * `migrateStorage` reads the items and applies the plan). A stored version that is not a
 * whole number counts as 0 and is kept aside: every migration is idempotent, so running
 * one again is safe.
 */
export function planStorageMigrations(
  items: StoredItems,
  context: MigrationContext,
  migrations: readonly StorageMigration[] = STORAGE_MIGRATIONS,
): MigrationPlan {
  const known = migrations.length;
  const from = readVersion(items[STORAGE_VERSION_KEY]);
  if (from === known) return { status: 'current', version: from };
  if (from > known) return { status: 'newer', version: from, known };
  const working: Record<string, unknown> = { ...items };
  const stored = items[STORAGE_VERSION_KEY];
  const writes: Record<string, unknown> =
    stored === undefined || isWholeNumber(stored)
      ? {}
      : quarantineWrite(
          STORAGE_VERSION_KEY,
          stored,
          'not a whole number; every migration runs again',
          context.atMillis,
        );
  const removals = new Set<string>();
  const applied: string[] = [];
  for (const migration of migrations.slice(from)) {
    const change = migration.migrate(working, context);
    for (const [key, value] of Object.entries(change.writes)) {
      working[key] = value;
      writes[key] = value;
      removals.delete(key);
    }
    for (const key of change.removals) {
      delete working[key];
      delete writes[key];
      if (key in items) removals.add(key);
    }
    applied.push(`${String(migration.version).padStart(3, '0')}-${migration.name}`);
  }
  return { status: 'migrate', from, to: known, applied, writes, removals: [...removals] };
}

function readVersion(value: unknown): number {
  return isWholeNumber(value) ? value : 0;
}

function isWholeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
