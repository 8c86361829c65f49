import { z } from 'zod';

import type { Quarantine } from './quarantine';
import type { StorageArea, WriteBatch } from './storage-area';
import { readStoredList, type ListSpec } from './stored-list';

/**
 * The journal of one plan: every event that changed something (the tick that triggered it,
 * each confirmation and lifecycle action) with its time and what it produced. Ticks that
 * cross nothing are not journaled: the tick history keeps those.
 */
export const JOURNAL_PREFIX = 'journal/';

export function journalKey(planId: string): string {
  return `${JOURNAL_PREFIX}${planId}`;
}

/** A journal longer than this drops its oldest entries (they are also in exports taken before). */
export const JOURNAL_LIMIT = 2000;

export const JournalEntrySchema = z.object({
  /** When the background handled it. */
  at: z.number(),
  /**
   * tick, fill, skip, cancel, stale, import, arm, pause, resume, close, mute, unmute,
   * adjust, correct;
   * quarantined (the plan was set aside), notification-dropped (the browser refused it).
   */
  event: z.string(),
  /** The tick or confirmation as received (price, qty, time, source, request id). */
  input: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  /** What the engine said: alerts, fills, skips, phases, refusals. */
  effects: z.array(z.record(z.string(), z.unknown())),
  /**
   * An adjustment or a correction: the live plan's revision before and after it (equal
   * when refused), and what changed, line by line, in a trader's words.
   */
  revision: z.object({ from: z.number(), to: z.number() }).optional(),
  changes: z.array(z.string()).optional(),
});
export type JournalEntry = z.infer<typeof JournalEntrySchema>;

function journalSpec(planId: string): ListSpec<JournalEntry> {
  return { key: journalKey(planId), entry: JournalEntrySchema, noun: 'journal entries' };
}

/** The repository of the plans' journals, one list per plan, read entry by entry. */
export class JournalRepository {
  constructor(
    private readonly area: StorageArea,
    private readonly quarantine: Quarantine,
  ) {}

  read(planId: string): Promise<JournalEntry[]> {
    return readStoredList(this.area, this.quarantine, journalSpec(planId));
  }

  /** Add an entry to the plan's journal in `batch` (after what the batch already adds to it). */
  async append(batch: WriteBatch, planId: string, entry: JournalEntry): Promise<void> {
    const key = journalKey(planId);
    const current = batch.has(key) ? (batch.pending(key) as JournalEntry[]) : await this.read(planId);
    batch.put(key, [...current, entry].slice(-JOURNAL_LIMIT));
  }

  /** A journal as stored, unread (what the trash keeps). */
  async stored(planId: string): Promise<unknown> {
    return (await this.area.get(journalKey(planId)))[journalKey(planId)];
  }

  drop(batch: WriteBatch, planId: string): void {
    batch.remove(journalKey(planId));
  }

  /** Put a deleted plan's journal back as it was stored; reading it judges it again. */
  restore(batch: WriteBatch, planId: string, raw: unknown): void {
    batch.put(journalKey(planId), raw ?? []);
  }
}
