import { browser } from 'wxt/browser';

import { webOriginOf } from '../../lib/messages/sender';

export interface TargetTab {
  readonly tabId: number;
  /** The page's http(s) origin, or null (not a web page, or the browser hides its address). */
  readonly origin: string | null;
}

/**
 * The tab the popup acts on: the active tab of its window, or the one named by `?tab=<id>`
 * when the popup is opened as a page of its own (from a notification, or by a test).
 */
export async function findTargetTab(search: string): Promise<TargetTab | null> {
  const requested = Number.parseInt(new URLSearchParams(search).get('tab') ?? '', 10);
  const tab = Number.isInteger(requested)
    ? await browser.tabs.get(requested).catch(() => undefined)
    : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (tab?.id === undefined) return null;
  return { tabId: tab.id, origin: tab.url === undefined ? null : webOriginOf({ url: tab.url }) };
}
