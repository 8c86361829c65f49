import type { StoredRecord } from '../../lib/store/stored-record';
import { isNewTabPage, withTabPage, type TabPage, type TabPages } from '../../lib/store/tab-pages';
import type { SerialQueue } from '../../lib/worker/serial-queue';

export interface TabPagesDeps {
  readonly record: StoredRecord<TabPages>;
  readonly queue: SerialQueue;
  readonly now: () => number;
}

/**
 * Which page each tab sends prices from (lib/store/tab-pages), for the popup's "Plan a
 * trade here". Written only when a tab's page changes: a tick of the same page costs a
 * comparison with what this worker last wrote.
 */
export class TabPagesRecorder {
  private known: TabPages | null = null;

  constructor(private readonly deps: TabPagesDeps) {}

  async note(tabId: number, page: Omit<TabPage, 'seenAt'>): Promise<void> {
    if (this.known !== null && !isNewTabPage(this.known, tabId, page)) return;
    const { record, queue, now } = this.deps;
    await queue(async () => {
      const stored = await record.read();
      this.known = isNewTabPage(stored, tabId, page)
        ? withTabPage(stored, tabId, { ...page, seenAt: now() })
        : stored;
      if (this.known !== stored) await record.write(this.known);
    });
  }

  /** The page a tab last sent a price from, if it still shows that origin. */
  async pageOf(tabId: number, origin: string): Promise<TabPage | null> {
    const page = (await this.deps.record.read()).tabs[String(tabId)];
    return page !== undefined && page.origin === origin ? page : null;
  }
}
