import {
  emptyTabPages,
  isNewTabPage,
  TAB_PAGES_KEY,
  TabPagesSchema,
  withTabPage,
  type TabPage,
  type TabPages,
} from '../../lib/store/tab-pages';
import { StoredRecord, type KeyValueArea, type SerialQueue } from './storage';

export interface TabPagesDeps {
  readonly session: KeyValueArea;
  readonly queue: SerialQueue;
  readonly now: () => number;
}

/**
 * Which page each tab sends prices from (lib/store/tab-pages), for the popup's "Plan a
 * trade here". Written only when a tab's page changes: a tick of the same page costs a
 * comparison with what this worker last wrote.
 */
export class TabPagesRecorder {
  private readonly record: StoredRecord<TabPages>;
  private known: TabPages | null = null;

  constructor(private readonly deps: TabPagesDeps) {
    this.record = new StoredRecord(deps.session, TAB_PAGES_KEY, TabPagesSchema, emptyTabPages, deps.now);
  }

  async note(tabId: number, page: Omit<TabPage, 'seenAt'>): Promise<void> {
    if (this.known !== null && !isNewTabPage(this.known, tabId, page)) return;
    await this.deps.queue(async () => {
      const stored = await this.record.read();
      this.known = isNewTabPage(stored, tabId, page)
        ? withTabPage(stored, tabId, { ...page, seenAt: this.deps.now() })
        : stored;
      if (this.known !== stored) await this.record.write(this.known);
    });
  }

  /** The page a tab last sent a price from, if it still shows that origin. */
  async pageOf(tabId: number, origin: string): Promise<TabPage | null> {
    const page = (await this.record.read()).tabs[String(tabId)];
    return page !== undefined && page.origin === origin ? page : null;
  }
}
