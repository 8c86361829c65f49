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

  /** Every quarantined value, oldest first (reads all of storage: for the planner only). */
  async list(): Promise<QuarantineEntry[]> {
    const all = await this.deps.area.get(null);
    return Object.entries(all)
      .filter(([key]) => key.startsWith(QUARANTINE_PREFIX))
      .map(([key, value]) => readQuarantineEntry(key, value))
      .sort((a, b) => a.at - b.at);
  }
}
