import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  CURRENT_STORAGE_VERSION,
  planStorageMigrations,
  STORAGE_MIGRATIONS,
  STORAGE_VERSION_KEY,
  type StorageMigration,
  type StoredItems,
} from '../../../lib/store/migrations';
import { migrateStorage } from '../../../lib/store/migrations/run';
import { MemoryStore } from '../worker/memory-store';
import { PlanRecordSchema } from '../../../lib/store/plans';
import { skipWords } from '../../../lib/words/effect-words';

const MIGRATIONS_DIR = resolve('lib/store/migrations');
const SNAPSHOT_DIR = resolve('test/fixtures/store-migrations');
/** The time the migrations are given (quarantine keys): 2026-11-26 09:30 UTC. */
const AT = Date.UTC(2026, 10, 26, 9, 30);

function snapshot(migration: StorageMigration, stage: 'before' | 'after'): Record<string, unknown> {
  const file = join(SNAPSHOT_DIR, `${fileName(migration)}.${stage}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

function fileName(migration: StorageMigration): string {
  return `${String(migration.version).padStart(3, '0')}-${migration.name}`;
}

/**
 * Storage after the worker's own runner (`migrateStorage`) ran `migrations` on it: the
 * code the background runs at its start, on an in-memory storage area.
 */
async function migrate(
  items: StoredItems,
  migrations: readonly StorageMigration[] = STORAGE_MIGRATIONS,
): Promise<Record<string, unknown>> {
  const area = new MemoryStore();
  await area.set({ ...items });
  await migrateStorage(
    area,
    () => AT,
    () => undefined,
    migrations,
  );
  return area.get(null);
}

describe('the storage migrations', () => {
  it('are numbered files, one per storage version, in order, each with a before and after snapshot', () => {
    const files = readdirSync(MIGRATIONS_DIR)
      .filter((file) => /^\d{3}-/.test(file))
      .map((file) => file.replace(/\.ts$/, ''))
      .sort();
    expect(files).toEqual(STORAGE_MIGRATIONS.map(fileName));
    expect(STORAGE_MIGRATIONS.map((migration) => migration.version)).toEqual(
      STORAGE_MIGRATIONS.map((_, index) => index + 1),
    );
    expect(CURRENT_STORAGE_VERSION).toBe(STORAGE_MIGRATIONS.length);
    const snapshots = readdirSync(SNAPSHOT_DIR).sort();
    expect(snapshots).toEqual(
      STORAGE_MIGRATIONS.flatMap((migration) => [
        `${fileName(migration)}.after.json`,
        `${fileName(migration)}.before.json`,
      ]),
    );
  });

  it('never import today’s schemas: each declares the shapes it reads', () => {
    for (const file of readdirSync(MIGRATIONS_DIR).filter((name) => /^\d{3}-/.test(name))) {
      const source = readFileSync(join(MIGRATIONS_DIR, file), 'utf8');
      const imports = [...source.matchAll(/from '([^']+)'/g)].map((match) => match[1]);
      expect(imports, file).toEqual(imports.filter((path) => path === './types'));
    }
  });

  it.each(STORAGE_MIGRATIONS.map((migration) => [fileName(migration), migration] as const))(
    '%s turns its before snapshot into its after snapshot',
    async (_, migration) => {
      const before = snapshot(migration, 'before');
      const plan = planStorageMigrations(before, { atMillis: AT });
      expect(plan).toMatchObject({
        status: 'migrate',
        from: migration.version - 1,
        applied: STORAGE_MIGRATIONS.slice(migration.version - 1).map(fileName),
      });
      const after = await migrate(before, STORAGE_MIGRATIONS.slice(0, migration.version));
      expect(after).toEqual(snapshot(migration, 'after'));
    },
  );

  it.each(STORAGE_MIGRATIONS.map((migration) => [fileName(migration), migration] as const))(
    '%s changes nothing when run again on its own result (a worker stopped before the version was written)',
    (_, migration) => {
      const after = snapshot(migration, 'after');
      expect(migration.migrate(after, { atMillis: AT + 1 })).toEqual({ writes: {}, removals: [] });
    },
  );

  it.each(STORAGE_MIGRATIONS.map((migration) => [fileName(migration), migration] as const))(
    '%s changes nothing in empty storage (a fresh install)',
    (_, migration) => {
      expect(migration.migrate({}, { atMillis: AT })).toEqual({ writes: {}, removals: [] });
    },
  );
});

describe('001-plan-index', () => {
  const record = (id: string, createdAt: number) => ({ version: 1, id, createdAt });

  it('keeps a readable index’s order and appends the plans it does not list, oldest first', async () => {
    const after = await migrate({
      'plans/index': ['b', 'a'],
      'plan/a': record('a', 5),
      'plan/b': record('b', 9),
      'plan/d': record('d', 7),
      'plan/c': record('c', 3),
    });
    expect(after['plans/index']).toEqual(['b', 'a', 'c', 'd']);
  });

  it('quarantines an unreadable index and rebuilds it from the plan records', async () => {
    const after = await migrate({ 'plans/index': 'a,b', 'plan/a': record('a', 2), 'plan/b': record('b', 1) });
    expect(after['plans/index']).toEqual(['b', 'a']);
    expect(after[`quarantine/plans/index/${AT}`]).toEqual({
      key: 'plans/index',
      raw: 'a,b',
      problem: 'the plan index was not a list of plan ids; rebuilt from the plan records',
      at: AT,
    });
  });

  it('orders records without a readable creation time first, then by id', async () => {
    const after = await migrate({
      'plan/z': 'corrupt',
      'plan/y': record('y', 1),
      'plan/x': { createdAt: 'soon' },
    });
    expect(after['plans/index'], 'a corrupt record is indexed: the plan service quarantines it').toEqual([
      'x',
      'z',
      'y',
    ]);
  });
});

describe('003-skip-reasons-as-data', () => {
  const after = snapshot(STORAGE_MIGRATIONS[2] as StorageMigration, 'after');
  /** Its result brought to today's layout by the migrations after it: what today's schema reads. */
  const today = () => migrate(after);

  it('leaves plan records and trashed plans that today’s schema reads, skip reasons as data', async () => {
    const current = await today();
    const active = PlanRecordSchema.parse(current['plan/c9Rd4kTe2wQx7yLm']);
    expect(active.engine?.tranches.map((tranche) => tranche.reason)).toEqual([
      null,
      { code: 'noted', text: 'too small: quantity 0.049 is below the minimum 0.05' },
      { code: 'trader' },
      null,
    ]);
    const [trashed] = current['plans/trash'] as { record: unknown }[];
    expect(PlanRecordSchema.safeParse(trashed?.record).success).toBe(true);
    expect(PlanRecordSchema.safeParse(current['plan/b7Kq2mXw9pLr4tZa']).success).toBe(true);
  });

  it('leaves a record that is no object for the plan service to quarantine', () => {
    expect(after['plan/e5Tn7bVc0xZs1aQw']).toBe('corrupt: not a record');
  });

  it('says the noted words as they were, and the trader’s skip in today’s words', async () => {
    const active = PlanRecordSchema.parse((await today())['plan/c9Rd4kTe2wQx7yLm']);
    const [, tooSmall, byTrader] = active.engine?.tranches ?? [];
    expect(tooSmall?.reason && skipWords(active.plan, tooSmall.reason)).toBe(
      'too small: quantity 0.049 is below the minimum 0.05',
    );
    expect(byTrader?.reason && skipWords(active.plan, byTrader.reason)).toBe('skipped by the trader');
  });
});

describe('the migration runner', () => {
  const write = (version: number, key: string, value: unknown): StorageMigration => ({
    version,
    name: `write-${key}`,
    migrate: () => ({ writes: { [key]: value }, removals: [] }),
  });
  const remove = (version: number, key: string): StorageMigration => ({
    version,
    name: `remove-${key}`,
    migrate: () => ({ writes: {}, removals: [key] }),
  });

  it('does nothing when storage is at the current version', () => {
    expect(
      planStorageMigrations({ [STORAGE_VERSION_KEY]: CURRENT_STORAGE_VERSION }, { atMillis: AT }),
    ).toEqual({
      status: 'current',
      version: CURRENT_STORAGE_VERSION,
    });
  });

  it('changes nothing in storage written by a newer Tranche', async () => {
    const items = { [STORAGE_VERSION_KEY]: CURRENT_STORAGE_VERSION + 1, 'plans/index': 'from the future' };
    const plan = planStorageMigrations(items, { atMillis: AT });
    expect(plan).toEqual({
      status: 'newer',
      version: CURRENT_STORAGE_VERSION + 1,
      known: CURRENT_STORAGE_VERSION,
    });
    expect(await migrate(items)).toEqual(items);
  });

  it('runs only the migrations after the stored version, each on the result of the one before', () => {
    const seen: unknown[] = [];
    const probe: StorageMigration = {
      version: 3,
      name: 'probe',
      migrate: (items) => {
        seen.push({ ...items });
        return { writes: {}, removals: [] };
      },
    };
    const plan = planStorageMigrations({ [STORAGE_VERSION_KEY]: 1, kept: 1, old: 2 }, { atMillis: AT }, [
      write(1, 'never', 0),
      write(2, 'new', 3),
      probe,
      remove(4, 'old'),
    ]);
    expect(seen).toEqual([{ [STORAGE_VERSION_KEY]: 1, kept: 1, old: 2, new: 3 }]);
    expect(plan).toEqual({
      status: 'migrate',
      from: 1,
      to: 4,
      applied: ['002-write-new', '003-probe', '004-remove-old'],
      writes: { new: 3 },
      removals: ['old'],
    });
  });

  it('never both writes and removes a key: the last migration to touch it wins', () => {
    const plan = planStorageMigrations({ a: 1 }, { atMillis: AT }, [
      write(1, 'b', 1),
      remove(2, 'b'),
      remove(3, 'a'),
      write(4, 'a', 2),
    ]);
    expect(plan).toMatchObject({ writes: { a: 2 }, removals: [] });
  });

  it('counts an unreadable stored version as 0, runs every migration again and keeps the value aside', async () => {
    const plan = planStorageMigrations({ [STORAGE_VERSION_KEY]: '2' }, { atMillis: AT });
    expect(plan).toMatchObject({ status: 'migrate', from: 0, to: CURRENT_STORAGE_VERSION });
    expect(await migrate({ [STORAGE_VERSION_KEY]: '2' })).toEqual({
      [STORAGE_VERSION_KEY]: CURRENT_STORAGE_VERSION,
      [`quarantine/${STORAGE_VERSION_KEY}/${AT}`]: {
        key: STORAGE_VERSION_KEY,
        raw: '2',
        problem: 'not a whole number; every migration runs again',
        at: AT,
      },
    });
  });

  it('applies writes, then removals, then the version: a worker stopped before the version runs them again', async () => {
    const writes: string[][] = [];
    const area = new MemoryStore();
    await area.set({ old: 1 });
    const recording = {
      get: (keys: string | string[] | null) => area.get(keys),
      set: async (items: Record<string, unknown>) => {
        writes.push(Object.keys(items));
        await area.set(items);
      },
      remove: async (keys: string | string[]) => {
        writes.push([`-${String(keys)}`]);
        await area.remove(keys);
      },
    };
    await migrateStorage(
      recording,
      () => AT,
      () => undefined,
      [write(1, 'new', 3), remove(2, 'old')],
    );
    expect(writes).toEqual([['new'], ['-old'], [STORAGE_VERSION_KEY]]);
    expect(await area.get(null)).toEqual({ new: 3, [STORAGE_VERSION_KEY]: 2 });
  });

  it('brings version-0 storage to the current version in one pass', async () => {
    const before = snapshot(STORAGE_MIGRATIONS[0] as StorageMigration, 'before');
    const after = await migrate({ ...before, 'quarantine/quotes/1795168800000': { version: 1, quotes: 7 } });
    expect(after[STORAGE_VERSION_KEY]).toBe(CURRENT_STORAGE_VERSION);
    expect(after['plans/index']).toEqual(['b7Kq2mXw9pLr4tZa', 'a3Fh8sNc1vYe6uQo']);
    expect(after['quarantine/quotes/1795168800000']).toEqual({
      key: 'quotes',
      raw: { version: 1, quotes: 7 },
      problem: 'unreadable when found (quarantined before the reason was recorded)',
      at: 1795168800000,
    });
  });
});
