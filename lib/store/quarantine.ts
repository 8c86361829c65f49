import { z } from 'zod';

import { WriteBatch, type StorageArea } from './storage-area';

/*
 * The one quarantine. A stored value that cannot be read is never deleted and never
 * silently replaced: it is kept under `quarantine/<key>/<time>`, as found, with where it
 * was and why, in the same write that replaces it (a default, a rebuilt index, the readable
 * entries of a list). The planner lists these records and exports them; nothing reads
 * `raw` back as data.
 */

export const QUARANTINE_PREFIX = 'quarantine/';

export function isQuarantineKey(storageKey: string): boolean {
  return storageKey.startsWith(QUARANTINE_PREFIX);
}

/** Where a corrupt record is kept: one key per record and time, so nothing overwrites it. */
export function quarantineKey(key: string, atMillis: number): string {
  return `${QUARANTINE_PREFIX}${key}/${atMillis}`;
}

export const QuarantineEntrySchema = z.object({
  key: z.string(),
  raw: z.unknown(),
  problem: z.string(),
  at: z.number(),
});
export type QuarantineEntry = z.infer<typeof QuarantineEntrySchema>;

/** The storage write that quarantines `raw`, found under `key`, at `atMillis`. */
export function quarantineWrite(
  key: string,
  raw: unknown,
  problem: string,
  atMillis: number,
): Record<string, QuarantineEntry> {
  return { [quarantineKey(key, atMillis)]: { key, raw, problem, at: atMillis } };
}

/** Where `quarantine/<key>/<time>` came from; null for a key of another shape. */
export function parseQuarantineKey(storageKey: string): { key: string; at: number } | null {
  const match = /^quarantine\/(.+)\/(\d+)$/.exec(storageKey);
  if (match === null) return null;
  return { key: match[1] ?? '', at: Number(match[2]) };
}

/**
 * A stored quarantine entry as the planner lists it. Entries are written whole
 * (`quarantineWrite`); anything else under the prefix is shown as found, its key and
 * time read from the storage key, rather than hidden.
 */
export function readQuarantineEntry(storageKey: string, value: unknown): QuarantineEntry {
  const parsed = QuarantineEntrySchema.safeParse(value);
  if (parsed.success && 'raw' in (value as object)) return parsed.data;
  const origin = parseQuarantineKey(storageKey);
  return {
    key: origin?.key ?? storageKey,
    raw: value,
    problem: 'unreadable (kept as found)',
    at: origin?.at ?? 0,
  };
}

export interface QuarantineDeps {
  /** Where quarantined values are kept: storage.local, whichever area they came from. */
  readonly area: StorageArea;
  readonly now: () => number;
  readonly log: (message: string) => void;
}

export class Quarantine {
  /** The last time used for a key: two values set aside in one millisecond get two keys. */
  private lastAt = 0;

  /** storage.local: where every quarantined value is kept. */
  readonly area: StorageArea;

  constructor(private readonly deps: QuarantineDeps) {
    this.area = deps.area;
  }

  /** Replacements of unreadable values, one at a time: two readers of one value set it aside once. */
  private replacing: Promise<unknown> = Promise.resolve();

  /**
   * `found` under `key` in `area` cannot be read: keep `kept` (all of it, or its unreadable
   * part) aside and write what replaces it (`replace` puts it in the batch) — unless another
   * reader already did: the value is read again first, one replacement at a time. In the
   * quarantine's own area it is one write.
   */
  replace(
    area: StorageArea,
    key: string,
    unreadable: { readonly found: unknown; readonly kept: unknown; readonly problem: string },
    replace: (batch: WriteBatch) => void,
  ): Promise<void> {
    const run = this.replacing.then(async () => {
      const current = (await area.get(key))[key];
      if (JSON.stringify(current) !== JSON.stringify(unreadable.found)) return;
      const aside = new WriteBatch();
      this.keep(aside, key, unreadable.kept, unreadable.problem);
      const replacement = area === this.area ? aside : new WriteBatch();
      replace(replacement);
      await aside.commit(this.area);
      if (replacement !== aside) await replacement.commit(area);
    });
    this.replacing = run.catch(() => undefined);
    return run;
  }

  /** Keep `raw`, found under `key`, aside in `batch`: the same write as what replaces it. */
  keep(batch: WriteBatch, key: string, raw: unknown, problem: string): void {
    const at = Math.max(this.deps.now(), this.lastAt + 1);
    this.lastAt = at;
    this.deps.log(`kept ${key} aside: ${problem}`);
    batch.putAll(quarantineWrite(key, raw, problem, at));
  }

  /**
   * Every quarantined value, oldest first, for the planner: the kept-aside keys alone where
   * the browser lists keys, else all of storage.
   */
  async list(): Promise<QuarantineEntry[]> {
    const { area } = this.deps;
    // Only the kept-aside keys' values when the area can list keys alone, else all of them
    // (also where listing keys fails: WXT's fake browser has the method but not the feature).
    const allKeys = await storedKeys(area);
    const keys = allKeys === undefined ? null : allKeys.filter(isQuarantineKey);
    const stored = keys?.length === 0 ? {} : await area.get(keys);
    return Object.entries(stored)
      .filter(([key]) => isQuarantineKey(key))
      .map(([key, value]) => readQuarantineEntry(key, value))
      .sort((a, b) => a.at - b.at);
  }
}

/** Every stored key, or undefined where the area cannot list them alone. */
async function storedKeys(area: StorageArea): Promise<string[] | undefined> {
  try {
    return await area.getKeys?.();
  } catch {
    return undefined;
  }
}
