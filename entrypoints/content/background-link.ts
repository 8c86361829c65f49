import { browser } from 'wxt/browser';

import { readWatchConfigReply } from '../../lib/messages/content-checks';
import type { WatchConfigRequest } from '../../lib/messages/requests';
import type { WatchConfig } from '../../lib/messages/watch-config';
import type { WatchMessage } from '../../lib/watch/page-watch';

/*
 * The content script's two conversations with the background. The reply is checked
 * without zod (lib/messages/content-checks.ts), so that no schema library is in this bundle.
 */

/**
 * How to watch this page, or null when the background refuses (an origin it does not
 * read) or cannot be reached (the extension was reloaded under this page).
 */
export async function fetchWatchConfig(): Promise<WatchConfig | null> {
  const request: WatchConfigRequest = { type: 'watch-config' };
  try {
    return readWatchConfigReply(await browser.runtime.sendMessage(request));
  } catch {
    return null;
  }
}

/** How long to wait before sending the latest message again after a failed send. */
const RESEND_AFTER_MILLIS = 250;

/**
 * The sender of ticks and stale reports. A send that fails (Chrome stopped the service
 * worker while it handled the message) is sent once more if nothing newer went out since:
 * the background ignores a price it has already seen, so a resend repeats nothing, and the
 * last price before a quiet spell is not lost. `schedule` is the content script's
 * clock bound to its ctx (./ctx-clock.ts), so the timer dies with the script.
 */
export function createSender(
  schedule: (run: () => void, millis: number) => void,
): (message: WatchMessage) => void {
  let latest: WatchMessage | null = null;
  const send = (message: WatchMessage, isResend: boolean): void => {
    latest = message;
    browser.runtime.sendMessage(message).catch(() => {
      // Also the path when the extension was reloaded under this page: WXT invalidates the
      // context, the watcher stops, and the one resend fails quietly too.
      if (isResend) return;
      schedule(() => {
        if (latest === message) send(message, true);
      }, RESEND_AFTER_MILLIS);
    });
  };
  return (message) => send(message, false);
}
