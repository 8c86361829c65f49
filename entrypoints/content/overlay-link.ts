import { browser, type Browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

import { isOverlayToggle } from '../../lib/messages/content-checks';
import { normalizeSymbol } from '../../lib/sites/symbol';
import { isTradePage, overlayPageOf } from '../../lib/watch/overlay-page';
import type { ContentRead } from '../../lib/watch/read-page';
import { OverlayHost } from './overlay-host';

/**
 * The on-page panel's wiring: framed once the top frame of a supported page has been
 * read, re-framed when its symbol changes, toggled by the background's shortcut message,
 * removed with the script.
 */
export function connectOverlay(ctx: ContentScriptContext): { noticeRead(read: ContentRead): void } {
  const isTopFrame = window.top === window;
  let host: OverlayHost | null = null;
  if (isTopFrame) {
    const onMessage = (message: unknown, sender: Browser.runtime.MessageSender) => {
      // Only this extension's background sends to content scripts; anything else is ignored.
      if (sender.id !== browser.runtime.id) return;
      if (isOverlayToggle(message)) host?.toggle();
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  }
  ctx.onInvalidated(() => host?.remove());
  const frameAddress = browser.runtime.getURL('/overlay.html');
  const extensionUrl = new URL(frameAddress);
  return {
    noticeRead(read) {
      if (ctx.isInvalid) return;
      const page = overlayPageOf(read, { isTopFrame, normalizeSymbol });
      if (page === null) {
        if (host !== null && !isTradePage(new URL(location.href))) {
          host.remove();
          host = null;
        }
        return;
      }
      host ??= new OverlayHost({
        doc: document,
        win: window,
        extensionOrigin: `${extensionUrl.protocol}//${extensionUrl.host}`,
        frameAddress,
        listen: (target, type, handler) => ctx.addEventListener(target, type, handler),
      });
      host.showFor(page);
    },
  };
}
