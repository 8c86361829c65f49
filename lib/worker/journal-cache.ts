import { JOURNAL_PREFIX, type JournalEntry } from '../store/journal';

/**
 * The plans' journals as the views read them: each read once, and again only after a write
 * to it. A view is made after every price, and a journal (up to 2,000 entries, each checked
 * against its schema) changes only when something happened to its plan; reading them all
 * again for every price cost more than the price itself.
 */
export class JournalCache {
  private readonly byPlan = new Map<string, Promise<JournalEntry[]>>();

  constructor(private readonly readJournal: (planId: string) => Promise<JournalEntry[]>) {}

  read(planId: string): Promise<JournalEntry[]> {
    const cached = this.byPlan.get(planId);
    if (cached !== undefined) return cached;
    const reading = this.readJournal(planId);
    // A failed read is not kept: the next view reads again.
    reading.catch(() => {
      if (this.byPlan.get(planId) === reading) this.byPlan.delete(planId);
    });
    this.byPlan.set(planId, reading);
    return reading;
  }

  /** Keys were written or removed: a journal among them is read again (a removed one is forgotten). */
  noticeWrite(keys: readonly string[]): void {
    for (const key of keys) {
      if (key.startsWith(JOURNAL_PREFIX)) this.byPlan.delete(key.slice(JOURNAL_PREFIX.length));
    }
  }
}
