import { z } from 'zod';

import type { RecordSpec } from './stored-record';

/** storage.session key of the page each tab last sent a price from. */
export const TAB_PAGES_KEY = 'tab-pages';

/** Tabs remembered at most; the least recently seen goes first. */
export const TAB_PAGES_LIMIT = 200;

/**
 * The venue and symbol a tab's content script last sent a price for, with the tab's
 * origin then: the popup's "Plan a trade here" fills in the page the trader is on. In
 * session storage, so a restarted worker still knows it and a restarted browser does not.
 */
export const TabPageSchema = z.object({
  venue: z.string().min(1).max(255),
  symbol: z.string().min(1).max(64),
  origin: z.string().max(2048),
  seenAt: z.number().int().nonnegative(),
});
export type TabPage = z.infer<typeof TabPageSchema>;

export const TabPagesSchema = z.object({
  version: z.literal(1),
  /** By tab id. */
  tabs: z.record(z.string().regex(/^\d+$/), TabPageSchema),
});
export type TabPages = z.infer<typeof TabPagesSchema>;

export function emptyTabPages(): TabPages {
  return { version: 1, tabs: {} };
}

export const TAB_PAGES: RecordSpec<TabPages> = {
  key: TAB_PAGES_KEY,
  schema: TabPagesSchema,
  fallback: emptyTabPages,
};

/** Whether a tab's entry would change: the background writes only then, not on every tick. */
export function isNewTabPage(record: TabPages, tabId: number, page: Omit<TabPage, 'seenAt'>): boolean {
  const known = record.tabs[String(tabId)];
  return known?.venue !== page.venue || known.symbol !== page.symbol || known.origin !== page.origin;
}

export function withTabPage(record: TabPages, tabId: number, page: TabPage): TabPages {
  const tabs = { ...record.tabs, [String(tabId)]: page };
  const ids = Object.keys(tabs);
  if (ids.length <= TAB_PAGES_LIMIT) return { version: 1, tabs };
  const kept = ids.sort((a, b) => (tabs[b]?.seenAt ?? 0) - (tabs[a]?.seenAt ?? 0)).slice(0, TAB_PAGES_LIMIT);
  return { version: 1, tabs: Object.fromEntries(kept.map((id) => [id, tabs[id] as TabPage])) };
}
