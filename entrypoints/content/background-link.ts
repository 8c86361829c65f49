import * as z from 'zod/mini';
import { browser } from 'wxt/browser';

import type { WatchConfigRequest } from '../../lib/messages/requests';
import { WatchConfigReplySchema, type WatchConfig } from '../../lib/messages/watch-config';
import type { WatchMessage } from '../../lib/watch/page-watch';

/*
 * The content script's two conversations with the background. Only the watch-config
 * reply schema is imported here (zod/mini), so that the schemas the background checks
 * requests with stay out of this bundle.
 */

/**
 * How to watch this page, or null when the background refuses (an origin it does not
 * read) or cannot be reached (the extension was reloaded under this page).
 */
export async function fetchWatchConfig(): Promise<WatchConfig | null> {
  const request: WatchConfigRequest = { type: 'watch-config' };
  try {
    const parsed = z.safeParse(WatchConfigReplySchema, await browser.runtime.sendMessage(request));
    return parsed.success && parsed.data.ok ? parsed.data.config : null;
  } catch {
    return null;
  }
}

/**
 * Send a tick or a stale report. Nothing is retried: the next price supersedes this one,
 * and a refusal is counted by the background, where it can be seen.
 */
export function sendToBackground(message: WatchMessage): void {
  browser.runtime.sendMessage(message).catch(() => {
    // The extension was reloaded or updated under this page: WXT invalidates the context
    // and the watcher is stopped through ctx.onInvalidated.
  });
}
