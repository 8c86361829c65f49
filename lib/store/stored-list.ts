import { z } from 'zod';

import type { Quarantine } from './quarantine';
import { describeProblem } from './read-record';
import type { StorageArea, WriteBatch } from './storage-area';

/** A list stored under one key, read entry by entry. */
export interface ListSpec<T> {
  readonly key: string;
  readonly entry: z.ZodType<T>;
  /** What the entries are, for the problem line: "owed notifications", "deleted plans". */
  readonly noun: string;
}

/**
 * Read a stored list entry by entry: one unreadable entry never costs the others. The
 * unreadable entries (or the whole value, when it is no list) are quarantined and the
 * readable ones written back in the same write, so the next reader finds a clean list.
 */
export async function readStoredList<T>(
  area: StorageArea,
  quarantine: Quarantine,
  spec: ListSpec<T>,
): Promise<T[]> {
  const raw = (await area.get(spec.key))[spec.key];
  if (raw === undefined) return [];
  const read = readListValue(raw, spec);
  if (read.problem !== null) {
    // What is kept aside is the unreadable part; the readable part stays in the list.
    const unreadable = { found: raw, kept: read.unreadable, problem: read.problem };
    await quarantine.replace(area, spec.key, unreadable, (batch) => batch.put(spec.key, read.entries));
  }
  return read.entries;
}

function readListValue<T>(
  raw: unknown,
  spec: ListSpec<T>,
): { entries: T[]; unreadable: unknown; problem: string | null } {
  if (!Array.isArray(raw)) {
    const problem = describeProblem(raw, z.array(z.unknown()).safeParse(raw).error ?? new z.ZodError([]));
    return { entries: [], unreadable: raw, problem };
  }
  const entries: T[] = [];
  const unreadable: unknown[] = [];
  let firstProblem: string | null = null;
  for (const [position, value] of raw.entries()) {
    const parsed = spec.entry.safeParse(value);
    if (parsed.success) {
      entries.push(parsed.data);
      continue;
    }
    unreadable.push(value);
    firstProblem ??= `entry ${position + 1}: ${describeProblem(value, parsed.error)}`;
  }
  if (firstProblem === null) return { entries, unreadable: [], problem: null };
  return {
    entries,
    unreadable,
    problem: `${unreadable.length} of ${raw.length} ${spec.noun} unreadable (${firstProblem})`,
  };
}

/** The repository of a list under a fixed key (the outbox, the trash). */
export class StoredList<T> {
  readonly key: string;

  constructor(
    private readonly area: StorageArea,
    private readonly spec: ListSpec<T>,
    private readonly quarantine: Quarantine,
  ) {
    this.key = spec.key;
  }

  read(): Promise<T[]> {
    return readStoredList(this.area, this.quarantine, this.spec);
  }

  /** The list as `batch` will leave it, or as stored: what a change in the same write builds on. */
  async current(batch: WriteBatch): Promise<T[]> {
    return batch.has(this.key) ? (batch.pending(this.key) as T[]) : this.read();
  }
}
